#pragma once
// Checking text is well-formed UTF-8, and turning a byte offset into a line and column.
#include <optional>
#include <string_view>
#include <utility>

namespace planpack::load {

// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view s);

// Offset of the first byte that is not well-formed UTF-8, if any.
std::optional<size_t> first_invalid_utf8(std::string_view s);

// 1-based line and byte column of an offset.
std::pair<int, int> line_and_column(std::string_view text, size_t offset);

}  // namespace planpack::load
