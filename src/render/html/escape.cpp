#include "render/html/escape.hpp"

namespace planpack::render::html {

// Appends the runs between special characters whole: most text has none, and appending a
// character at a time was the largest single cost of rendering a page.
void append_escaped(std::string& out, std::string_view s) {
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        std::string_view entity;
        switch (s[i]) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            case '\'': entity = "&#39;"; break;
            default: continue;
        }
        out.append(s.substr(run, i - run)).append(entity);
        run = i + 1;
    }
    out.append(s.substr(run));
}

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    append_escaped(out, s);
    return out;
}

}  // namespace planpack::render::html
