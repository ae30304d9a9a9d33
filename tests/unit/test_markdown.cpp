#include <doctest/doctest.h>

#include "load/markdown.hpp"
#include "model/inline_text.hpp"

namespace unit_markdown {

using namespace planpack;
using namespace planpack::model;

namespace {

load::MarkdownBody parse(std::string_view md, Diagnostics& d, int first_line = 1) {
    auto body = load::parse_markdown(md, "c.md", first_line, d);
    REQUIRE(body);
    return std::move(*body);
}

template <typename T>
const T& as(const Block& b) {
    REQUIRE(get_alternative<T>(&b.value) != nullptr);
    return alternative<T>(b.value);
}

template <typename T>
const T& as(const Inline& i) {
    const T* v = model::get_alternative<T>(&i.value);
    REQUIRE(v);
    return *v;
}

}  // namespace

TEST_SUITE("markdown") {
TEST_CASE("paragraphs, emphasis, strong, code, strikethrough, breaks") {
    Diagnostics d;
    auto b = parse("A *b* **c** `d` ~~e~~  \nf\ng\n", d);
    REQUIRE(b.blocks.size() == 1);
    const auto& p = as<Paragraph>(b.blocks[0]);
    CHECK(as<Text>(p.content[0]).text == "A ");
    CHECK(as<Text>(as<Emph>(p.content[1]).content[0]).text == "b");
    CHECK(as<Text>(as<Strong>(p.content[3]).content[0]).text == "c");
    CHECK(as<Code>(p.content[5]).text == "d");
    CHECK(as<Text>(as<Strikethrough>(p.content[7]).content[0]).text == "e");
    CHECK(std::holds_alternative<LineBreak>(p.content[8].value));
    CHECK(std::holds_alternative<SoftBreak>(p.content[10].value));
    CHECK(plain_text(p.content) == "A b c d e f g");
}

TEST_CASE("prose gets typographic quotes and dashes, and code keeps what was typed") {
    Diagnostics d;
    auto b = parse("The \"Child First\" board's plan -- 2023 --- it's `say \"hi\" -- 'x'` ... \\\"kept\\\"\n\n"
                   "```\nprint(\"a\") -- 'b'\n```\n", d);
    REQUIRE(b.blocks.size() == 2);
    const auto& p = as<Paragraph>(b.blocks[0]);
    CHECK(plain_text(p.content) ==
          "The \u201cChild First\u201d board\u2019s plan \u2013 2023 \u2014 it\u2019s say \"hi\" -- 'x' "
          "\u2026 \"kept\"");
    int codes = 0;
    for (const Inline& i : p.content)
        if (const auto* c = std::get_if<Code>(&i.value)) {
            CHECK(c->text == "say \"hi\" -- 'x'");
            ++codes;
        }
    CHECK(codes == 1);
    CHECK(as<CodeBlock>(b.blocks[1]).text == "print(\"a\") -- 'b'\n");
}

TEST_CASE("headings keep their level and their line in the .md file") {
    Diagnostics d;
    auto b = parse("Intro\n\n## Sub\n\n### Deeper\n", d, 7);
    REQUIRE(b.blocks.size() == 3);
    CHECK(as<Heading>(b.blocks[1]).level == 2);
    CHECK(as<Heading>(b.blocks[1]).pos.line == 9);
    CHECK(as<Heading>(b.blocks[2]).level == 3);
    CHECK(as<Heading>(b.blocks[2]).pos.line == 11);
}

TEST_CASE("lists: bullet, ordered with start, loose, nested, task items") {
    Diagnostics d;
    auto b = parse("- a\n- b\n  1. x\n  2. y\n\n3. three\n4. four\n\n- [x] done\n- [ ] todo\n", d);
    REQUIRE(b.blocks.size() == 3);
    const auto& ul = as<List>(b.blocks[0]);
    CHECK_FALSE(ul.ordered);
    REQUIRE(ul.items.size() == 2);
    const auto& nested = as<List>(ul.items[1].content[1]);
    CHECK(nested.ordered);
    CHECK(nested.items.size() == 2);
    const auto& ol = as<List>(b.blocks[1]);
    CHECK(ol.ordered);
    CHECK(ol.start == 3);
    const auto& tasks = as<List>(b.blocks[2]);
    REQUIRE(tasks.items.size() == 2);
    CHECK(tasks.items[0].task == std::optional<bool>(true));
    CHECK(tasks.items[1].task == std::optional<bool>(false));
    CHECK_FALSE(ul.items[0].task.has_value());
}

TEST_CASE("block quotes, code blocks and thematic breaks") {
    Diagnostics d;
    auto b = parse("> quoted\n> more\n\n```text\ncode <b>\n```\n\n---\n", d);
    REQUIRE(b.blocks.size() == 3);
    CHECK(as<Paragraph>(as<BlockQuote>(b.blocks[0]).content[0]).content.size() == 3);
    CHECK(as<CodeBlock>(b.blocks[1]).text == "code <b>\n");
    CHECK(as<CodeBlock>(b.blocks[1]).info == "text");
    CHECK(std::holds_alternative<ThematicBreak>(b.blocks[2].value));
}

TEST_CASE("GFM tables keep alignment, header and body rows") {
    Diagnostics d;
    auto b = parse("| Agency | £ | Note |\n|:--|--:|:-:|\n| Police | 58,336 | a |\n| Health | 1 |\n", d);
    REQUIRE(b.blocks.size() == 1);
    const auto& t = as<Table>(b.blocks[0]);
    REQUIRE(t.aligns.size() == 3);
    CHECK(t.aligns[0] == Align::left);
    CHECK(t.aligns[1] == Align::right);
    CHECK(t.aligns[2] == Align::center);
    REQUIRE(t.head.size() == 1);
    CHECK(plain_text(t.head[0].cells[1].content) == "£");
    REQUIRE(t.body.size() == 2);
    CHECK(t.body[1].cells.size() == 3);  // short rows are padded
    CHECK(plain_text(t.body[0].cells[1].content) == "58,336");
}

TEST_CASE("links, autolinks, cross-references and images") {
    Diagnostics d;
    auto b = parse("[site](https://example.org \"T\") www.example.com [](xref:budget)\n\n"
                   "![A chart of entrants](chart.png \"Entrants by year\")\n", d);
    REQUIRE(b.blocks.size() == 2);
    const auto& p = as<Paragraph>(b.blocks[0]);
    const auto& l = as<Link>(p.content[0]);
    CHECK(l.url == "https://example.org");
    CHECK(l.title == "T");
    CHECK_FALSE(l.target);
    CHECK(as<Link>(p.content[2]).url == "http://www.example.com");
    const auto& x = as<Link>(p.content[4]);
    CHECK(x.url == "xref:budget");  // resolved later, by transform::resolve_xrefs
    CHECK_FALSE(x.target);
    CHECK(x.content.empty());
    CHECK(x.pos.col == 49);
    const auto& fig = as<Figure>(b.blocks[1]);
    CHECK(fig.image.alt == "A chart of entrants");
    CHECK(plain_text(fig.caption) == "Entrants by year");
}

TEST_CASE("an image without alt text is an error at its position") {
    Diagnostics d;
    CHECK_FALSE(load::parse_markdown("Text\n\nSee ![](x.png)\n", "c.md", 5, d));
    REQUIRE(d.all().size() == 1);
    CHECK(format(d.all()[0]) ==
          "c.md:7:5: error: image 'x.png' has no alternative text: write ![what it shows](x.png)");
}

TEST_CASE("footnotes are numbered by first reference") {
    Diagnostics d;
    auto b = parse("One[^b] two[^a] again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n", d);
    REQUIRE(b.blocks.size() == 1);
    const auto& p = as<Paragraph>(b.blocks[0]);
    CHECK(as<FootnoteRef>(p.content[1]).number == 1);
    CHECK(as<FootnoteRef>(p.content[3]).number == 2);
    CHECK(as<FootnoteRef>(p.content[5]).number == 1);
    REQUIRE(b.footnotes.size() == 2);
    CHECK(plain_text(as<Paragraph>(b.footnotes[0].content[0]).content) == "Note B.");
    CHECK(plain_text(as<Paragraph>(b.footnotes[1].content[0]).content) == "Note A.");
}

TEST_CASE("raw HTML becomes text with a warning, never markup") {
    Diagnostics d;
    auto b = parse("a <script>x</script> b\n\n<div>\nblock\n</div>\n", d);
    REQUIRE(b.blocks.size() == 2);
    CHECK(plain_text(as<Paragraph>(b.blocks[0]).content) == "a <script>x</script> b");
    CHECK(as<CodeBlock>(b.blocks[1]).text == "<div>\nblock\n</div>\n");
    CHECK(d.all().size() == 3);
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("planpack directives become Directive blocks with the body's line") {
    Diagnostics d;
    auto b = parse("Text\n\n```planpack table\ndata = \"budget\"\n```\n", d, 10);
    REQUIRE(b.blocks.size() == 2);
    const auto& dir = as<Directive>(b.blocks[1]);
    CHECK(dir.kind == "table");
    CHECK(dir.body == "data = \"budget\"\n");
    CHECK(dir.pos.line == 12);
    CHECK(dir.body_line == 13);
}

TEST_CASE("limits: size, table width and nesting are errors, not hangs") {
    load::MarkdownLimits limits;
    limits.max_bytes = 100;
    Diagnostics d1;
    CHECK_FALSE(load::parse_markdown(std::string(101, 'a'), "c.md", 1, d1, limits));
    CHECK(d1.has_errors());

    Diagnostics d2;
    std::string wide = "|";
    for (int i = 0; i < 70; ++i) wide += " a |";
    CHECK_FALSE(load::parse_markdown("x\n\n" + wide + "\n", "c.md", 1, d2));
    REQUIRE(d2.all().size() == 1);
    CHECK(d2.all()[0].pos.line == 3);

    Diagnostics code;
    CHECK(load::parse_markdown("```\n" + wide + "\n```\n\nx \\|" + std::string(70, '|') + "\n",
                               "c.md", 1, code).has_value() == false);
    Diagnostics code2;
    CHECK(load::parse_markdown("```\n" + wide + "\n```\n", "c.md", 1, code2));
    CHECK_FALSE(code2.has_errors());

    Diagnostics d3;
    CHECK_FALSE(load::parse_markdown(std::string(40, '>') + " deep\n", "c.md", 1, d3));
    CHECK(d3.has_errors());

    Diagnostics d4;
    std::string lists;
    for (int i = 0; i < 40; ++i) lists += std::string(static_cast<size_t>(i) * 2, ' ') + "- x\n";
    CHECK_FALSE(load::parse_markdown(lists, "c.md", 1, d4));
    REQUIRE(d4.all().size() == 1);
    CHECK(d4.all()[0].message.find("nested more than 32 levels") != std::string::npos);
}

TEST_CASE("pathological inputs finish quickly") {
    Diagnostics d;
    std::string brackets(50000, '[');
    CHECK(load::parse_markdown(brackets, "c.md", 1, d));
    std::string stars;
    for (int i = 0; i < 20000; ++i) stars += "*a ";
    CHECK(load::parse_markdown(stars, "c.md", 1, d));
}
}

}  // namespace unit_markdown
