#include "import/docx/body_writer.hpp"

#include <algorithm>

#include "import/docx/markdown_writer.hpp"

namespace planpack::import_docx {

void BodyWriter::block(const std::string& markdown, bool list) {
    // Blocks are apart by a blank line; list items of one list follow each other.
    if (!text_.empty()) {
        const bool tight = list && in_list_;
        text_ += tight ? "\n" : "\n\n";
        line_ += tight ? 1 : 2;
    }
    text_ += markdown;
    line_ += static_cast<int>(std::count(markdown.begin(), markdown.end(), '\n'));
    in_list_ = list;
    if (!list) list_widths_.clear(), list_counts_.clear();
}

void BodyWriter::heading(int level, const std::vector<Span>& spans) {
    std::string text = inline_markdown(spans, true);  // one line
    text.erase(0, std::min(text.find_first_not_of(' '), text.size()));
    text.erase(text.find_last_not_of(' ') + 1);
    block(std::string(static_cast<size_t>(std::clamp(level, 1, 6)), '#') + " " + text);
}

void BodyWriter::paragraph(const std::vector<Span>& spans) { block(paragraph_markdown(spans)); }

void BodyWriter::list_item(const Paragraph& p) {
    // A level may go one deeper than the item before; Word lets it jump further.
    const size_t level = std::min(static_cast<size_t>(p.level), in_list_ ? list_widths_.size() : 0);
    list_widths_.resize(level + 1, 2);
    list_counts_.resize(level + 1, 0);
    size_t indent = 0;
    for (size_t l = 0; l < level; ++l) indent += list_widths_[l];
    const std::string marker = p.ordered ? std::to_string(++list_counts_[level]) + ". " : "- ";
    if (!p.ordered) list_counts_[level] = 0;
    list_widths_[level] = marker.size();
    std::string body = paragraph_markdown(p.spans);
    // Continuation lines (after a line break) stand under the item's text.
    const std::string pad(indent + marker.size(), ' ');
    for (size_t at = body.find('\n'); at != std::string::npos; at = body.find('\n', at + 1))
        body.insert(at + 1, pad);
    block(std::string(indent, ' ') + marker + body, true);
}

void BodyWriter::table(const Table& t, const std::string& caption_markdown) {
    std::string md = table_markdown(t);
    block(md.substr(0, md.size() - 1));
    block("Table: " + caption_markdown);
}

void BodyWriter::footnotes(const std::vector<std::vector<Span>>& notes) {
    for (size_t i = 0; i < notes.size(); ++i) {
        std::string text = inline_markdown(notes[i], true);
        text.erase(0, std::min(text.find_first_not_of(' '), text.size()));
        block("[^" + std::to_string(i + 1) + "]: " + text);
    }
}

}  // namespace planpack::import_docx
