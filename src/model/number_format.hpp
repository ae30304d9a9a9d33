#pragma once
// Numbers read and printed the one way every format prints them: whole and decimal
// numbers parsed strictly, grouped figures and money, and Excel's number formats.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planpack::model {

// "1234567" or "-12" as a whole number; nullopt for anything else (no spaces, no commas).
std::optional<std::int64_t> parse_integer(std::string_view s);
// "46", "30.3", "-0.74" as a number; nullopt for anything else (no grouping, no exponent).
std::optional<double> parse_decimal(std::string_view s);
std::string format_grouped(std::int64_t v);  // 1,081,612
std::string format_money(std::int64_t v);    // £1,081,612 and −£43,260 (U+2212)

// The part of Excel's number formats that statistics need, so a figure prints the same
// in HTML, PDF and the spreadsheet that stores the number with the format itself:
//   sections  positive;negative;zero   (one section: negatives get a leading '-')
//   digits    0 and # with an optional ',' for thousands and '.' for decimal places
//   %         multiplies by 100 ("0.0%" prints 0.303 as 30.3%)
//   literals  "quoted text", \x, and + - £ $ ( ) : / and spaces
// An empty format prints a plain number (up to 6 decimal places, no trailing zeros).
bool valid_number_format(std::string_view format);
std::string format_number(double v, std::string_view format);
// Decimal places the format's first section shows (2 for "#,##0.00").
int format_decimals(std::string_view format);
bool format_is_percent(std::string_view format);

}  // namespace planpack::model
