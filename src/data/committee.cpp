#include "data/committee.hpp"

namespace planpack::data {

std::vector<const Membership*> members_on(const std::vector<Membership>& all, const model::Date& day) {
    std::vector<const Membership*> out;
    for (const Membership& m : all)
        if (m.on(day)) out.push_back(&m);
    return out;
}

std::string municipal_year(const Committee& c, const model::Date& day) {
    const int first = day.month >= c.year_starts ? day.year : day.year - 1;
    return std::to_string(first) + "/" + std::to_string(first + 1);
}

}  // namespace planpack::data
