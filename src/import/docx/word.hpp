#pragma once
// What a Word file says, as far as planpack's sources can say it: paragraphs by kind
// (heading, caption, list item, body), their text in spans (bold, italic, links, footnote
// references, pictures), and tables of such text. Read from the package by read_word;
// written out as Markdown by markdown_writer. Nothing here knows Markdown's syntax.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace planpack::import_docx {

struct Span {
    enum class Kind { text, link, footnote, image, line_break };
    Span() = default;
    Span(Kind k, std::string t = {}) : kind(k), text(std::move(t)) {}

    Kind kind = Kind::text;
    std::string text;             // text; image: its alt text (wp:docPr descr)
    bool bold = false, italic = false;
    std::string target;           // link: the address; image: the file written beside the Markdown
    std::vector<Span> content;    // link: what it shows
    int footnote = 0;             // footnote: its number in reading order, from 1
};

struct Paragraph {
    enum class Kind { body, heading, title, caption, list_item };
    Kind kind = Kind::body;
    int level = 0;         // heading: 1 to 9; list item: nesting, 0 outermost
    bool ordered = false;  // list item: numbered rather than bulleted
    std::vector<Span> spans;
};

struct Table {
    // Each cell's paragraphs, joined: a Markdown table cell is one line.
    std::vector<std::vector<std::vector<Span>>> rows;
};

using Block = std::variant<Paragraph, Table>;

struct Picture {
    std::string name;   // as the Markdown names it, relative to the Markdown's folder
    std::string bytes;
};

struct WordFile {
    std::vector<Block> blocks;
    std::vector<std::vector<Span>> footnotes;  // footnote n is footnotes[n - 1]
    std::vector<Picture> pictures;
    std::string title;                         // docProps/core.xml's dc:title
    std::vector<std::string> skipped;          // what the reader left out, for the warnings
};

// The text of spans without formatting: for matching headings and reading answers.
std::string plain_text(const std::vector<Span>& spans);

// Reads the Word file at path; pictures are named picture_prefix + N + ".png"/".jpg".
// Returns a sentence for the service manager when the file is not a Word document.
std::variant<WordFile, std::string> read_word(const std::string& path, const std::string& picture_prefix);

}  // namespace planpack::import_docx
