// Inputs that once crashed planpack, overflowed its totals or broke its links (issue 17).
#include <doctest/doctest.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "data/budget.hpp"
#include "load/markdown.hpp"
#include "load/toml_limits.hpp"
#include "load/toml_reader.hpp"
#include "model/checked.hpp"
#include "model/number_format.hpp"
#include "model/url.hpp"
#include "model/inline_text.hpp"
#include "render/html/blocks.hpp"
#include "transform/disclosure_audit.hpp"
#include "transform/transforms.hpp"

namespace unit_hardening {

using namespace planpack;

namespace {

std::string messages(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.sorted()) out += format(x) + "\n";
    return out;
}

std::string html_of(std::string_view md, Diagnostics& d) {
    auto body = load::parse_markdown(md, "c.md", 1, d);
    REQUIRE(body);
    return render::html::render_blocks(body->blocks, "plan/page.html");
}

std::string html_of(std::string_view md) {
    Diagnostics d;
    return html_of(md, d);
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_SUITE("hardening") {
TEST_CASE("a dotted key of 40,000 parts is refused before toml++ recurses on it") {
    for (const int offset : {0, 10}) {
        Diagnostics d;
        std::string text = "title = \"x\"\n  deep";
        for (int i = 0; i < 40000; ++i) text += ".a";
        text += " = 1\n";
        CHECK_FALSE(load::parse_toml(text, {"data/x.toml", offset}, d));
        CHECK(messages(d) == "data/x.toml:" + std::to_string(2 + offset) +
                                 ":3: error: a dotted key here has more than 32 parts; nest the data less deeply\n");
    }
}

TEST_CASE("the TOML pre-scan counts only what TOML gives meaning") {
    Diagnostics d;
    std::string dots(200, '.');
    const std::string text = "a.b.c = \"" + dots + "\"\n'x" + dots + "' = '''" + dots + "\n" + dots +
                             "'''\nf = 1.5 # " + dots + "\n[t.u]\nv = [[1, 2], {w.x = 3}]\n";
    CHECK(load::within_toml_limits(text, {"a.toml", 0}, d));
    CHECK(messages(d).empty());
    CHECK(load::parse_toml(text, {"a.toml", 0}, d));
}

TEST_CASE("nesting, line length and size are bounded with a place") {
    Diagnostics d;
    CHECK_FALSE(load::parse_toml("x = 1\ny = " + std::string(5000, '[') + std::string(5000, ']') + "\n",
                                 {"a.toml", 0}, d));
    CHECK(messages(d) == "a.toml:2:37: error: arrays and inline tables are nested more than 32 levels deep here\n");
    Diagnostics long_line;
    CHECK_FALSE(load::parse_toml("x = \"" + std::string(70000, 'a') + "\"\n", {"a.toml", 0}, long_line));
    CHECK(messages(long_line) == "a.toml:1:65537: error: this line is longer than 64 KiB; break it up\n");
    Diagnostics big;
    std::string many;
    while (many.size() <= (8u << 20)) many += "# a comment line to make the file large enough\n";
    CHECK_FALSE(load::parse_toml(many, {"a.toml", 0}, big));
    CHECK(contains(messages(big), "a.toml:1:1: error: the TOML here is 8192 KiB"));
}

TEST_CASE("checked arithmetic refuses to overflow") {
    CHECK(model::checked_add(INT64_MAX, 1) == std::nullopt);
    CHECK(model::checked_sub(INT64_MIN, 1) == std::nullopt);
    CHECK(model::checked_add(2, 3) == 5);
    std::int64_t sum = INT64_MAX - 1;
    CHECK_FALSE(model::add_into(sum, 2));
    CHECK(sum == INT64_MAX - 1);
    CHECK(model::format_money(INT64_MIN) == "\u2212\u00A39,223,372,036,854,775,808");
}

TEST_CASE("budget totals that overflow 64 bits are an error naming the file and figures") {
    Diagnostics d;
    auto csv = load::parse_csv(
        "Year,Agency,Staffing costs\n"
        "2023/24,Police,9000000000000000000\n"
        "2023/24,Health,9000000000000000000\n",
        "data/budget.csv", d);
    REQUIRE(csv);
    CHECK_FALSE(data::parse_budget(*csv, d));
    CHECK(messages(d) ==
          "data/budget.csv: error: the 2023/24 total of Staffing costs is too large to work out "
          "(\u00A39,000,000,000,000,000,000 and \u00A39,000,000,000,000,000,000 exceed what planpack can add, "
          "about \u00A39.2 quintillion); check the figures for a typing error\n");
}

TEST_CASE("link destinations are percent-encoded as cmark-gfm does") {
    CHECK(contains(html_of("[x](foo\\bar)\n"), "<a href=\"foo%5Cbar\">x</a>"));
    CHECK(contains(html_of("[x](</my uri>)\n"), "<a href=\"/my%20uri\">x</a>"));
    CHECK(contains(html_of("[x](https://a.example/caf\u00e9?q=1&r='2')\n"),
                   "href=\"https://a.example/caf%C3%A9?q=1&amp;r=&#x27;2&#x27;\" rel=\"external\""));
    CHECK(model::escape_href("a\"b<c>[d]") == "a%22b%3Cc%3E%5Bd%5D");
}

TEST_CASE("schemes are matched case-insensitively and unknown ones are reported") {
    CHECK(contains(html_of("<MAILTO:A@B.C>\n"), "<a href=\"MAILTO:A@B.C\" rel=\"external\">"));
    CHECK(contains(html_of("[x](ftp://files.example/a)\n"), "<a href=\"ftp://files.example/a\">x</a>"));
    CHECK(contains(html_of("[x](<foo):>)\n"), "<a href=\"foo):\">x</a>"));
    CHECK(contains(html_of("[x](a/b:c)\n"), "<a href=\"a/b:c\">x</a>"));
    CHECK(contains(html_of("[x](?q=a:b)\n"), "<a href=\"?q=a:b\">x</a>"));
    CHECK(model::url_scheme("HTTPS://x") == "https");
    CHECK(model::url_scheme("foo):") == std::nullopt);
    Diagnostics d;
    CHECK(contains(html_of("See [x](JavaScript:alert(1)).\n", d), "<a href=\"#\">x</a>"));
    CHECK(messages(d) == "c.md:1:5: warning: link 'JavaScript:alert(1)' uses the scheme 'javascript:', which "
                         "planpack does not publish, so it leads nowhere; use an http(s), mailto or tel "
                         "address, or a relative one\n");
}

TEST_CASE("code blocks keep their language, inline images their title") {
    CHECK(html_of("```toml extra\na = 1\n```\n") == "<pre><code class=\"language-toml\">a = 1\n</code></pre>\n");
    CHECK(html_of("```\nplain\n```\n") == "<pre><code>plain\n</code></pre>\n");
    CHECK(contains(html_of("Logo ![Crest](https://a.example/c.png \"The crest\") here.\n"),
                   "alt=\"Crest\" title=\"The crest\">"));
}

TEST_CASE("a footnote referenced twice gives each reference its own id") {
    const std::string html = html_of("A[^n] and again[^n] and[^m].\n\n[^n]: One.\n\n[^m]: Two.\n");
    CHECK(contains(html, "id=\"fnref-1\""));
    CHECK(contains(html, "id=\"fnref-1-2\""));
    CHECK(contains(html, "id=\"fnref-2\""));
    CHECK_FALSE(contains(html.substr(html.find("fnref-1-2")), "id=\"fnref-1\""));
}

// a, b and c with a + b, a + c and b + c published: no single sum has one withheld figure,
// yet a = ((a+b) + (a+c) - (b+c)) / 2. Only solving the sums together finds it.
model::Document odd_cycle(std::vector<std::pair<std::string, double>> figures,
                          std::vector<std::vector<std::string>> sums) {
    model::Document doc;
    doc.id = "plan";
    model::Table t;
    model::TableRow row;
    for (const auto& [key, count] : figures) {
        model::TableCell cell(model::Inlines{model::Inline{model::Text{std::to_string(static_cast<int>(count))}}});
        cell.figure = key;
        row.cells.push_back(cell);
        doc.statistics.figures[key].count = count;
    }
    t.body.push_back(row);
    doc.statistics.sums = std::move(sums);
    model::Section s;
    s.id = "a";
    s.blocks.push_back(model::Block{std::move(t)});
    doc.sections.push_back(std::move(s));
    return doc;
}

std::vector<std::string> shown(const model::Document& doc) {
    std::vector<std::string> out;
    for (const auto& c : model::alternative<model::Table>(doc.sections[0].blocks[0].value).body[0].cells)
        out.push_back(model::plain_text(c.content));
    return out;
}

TEST_CASE("the audit finds what one sum at a time cannot, in exact arithmetic") {
    model::Statistics stats;
    for (auto [k, v] : {std::pair{"a", 3.0}, {"b", 8.0}, {"c", 9.0}, {"ab", 11.0}, {"ac", 12.0}, {"bc", 17.0}})
        stats.figures[k].count = v;
    stats.sums = {{"ab", "a", "b"}, {"ac", "a", "c"}, {"bc", "b", "c"}};
    const std::unordered_map<std::string, std::string> withheld{{"a", "<5"}, {"b", "[c]"}, {"c", "[c]"}};
    CHECK(transform::determined_figures(stats, withheld) == std::vector<std::string>{"a", "b", "c"});
    auto safer = withheld;
    safer["ab"] = "[c]";
    CHECK(transform::determined_figures(stats, safer).empty());
}

TEST_CASE("complementary suppression withholds the smallest figure that protects it") {
    auto doc = odd_cycle({{"a", 3}, {"b", 8}, {"c", 9}, {"ab", 11}, {"ac", 12}, {"bc", 17}},
                         {{"ab", "a", "b"}, {"ac", "a", "c"}, {"bc", "b", "c"}});
    Diagnostics d;
    transform::suppress_small_numbers(doc, {}, d);
    CHECK(messages(d).empty());
    // One sum at a time withholds b and c; the audit adds ab (the smallest total with a).
    CHECK(shown(doc) == std::vector<std::string>{"<5", "[c]", "[c]", "[c]", "12", "17"});
}

TEST_CASE("a withheld figure nothing published can protect fails the build, naming the tables") {
    // t = a + b and t = a: b = 0, though every figure is withheld.
    auto doc = odd_cycle({{"outcomes:0:1", 3}, {"outcomes:1:1", 3}, {"tiers[0,1]:total:1", 3}},
                         {{"tiers[0,1]:total:1", "outcomes:0:1", "outcomes:1:1"}, {"tiers[0,1]:total:1", "outcomes:0:1"}});
    Diagnostics d;
    transform::suppress_small_numbers(doc, {}, d);
    CHECK(messages(d) == "data/tiers.csv: error: a withheld count in this table can be worked out from it with "
                         "data/outcomes.csv, as the 'plan' document publishes, and no published figure is left to "
                         "withhold with it; publish these tables in different documents or group the rows "
                         "differently\n");
}
}

}  // namespace unit_hardening
