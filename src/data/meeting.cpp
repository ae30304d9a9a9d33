#include "data/meeting.hpp"

namespace planpack::data {

std::optional<Answer> parse_answer(std::string_view s) {
    if (s == "yes") return Answer::yes;
    if (s == "no") return Answer::no;
    if (s == "n.a.") return Answer::not_applicable;
    return std::nullopt;
}

}  // namespace planpack::data
