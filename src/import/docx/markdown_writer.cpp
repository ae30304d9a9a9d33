#include "import/docx/markdown_writer.hpp"

#include <algorithm>

namespace planpack::import_docx {

namespace {

bool md_digit(char c) { return c >= '0' && c <= '9'; }
bool md_alnum(char c) { return md_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// '&' starts an entity only when a name or number and ';' follow: "R&D" stays as it is.
bool starts_entity(const std::string& s, size_t at) {
    size_t i = at + 1;
    if (i < s.size() && s[i] == '#') ++i;
    const size_t first = i;
    while (i < s.size() && md_alnum(s[i]) && i - first < 32) ++i;
    return i > first && i < s.size() && s[i] == ';';
}

std::string escape_text(const std::string& s, bool in_cell) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '~':
                out += '\\';
                break;
            case '|':
                if (in_cell) out += '\\';
                break;
            case '&':
                if (starts_entity(s, i)) out += '\\';
                break;
            case '!':  // an image only before '[', which is escaped anyway
            default:
                break;
        }
        // Word's non-breaking space and tab stay spaces; a line end is a space.
        if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else out += c;
    }
    return out;
}

// Emphasis around text, with its outer spaces outside the markers: "** a**" is no emphasis.
void emphasised(std::string& out, const std::string& text, bool bold, bool italic) {
    const size_t first = text.find_first_not_of(' ');
    if (first == std::string::npos || (!bold && !italic)) {
        out += text;
        return;
    }
    const size_t last = text.find_last_not_of(' ');
    const std::string mark = std::string(italic ? "*" : "") + (bold ? "**" : "");
    std::string closing = mark;
    std::reverse(closing.begin(), closing.end());
    out += text.substr(0, first) + mark + text.substr(first, last + 1 - first) + closing + text.substr(last + 1);
}

std::string link_target(const std::string& url) {
    std::string out;
    for (char c : url) {
        if (c == ' ') out += "%20";
        else if (c == '(' || c == ')' || c == '<' || c == '>') out += '\\', out += c;
        else out += c;
    }
    return out;
}

}  // namespace

std::string inline_markdown(const std::vector<Span>& spans, bool in_cell) {
    std::string out;
    // Runs of text with the same formatting are one emphasis: Word splits runs anywhere.
    std::string pending;
    bool bold = false, italic = false;
    auto flush = [&] {
        emphasised(out, pending, bold, italic);
        pending.clear();
    };
    for (const Span& s : spans) {
        if (s.kind == Span::Kind::text) {
            if (!pending.empty() && (s.bold != bold || s.italic != italic)) flush();
            bold = s.bold, italic = s.italic;
            pending += escape_text(s.text, in_cell);
            continue;
        }
        flush();
        switch (s.kind) {
            case Span::Kind::link:
                out += "[" + inline_markdown(s.content, in_cell) + "](" + link_target(s.target) + ")";
                break;
            case Span::Kind::footnote: out += "[^" + std::to_string(s.footnote) + "]"; break;
            case Span::Kind::image:
                out += "![" + escape_text(s.text, in_cell) + "](" + link_target(s.target) + ")";
                break;
            case Span::Kind::line_break: out += in_cell ? " " : "\\\n"; break;
            case Span::Kind::text: break;
        }
    }
    flush();
    return out;
}

namespace {

// Whether a line of a paragraph would be read as something else: "# ", "- ", "1. ", "> ",
// "+++", a rule or a setext underline. ("Table: " is left alone: a backslash cannot hide it
// from planpack's caption rule, which reads the parsed text, and only beside a table is it one.)
bool reads_as_syntax(const std::string& line) {
    if (line.empty()) return false;
    const char c = line[0];
    if (c == '#' || c == '>' || c == '+' || c == '=' || c == '-' || c == '|') return true;
    if (c == '*' && (line.size() == 1 || line[1] == ' ')) return true;
    size_t i = 0;
    while (i < line.size() && md_digit(line[i])) ++i;
    return i > 0 && i < 10 && i < line.size() && (line[i] == '.' || line[i] == ')') &&
           (i + 1 == line.size() || line[i + 1] == ' ');
}

}  // namespace

std::string paragraph_markdown(const std::vector<Span>& spans) {
    std::string text = inline_markdown(spans);
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        line.erase(0, std::min(line.find_first_not_of(' '), line.size()));
        if (reads_as_syntax(line)) {
            // Escape the character that makes it syntax: the digits' '.' or ')', else the first.
            size_t at = 0;
            while (at < line.size() && md_digit(line[at])) ++at;
            line.insert(at, "\\");
        }
        out += line;
        if (end == text.size()) break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

std::string table_markdown(const Table& t) {
    size_t columns = 0;
    for (const auto& r : t.rows) columns = std::max(columns, r.size());
    std::string out;
    auto row = [&](const std::vector<std::vector<Span>>& cells) {
        out += "|";
        for (size_t c = 0; c < columns; ++c) {
            std::string text = c < cells.size() ? inline_markdown(cells[c], true) : "";
            text.erase(0, std::min(text.find_first_not_of(' '), text.size()));
            text.erase(text.find_last_not_of(' ') + 1);
            out += " " + text + " |";
        }
        out += "\n";
    };
    for (size_t r = 0; r < t.rows.size(); ++r) {
        row(t.rows[r]);
        if (r == 0) {
            out += "|";
            for (size_t c = 0; c < columns; ++c) out += " --- |";
            out += "\n";
        }
    }
    return out;
}

std::string strip_typed_number(std::vector<Span>& spans, bool heading) {
    if (spans.empty() || spans.front().kind != Span::Kind::text) return "";
    std::string& t = spans.front().text;
    const size_t lead = t.find_first_not_of(' ');
    if (lead == std::string::npos) return "";
    size_t i = lead, dots = 0;
    // "1.1", "2.3.4", "1.1." and "1.0" are paragraph numbers; "1." or "2022" alone are not.
    while (i < t.size()) {
        const size_t digits = i;
        while (i < t.size() && md_digit(t[i])) ++i;
        if (i == digits || i - digits > 3) return "";
        if (i < t.size() && t[i] == '.') {
            ++dots, ++i;
            if (i < t.size() && md_digit(t[i])) continue;
        }
        break;
    }
    const bool trailing_dot = t[i - 1] == '.';
    // A heading's "1." or "1.0" is a section number; in a paragraph "1." is not a number to strip.
    const size_t least = trailing_dot && !heading ? 2u : 1u;
    if (dots < least || i >= t.size() || (t[i] != ' ' && t[i] != '\t' && t[i] != '\xc2'))
        return "";
    std::string number = t.substr(lead, i - lead);
    if (trailing_dot) number.pop_back();
    size_t rest = i;
    while (rest < t.size() && (t[rest] == ' ' || t[rest] == '\t')) ++rest;
    if (t.compare(rest, 2, "\xc2\xa0") == 0) rest += 2;  // a non-breaking space after the number
    t.erase(0, rest);
    if (t.empty()) spans.erase(spans.begin());
    return number;
}

}  // namespace planpack::import_docx
