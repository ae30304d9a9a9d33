#include "render/pdf/tagging/pdf_text.hpp"

#include <hpdf_objects.h>

#include <string>
#include <vector>

#include "render/pdf/text.hpp"

namespace planpack::render::pdf::tagging {

namespace {

bool printable_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c >= 0x7F) return false;
    return true;
}

// UTF-16BE with a byte-order mark, as a PDF text string that is not ASCII must be.
std::vector<HPDF_BYTE> utf16be(std::string_view utf8) {
    std::vector<HPDF_BYTE> b{0xFE, 0xFF};
    auto unit = [&](unsigned u) {
        b.push_back(static_cast<HPDF_BYTE>(u >> 8));
        b.push_back(static_cast<HPDF_BYTE>(u & 0xFF));
    };
    for (size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        if (cp >= 0x10000) {
            const unsigned v = static_cast<unsigned>(cp) - 0x10000;
            unit(0xD800 + (v >> 10));
            unit(0xDC00 + (v & 0x3FF));
        } else {
            unit(static_cast<unsigned>(cp));
        }
    }
    return b;
}

}  // namespace

void* pdf_text(HPDF_Doc pdf, std::string_view utf8) {
    if (printable_ascii(utf8)) return HPDF_String_New(pdf->mmgr, std::string(utf8).c_str(), nullptr);
    std::vector<HPDF_BYTE> b = utf16be(utf8);
    return HPDF_Binary_New(pdf->mmgr, b.data(), static_cast<HPDF_UINT>(b.size()));
}

std::string pdf_text_token(std::string_view utf8) {
    std::string out;
    if (printable_ascii(utf8)) {
        out += '(';
        for (char c : utf8) {
            if (c == '(' || c == ')' || c == '\\') out += '\\';
            out += c;
        }
        return out + ')';
    }
    static constexpr char hex[] = "0123456789ABCDEF";
    out += '<';
    for (HPDF_BYTE v : utf16be(utf8)) {
        out += hex[v >> 4];
        out += hex[v & 0xF];
    }
    return out + '>';
}

}  // namespace planpack::render::pdf::tagging
