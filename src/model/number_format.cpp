#include "model/number_format.hpp"

#include <charconv>

namespace planpack::model {

std::optional<std::int64_t> parse_integer(std::string_view s) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::string format_grouped(std::int64_t v) {
    const bool negative = v < 0;
    std::string digits = std::to_string(v);
    if (negative) digits.erase(0, 1);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string format_money(std::int64_t v) {
    return v < 0 ? "-£" + format_grouped(-v) : "£" + format_grouped(v);
}

}  // namespace planpack::model
