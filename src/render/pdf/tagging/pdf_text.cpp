#include "render/pdf/tagging/pdf_text.hpp"

#include <hpdf_objects.h>

#include <string>
#include <vector>

#include "render/pdf/text.hpp"

namespace planpack::render::pdf::tagging {

void* pdf_text(HPDF_Doc pdf, std::string_view utf8) {
    bool ascii = true;
    for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
    if (ascii) return HPDF_String_New(pdf->mmgr, std::string(utf8).c_str(), nullptr);
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
    return HPDF_Binary_New(pdf->mmgr, b.data(), static_cast<HPDF_UINT>(b.size()));
}

}  // namespace planpack::render::pdf::tagging
