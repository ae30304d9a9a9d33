#include "render/html/escape.hpp"

namespace planpack::render::html {

void append_escaped(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    append_escaped(out, s);
    return out;
}

}  // namespace planpack::render::html
