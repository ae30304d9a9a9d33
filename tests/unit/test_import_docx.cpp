#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "import/docx/fields.hpp"
#include "import/docx/markdown_writer.hpp"
#include "import/docx/word.hpp"
#include "import/docx/xml_tree.hpp"
#include "render/docx/package.hpp"

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

TEST_CASE("a HYPERLINK field's address: quoted or not, its switches read past") {
    CHECK(hyperlink_target(" HYPERLINK \"https://example.org/a b\" ") == "https://example.org/a b");
    CHECK(hyperlink_target("hyperlink https://example.org/ \\o \"Tip text\"") == "https://example.org/");
    CHECK(hyperlink_target("HYPERLINK \\o \"tip\" \"https://example.org/\" \\l \"part-2\" \\h") ==
          "https://example.org/#part-2");
    CHECK(hyperlink_target("HYPERLINK \"a\\\"b\"") == "a\"b");
    CHECK(!hyperlink_target("HYPERLINK \\l \"_Toc123\""));  // within the file
    CHECK(!hyperlink_target(" PAGE "));
    CHECK(!hyperlink_target(""));
    CHECK(!hyperlink_target("HYPERLINK"));
}

// A Word file whose body is the given paragraphs, read back as Markdown.
std::string read_paragraphs(const std::string& paragraphs) {
    const std::string body =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        paragraphs + "</w:body></w:document>";
    std::string error;
    auto zip = planpack::render::docx::write_package({{"word/document.xml", body}}, 0, error);
    REQUIRE_MESSAGE(zip, error);
    const auto file = std::filesystem::temp_directory_path() /
                      ("planpack-unit-import-" + std::to_string(::getpid()) + ".docx");
    std::ofstream(file, std::ios::binary) << *zip;
    auto word = read_word(file.string(), "img/x-");
    std::filesystem::remove(file);
    REQUIRE(std::holds_alternative<WordFile>(word));
    std::string out;
    for (const Block& b : std::get<WordFile>(word).blocks)
        if (const auto* p = std::get_if<Paragraph>(&b)) out += paragraph_markdown(p->spans) + "\n";
    return out;
}

std::string complex_field(const std::string& instruction, const std::string& result) {
    return "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">" +
           instruction + "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + result +
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
}

TEST_CASE("links written as fields, complex or simple, are Markdown links") {
    const std::string quoted = "HYPERLINK &quot;https://example.org/terms&quot; \\o &quot;tip&quot;";
    CHECK(read_paragraphs("<w:p><w:r><w:t xml:space=\"preserve\">See </w:t></w:r>" +
                          complex_field(quoted, "<w:r><w:t xml:space=\"preserve\">the board's </w:t></w:r>"
                                                "<w:r><w:rPr><w:b/></w:rPr><w:t>terms</w:t></w:r>") +
                          "<w:r><w:t>.</w:t></w:r></w:p>") ==
          "See [the board's **terms**](https://example.org/terms).\n");
    CHECK(read_paragraphs("<w:p><w:fldSimple w:instr=\" " + quoted +
                          " \"><w:r><w:t>the terms</w:t></w:r></w:fldSimple><w:r><w:t> apply</w:t></w:r></w:p>") ==
          "[the terms](https://example.org/terms) apply\n");
    // Within the file, and other fields: the words stay as text, the instruction never shows.
    CHECK(read_paragraphs("<w:p>" + complex_field("HYPERLINK \\l &quot;_Toc1&quot;", "<w:r><w:t>Aims</w:t></w:r>") +
                          complex_field(" PAGE ", "<w:r><w:t xml:space=\"preserve\"> 4</w:t></w:r>") + "</w:p>") ==
          "Aims 4\n");
    // A field inside the link's words, and a link left open at its paragraph's end.
    CHECK(read_paragraphs("<w:p>" +
                          complex_field(quoted, "<w:r><w:t xml:space=\"preserve\">page </w:t></w:r>" +
                                                    complex_field(" PAGE ", "<w:r><w:t>2</w:t></w:r>")) +
                          "</w:p><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/><w:instrText>HYPERLINK "
                          "https://example.org/</w:instrText><w:fldChar w:fldCharType=\"separate\"/><w:t>open"
                          "</w:t></w:r></w:p><w:p><w:r><w:t>next</w:t><w:fldChar w:fldCharType=\"end\"/></w:r>"
                          "</w:p>") ==
          "[page 2](https://example.org/terms)\n[open](https://example.org/)\nnext\n");
}
}

}  // namespace unit_import_docx
