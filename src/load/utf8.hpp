#pragma once
#include <string_view>

namespace planpack::load {

// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view s);

}  // namespace planpack::load
