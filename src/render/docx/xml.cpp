#include "render/docx/xml.hpp"

namespace planpack::render::docx {

void append_xml(std::string& out, std::string_view text) {
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
                out += ch;
        }
    }
}

std::string xml(std::string_view text) {
    std::string out;
    append_xml(out, text);
    return out;
}

}  // namespace planpack::render::docx
