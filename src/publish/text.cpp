#include "publish/text.hpp"

#include <array>
#include <cstdint>

#include "publish/record.hpp"
#include "publish/sha256.hpp"
#include "render/pdf/text.hpp"  // append_utf8

namespace planpack::publish {

namespace {

// Elements that start a new line of text: blocks and table rows (cells are spaced).
bool breaks_line(std::string_view name) {
    static constexpr std::array<std::string_view, 27> blocks = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "caption", "figcaption", "div", "dt", "dd",
        "table", "ul", "ol", "dl", "blockquote", "section", "article", "header", "footer", "pre", "br", "hr", "figure"};
    for (auto b : blocks)
        if (b == name) return true;
    return false;
}

// The entities planpack's escaping writes, and numeric references; any other is kept as is.
size_t decode_entity(std::string_view s, std::string& out) {
    const size_t end = s.find(';');
    if (end == std::string_view::npos || end > 10) {
        out += '&';
        return 1;
    }
    const std::string_view name = s.substr(1, end - 1);
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> named = {
        {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}}};
    for (const auto& [n, v] : named)
        if (name == n) {
            out += v;
            return end + 1;
        }
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        uint32_t cp = 0;
        for (char c : name.substr(hex ? 2 : 1)) {
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                            : -1;
            if (digit < 0 || cp > 0x10FFFF) {
                out += '&';
                return 1;
            }
            cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
        }
        render::pdf::append_utf8(out, cp);
        return end + 1;
    }
    out += '&';
    return 1;
}

// Collapses white space and splits at the line marks ('\n') into non-empty lines.
Text to_lines(const std::string& raw) {
    Text out;
    std::string line;
    bool space = false;
    auto flush = [&] {
        if (!line.empty()) out.push_back({0, line});
        line.clear();
        space = false;
    };
    for (char c : raw) {
        if (c == '\n') flush();
        else if (c == ' ' || c == '\t' || c == '\r') space = !line.empty();
        else {
            if (space) line += ' ';
            space = false;
            line += c;
        }
    }
    flush();
    return out;
}

}  // namespace

Text html_text(std::string_view html) {
    const size_t open = html.find("<main");
    const size_t close = html.rfind("</main>");
    if (open != std::string_view::npos && close != std::string_view::npos && close > open)
        html = html.substr(open, close - open);
    std::string raw;
    for (size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            const size_t end = html.find('>', i);
            if (end == std::string_view::npos) break;
            std::string_view tag = html.substr(i + 1, end - i - 1);
            if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
            const size_t name_end = tag.find_first_of(" \t\n/>");
            const std::string_view name = tag.substr(0, name_end);
            // Not read: a style or script block (planpack's pages have none in <main>), and a
            // download link, whose size and page count describe another file, compared on
            // its own (and absent from a build of the HTML alone).
            const bool download = name == "p" && tag.find("class=\"download\"") != std::string_view::npos;
            if (name == "style" || name == "script" || download) {
                const size_t after = html.find("</" + std::string(name), end);
                const size_t close_end = after == std::string_view::npos ? after : html.find('>', after);
                i = close_end == std::string_view::npos ? html.size() : close_end + 1;
                raw += '\n';
                continue;
            }
            if (breaks_line(name)) raw += '\n';
            else if (name == "td" || name == "th") raw += ' ';
            i = end + 1;
        } else if (c == '&') {
            i += decode_entity(html.substr(i), raw);
        } else {
            raw += c == '\n' ? ' ' : c;
            ++i;
        }
    }
    return to_lines(raw);
}

Text pdf_text(const std::vector<std::vector<std::string>>& pages) {
    Text out;
    for (size_t p = 0; p < pages.size(); ++p)
        for (const auto& line : pages[p])
            for (auto& l : to_lines(line)) out.push_back({static_cast<int>(p + 1), std::move(l.text)});
    return out;
}

std::string text_digest(const Text& text) {
    // The words in order, whatever lines they fell on: a page laid out anew (another
    // stylesheet, another font size) reads the same. A line ending in a hyphen or slash
    // was broken inside a word ("child-" / "first"), so it joins the next without a space.
    std::string words;
    for (const auto& l : text) {
        if (!words.empty() && words.back() != '-' && words.back() != '/') words += ' ';
        words += l.text;
    }
    return sha256_hex(words);
}

std::vector<std::string> line_prints(const Text& text) {
    std::vector<std::string> out;
    out.reserve(text.size());
    for (const auto& l : text) out.push_back(sha256_hex(l.text).substr(0, line_print_length));
    return out;
}

}  // namespace planpack::publish
