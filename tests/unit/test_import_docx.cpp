#include <doctest/doctest.h>

#include "import/docx/markdown_writer.hpp"
#include "import/docx/xml_tree.hpp"

namespace unit_import_docx {

using namespace planpack::import_docx;

Span text(std::string t, bool bold = false, bool italic = false) {
    Span s(Span::Kind::text, std::move(t));
    s.bold = bold;
    s.italic = italic;
    return s;
}

TEST_SUITE("import_docx") {
TEST_CASE("Word's words come out as words: Markdown's syntax characters are escaped") {
    CHECK(inline_markdown({text("2*3 = 6, a_b, [x], <b>, `c`, ~d~ and \\")}) ==
          "2\\*3 = 6, a\\_b, \\[x\\], \\<b>, \\`c\\`, \\~d\\~ and \\\\");
    CHECK(inline_markdown({text("R&D and &amp; and &#169;")}) == "R&D and \\&amp; and \\&#169;");
    CHECK(inline_markdown({text("a | b")}) == "a | b");
    CHECK(inline_markdown({text("a | b")}, true) == "a \\| b");
}

TEST_CASE("emphasis hugs the words, and runs with the same format join") {
    CHECK(inline_markdown({text("the "), text("youth ", true), text("justice", true), text(" service")}) ==
          "the **youth justice** service");
    CHECK(inline_markdown({text(" partners ", false, true)}) == " *partners* ");
    CHECK(inline_markdown({text("both", true, true)}) == "***both***");
    CHECK(inline_markdown({text("   ", true)}) == "   ");
}

TEST_CASE("links, footnotes, pictures and line breaks") {
    Span link(Span::Kind::link);
    link.target = "https://example.org/a b(c)";
    link.content = {text("the site")};
    Span note(Span::Kind::footnote);
    note.footnote = 2;
    Span pic(Span::Kind::image, "A [red] logo");
    pic.target = "img/r-1.png";
    CHECK(inline_markdown({link, note}) == "[the site](https://example.org/a%20b\\(c\\))[^2]");
    CHECK(inline_markdown({pic}) == "![A \\[red\\] logo](img/r-1.png)");
    CHECK(inline_markdown({text("a"), Span(Span::Kind::line_break), text("b")}) == "a\\\nb");
    CHECK(inline_markdown({text("a"), Span(Span::Kind::line_break), text("b")}, true) == "a b");
}

TEST_CASE("a paragraph never turns into a heading, list or quote") {
    CHECK(paragraph_markdown({text("# not a heading")}) == "\\# not a heading");
    CHECK(paragraph_markdown({text("- not a list")}) == "\\- not a list");
    CHECK(paragraph_markdown({text("2022. A year")}) == "2022\\. A year");
    CHECK(paragraph_markdown({text("> not a quote")}) == "\\> not a quote");
    CHECK(paragraph_markdown({text("+++")}) == "\\+++");
    CHECK(paragraph_markdown({text("2022 was a year")}) == "2022 was a year");
    CHECK(paragraph_markdown({text("one"), Span(Span::Kind::line_break), text("- two")}) == "one\\\n\\- two");
}

TEST_CASE("typed paragraph numbers are found and taken out") {
    std::vector<Span> s = {text("1.1 To update the Committee")};
    CHECK(strip_typed_number(s) == "1.1");
    CHECK(plain_text(s) == "To update the Committee");
    s = {text("2.3.4. Deeper")};
    CHECK(strip_typed_number(s) == "2.3.4");
    CHECK(plain_text(s) == "Deeper");
    s = {text("6.2\xc2\xa0With a non-breaking space")};
    CHECK(strip_typed_number(s) == "6.2");
    CHECK(plain_text(s) == "With a non-breaking space");
    for (const char* kept : {"1. A list-like start", "2022 figures", "3.5% of children", "1.1", "12345.1 x"}) {
        s = {text(kept)};
        CHECK(strip_typed_number(s) == "");
        CHECK(plain_text(s) == kept);
    }
    s = {text("1. Purpose of the report")};
    CHECK(strip_typed_number(s, true) == "1");
    CHECK(plain_text(s) == "Purpose of the report");
    s = {text("1.0 Purpose")};
    CHECK(strip_typed_number(s, true) == "1.0");
}

TEST_CASE("a GFM table: the first row is the head, every row as wide as the widest") {
    Table t;
    t.rows = {{{text("Year")}, {text("Children")}}, {{text("2022")}}, {{text("a|b")}, {text(" 3 ")}}};
    CHECK(table_markdown(t) == "| Year | Children |\n| --- | --- |\n| 2022 |  |\n| a\\|b | 3 |\n");
}

TEST_CASE("XML that is not well-formed, or fetches, is refused") {
    CHECK_FALSE(XmlTree::parse("<a><b></a>"));
    CHECK_FALSE(XmlTree::parse(""));
    // An external entity is neither fetched nor expanded.
    auto t = XmlTree::parse("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");
    if (t) CHECK(text_of(t->root()).find("root:") == std::string::npos);
}
}

}  // namespace unit_import_docx
