#include "transform/committee/names.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace planpack::transform::committee {

std::string Names::with_role(const std::string& id, const model::Date& day, std::string_view capacity) const {
    const data::Person* p = find(id);
    if (!p) return id;
    if (capacity.empty()) return data::name_and_role(*p, day, privacy_);
    if (!data::may_name(*p, privacy_)) return std::string(capacity);
    return data::full_name(*p) + ", " + std::string(capacity);
}

std::string Names::name_or_role(const std::string& id, const model::Date& day, std::string_view role) const {
    const data::Person* p = find(id);
    if (!p) return id;
    if (data::may_name(*p, privacy_)) return data::full_name(*p);
    if (!role.empty()) return std::string(role);
    const data::Role* r = data::role_at(*p, day);
    return r ? r->title : "A member of the public";
}

std::string Names::listed(const std::vector<std::string>& ids) const {
    if (!names_members()) return "";
    std::vector<const data::Person*> people;
    for (const auto& id : ids)
        if (const data::Person* p = find(id); p && data::may_name(*p, privacy_)) people.push_back(p);
    // Agendas list councillors alphabetically by surname.
    std::stable_sort(people.begin(), people.end(), [](const data::Person* a, const data::Person* b) {
        return std::tie(a->family, a->initial) < std::tie(b->family, b->initial);
    });
    std::vector<std::string> parts;
    for (const auto* p : people) parts.push_back(data::listed_name(*p));
    return join_and(parts);
}

std::vector<data::Contact> Names::contacts(const std::string& id, const std::vector<data::Contact>& generic) const {
    std::vector<data::Contact> out;
    if (const data::Person* p = find(id)) out = data::shown_contacts(p->contacts, privacy_);
    for (const auto& c : generic) out.push_back(c);
    return out;
}

std::string count_words(size_t n) {
    static constexpr std::array<const char*, 21> words = {
        "no",    "one",    "two",    "three",    "four",     "five",    "six",
        "seven", "eight",  "nine",   "ten",      "eleven",   "twelve",  "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    return n < words.size() ? words[n] : std::to_string(n);
}

std::string join_and(const std::vector<std::string>& parts) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

}  // namespace planpack::transform::committee
