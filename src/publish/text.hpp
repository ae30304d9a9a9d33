#pragma once
// What a reader reads in a published file, line by line: the words the publication record
// fingerprints and compares, so a PDF dated by another SOURCE_DATE_EPOCH, or a page under a
// new stylesheet, still counts as the same paper, while a changed word does not.
#include <string>
#include <string_view>
#include <vector>

namespace planpack::publish {

struct TextLine {
    int page = 0;  // 1-based page of a PDF; 0 for a web page
    std::string text;
};
using Text = std::vector<TextLine>;

// The text of a page planpack wrote: what is inside <main> (the site's header, navigation
// and footer list other documents and change as they are added), one line per block,
// entities decoded, white space collapsed; download links (a PDF's size and pages) left out.
Text html_text(std::string_view html);

// A PDF's text from the renderer's own layout: lines per page.
Text pdf_text(const std::vector<std::vector<std::string>>& pages);

// SHA-256 of the words in order, wherever the lines broke; and a short fingerprint of
// each line, to find where a changed text first differs.
std::string text_digest(const Text& text);
std::vector<std::string> line_prints(const Text& text);

}  // namespace planpack::publish
