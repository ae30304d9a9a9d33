#include "load/utf8.hpp"

namespace planpack::load {

bool valid_utf8(std::string_view s) { return !first_invalid_utf8(s); }

std::pair<int, int> line_and_column(std::string_view text, size_t offset) {
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    return {line, static_cast<int>(offset - line_start + 1)};
}

std::optional<size_t> first_invalid_utf8(std::string_view s) {
    const auto* begin = reinterpret_cast<const unsigned char*>(s.data());
    const auto* p = begin;
    const auto* end = p + s.size();
    while (p < end) {
        const unsigned char c = *p;
        int n = 0;
        unsigned int cp = 0;
        if (c < 0x80) { ++p; continue; }
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
        else return static_cast<size_t>(p - begin);
        if (end - p <= n) return static_cast<size_t>(p - begin);
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) return static_cast<size_t>(p - begin);
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return static_cast<size_t>(p - begin);
        p += n + 1;
    }
    return std::nullopt;
}

}  // namespace planpack::load
