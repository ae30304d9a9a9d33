#include <doctest/doctest.h>

#include "load/config.hpp"
#include "load/toml_reader.hpp"

namespace unit_config {

using namespace planpack;

namespace {

const char* good = R"(
[service]
name = "Example YJS"
local_authority = "Example Council"

[site]
base_url = "https://example.org/yjs"

[[document]]
id = "plan-2023-24"
kind = "annual_plan"
title = "Plan"
period_start = 2023-04-01
period_end = 2024-03-31
published = 2023-06-26
)";

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.sorted()) out.push_back(format(x));
    return out;
}

}  // namespace

TEST_SUITE("config") {
TEST_CASE("reads a complete planpack.toml with defaults filled in") {
    Diagnostics d;
    auto cfg = load::parse_config(good, "planpack.toml", d);
    REQUIRE(cfg);
    CHECK(messages(d).empty());
    CHECK(cfg->service_name == "Example YJS");
    CHECK(cfg->language == "en-GB");
    CHECK(cfg->base_url == "https://example.org/yjs/");
    REQUIRE(cfg->documents.size() == 1);
    CHECK(cfg->documents[0].published.year == 2023);
    CHECK(cfg->documents[0].published.month == 6);
    CHECK(cfg->documents[0].published.day == 26);
}

TEST_CASE("unknown keys point at the key itself") {
    Diagnostics d;
    std::string text = good;
    text.replace(text.find("local_authority"), 0, "colour = \"red\"\n");
    CHECK_FALSE(load::parse_config(text, "planpack.toml", d));
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0] ==
          "planpack.toml:4:1: error: unknown key 'colour' in [service] (expected one of: name, "
          "local_authority, contact, accessibility_statement)");
}

TEST_CASE("wrong types and missing keys are all reported at once") {
    Diagnostics d;
    std::string text = good;
    text.replace(text.find("published = 2023-06-26"), 22, "published = \"26/06/2023\"");
    text.replace(text.find("title = \"Plan\"\n"), 15, "");
    CHECK_FALSE(load::parse_config(text, "planpack.toml", d));
    const auto m = messages(d);
    REQUIRE(m.size() == 2);
    CHECK(m[0] == "planpack.toml:9:1: error: [[document]] is missing the required key 'title'");
    CHECK(m[1] == "planpack.toml:14:13: error: 'published' must be a date such as 2023-06-26 (no "
                  "quotes), not a string");
}

TEST_CASE("TOML syntax errors carry line and column") {
    Diagnostics d;
    CHECK_FALSE(load::parse_config("[service]\nname = \"x\nlocal_authority = 1\n", "p.toml", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].pos.line == 2);
    CHECK(d.all()[0].pos.col > 0);
    CHECK(d.all()[0].message.rfind("invalid TOML: ", 0) == 0);
}

TEST_CASE("impossible dates are syntax errors, reversed periods are errors") {
    Diagnostics d;
    std::string text = good;
    text.replace(text.find("2024-03-31"), 10, "2023-03-31");
    CHECK_FALSE(load::parse_config(text, "planpack.toml", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].message == "period_end 2023-03-31 is before period_start 2023-04-01");

    Diagnostics d2;
    text = good;
    text.replace(text.find("2023-04-01"), 10, "2023-02-29");
    CHECK_FALSE(load::parse_config(text, "planpack.toml", d2));
    CHECK(d2.all().at(0).pos.line == 13);
}

TEST_CASE("document ids must be safe as folder names") {
    Diagnostics d;
    std::string text = good;
    text.replace(text.find("plan-2023-24"), 12, "Plan 2023");
    CHECK_FALSE(load::parse_config(text, "planpack.toml", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].pos.line == 10);
    CHECK(load::valid_id("a-1"));
    CHECK_FALSE(load::valid_id("../x"));
    CHECK_FALSE(load::valid_id(""));
}

TEST_CASE("a front matter's positions are shifted to the .md file's lines") {
    Diagnostics d;
    const load::TomlOrigin origin{"content/a.md", 1};
    auto t = load::parse_toml("title = \"A\"\norder = \"x\"\n", origin, d);
    REQUIRE(t);
    load::TableReader r(*t, origin, d, "the front matter");
    r.string("title", true);
    r.integer("order", true);
    r.finish();
    REQUIRE(d.all().size() == 1);
    CHECK(format(d.all()[0]) ==
          "content/a.md:3:9: error: 'order' must be an integer, not a string");
}
}

TEST_CASE("a service's contact is an email or a web address") {
    auto with = [&](const std::string& line, Diagnostics& d) {
        std::string text = good;
        text.replace(text.find("local_authority"), 0, line + "\n");
        return load::parse_config(text, "planpack.toml", d);
    };
    for (const char* ok : {"contact = \"yjs@example.gov.uk\"", "contact = \"https://example.gov.uk/contact\""}) {
        Diagnostics d;
        auto cfg = with(ok, d);
        CHECK_MESSAGE(cfg, ok);
        CHECK_MESSAGE(messages(d).empty(), ok);
    }
    for (const char* bad : {"contact = \"Town Hall, Northtown\"", "contact = \"www.example.gov.uk\"",
                            "contact = \"a@b@c.uk\""}) {
        Diagnostics d;
        with(bad, d);
        REQUIRE_MESSAGE(messages(d).size() == 1, bad);
        CHECK(messages(d)[0].find("planpack.toml:4:11: error: contact must be an email address") == 0);
    }
    Diagnostics d;
    with("accessibility_statement = \"accessibility.html\"", d);
    REQUIRE(messages(d).size() == 1);
    CHECK(messages(d)[0].find("accessibility_statement must be the web address") != std::string::npos);
}

}  // namespace unit_config
