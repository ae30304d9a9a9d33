#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planpack::model {

// "1234567" or "-12" as a whole number; nullopt for anything else (no spaces, no commas).
std::optional<std::int64_t> parse_integer(std::string_view s);
std::string format_grouped(std::int64_t v);  // 1,081,612
std::string format_money(std::int64_t v);    // £1,081,612 and -£43,260

}  // namespace planpack::model
