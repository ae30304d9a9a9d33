// Issue 14's pure parts: "did you mean", TOML slips explained with their fix, a caption
// typed straight under a table, next year's names.
#include <doctest/doctest.h>

#include "diag/suggest.hpp"
#include "load/markdown.hpp"
#include "load/toml_reader.hpp"
#include "model/inline_text.hpp"
#include "scaffold/rollover.hpp"
#include "transform/transforms.hpp"

namespace unit_writer_loop {

using namespace planpack;

namespace {

std::string toml_error(std::string_view text) {
    Diagnostics d;
    CHECK_FALSE(load::parse_toml(text, {"f.toml", 0}, d));
    REQUIRE(d.all().size() == 1);
    return format(d.all()[0]);
}

}  // namespace

TEST_SUITE("writer's loop") {

TEST_CASE("edit distance counts a swap of neighbours as one edit, and ignores case") {
    CHECK(edit_distance("priorites", "priorities") == 1);
    CHECK(edit_distance("tabel", "table") == 1);
    CHECK(edit_distance("Title", "title") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(nearest("in-progress", {"planned", "in_progress", "complete"}) == "in_progress");
    CHECK(nearest("colour", {"columns", "caption"}) == "");  // too far to be a typo
    CHECK(nearest("red", {"red", "amber"}) == "");           // the word itself is no suggestion
    CHECK(did_you_mean("pfd", {"html", "pdf", "xlsx"}) == " (did you mean 'pdf'?)");
}

TEST_CASE("TOML slips are explained with the line as it should be") {
    CHECK(toml_error("date = 31/07/2023\n") ==
          "f.toml:1:8: error: invalid TOML: '31/07/2023' is not a date planpack can read: write dates "
          "year-month-day, without quotes: date = 2023-07-31");
    CHECK(toml_error("date = 1.7.23\n") ==
          "f.toml:1:8: error: invalid TOML: '1.7.23' is not a date planpack can read: write dates "
          "year-month-day, without quotes: date = 2023-07-01");
    CHECK(toml_error("title = \u201CPlan\u201D\n") ==
          "f.toml:1:9: error: invalid TOML: curly quotes (\u201C \u201D or \u2018 \u2019), as a word processor types "
          "them, are not quotes in TOML: retype them as straight double quotes: title = \"Plan\"");
    CHECK(toml_error("a = 1\ntitle = \"x\"\ntitle = \"y\"\n") ==
          "f.toml:3:1: error: invalid TOML: 'title' is given a value twice (first on line 2); keep one and delete "
          "the other");
    CHECK(toml_error("[a]\nx = 1\n[a]\n") ==
          "f.toml:3:1: error: invalid TOML: the table [a] is written twice; put all its keys under the first one "
          "and delete the second heading");
    CHECK(toml_error("title = Our plan\n") ==
          "f.toml:1:9: error: invalid TOML: text must be written in double quotes: title = \"Our plan\"");
}

TEST_CASE("a misspelt required key is one error, not also 'missing'") {
    Diagnostics d;
    auto t = load::parse_toml("titel = \"x\"\n", {"f.toml", 0}, d);
    REQUIRE(t);
    load::TableReader r(*t, {"f.toml", 0}, d, "the front matter");
    r.string("title", true);
    r.finish();
    REQUIRE(d.all().size() == 1);
    CHECK(format(d.all()[0]) == "f.toml:1:1: error: unknown key 'titel' in the front matter (did you mean 'title'?)");
}

TEST_CASE("'Table:' typed on the line under a table is its caption, not a row") {
    Diagnostics d;
    auto body = load::parse_markdown("| A | B |\n|---|---|\n| 1 | 2 |\nTable: Counts by year\n", "c.md", 1, d);
    REQUIRE(body);
    model::Document doc;
    model::Section s;
    s.blocks = std::move(body->blocks);
    doc.sections.push_back(std::move(s));
    transform::attach_table_captions(doc, d);
    CHECK_FALSE(d.has_errors());
    const auto& t = model::alternative<model::Table>(doc.sections[0].blocks.at(0).value);
    CHECK(model::plain_text(t.caption) == "Counts by year");
    CHECK(t.body.size() == 1);
}

TEST_CASE("rollover moves every financial year on, and only financial years") {
    CHECK(scaffold::move_years("Business Plan 2023/24", 1) == "Business Plan 2024/25");
    CHECK(scaffold::move_years("action-plan-2023-24 and 2022-23", 1) == "action-plan-2024-25 and 2023-24");
    CHECK(scaffold::move_years("2023/2024", 2) == "2025/2026");
    CHECK(scaffold::move_years("2023-05 and 2023/25 and 1999/00", 1) == "2023-05 and 2023/25 and 1999/00");
    CHECK(scaffold::move_years("2099/00", 1) == "2100/01");
}

}

}  // namespace unit_writer_loop
