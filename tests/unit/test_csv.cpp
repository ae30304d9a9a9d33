#include <doctest/doctest.h>

#include "load/csv_table.hpp"

namespace unit_csv {

using namespace planpack;

TEST_SUITE("csv") {
TEST_CASE("plain rows with positions") {
    Diagnostics d;
    auto t = load::parse_csv("a,b\n1,22\n333,4\n", "data/x.csv", d);
    REQUIRE(t);
    REQUIRE(t->header.size() == 2);
    CHECK(t->header[1].text == "b");
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[1].fields[0].text == "333");
    CHECK(t->rows[1].line == 3);
    CHECK(t->rows[1].fields[1].col == 5);
    CHECK(t->rows[0].fields[1].col == 3);
}

TEST_CASE("RFC 4180 quoting: commas, doubled quotes and line breaks inside fields") {
    Diagnostics d;
    auto t = load::parse_csv("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\n\"multi\nline\",x\nlast,y\n",
                             "x.csv", d);
    REQUIRE(t);
    REQUIRE(t->rows.size() == 3);
    CHECK(t->rows[0].fields[0].text == "Smith, J");
    CHECK(t->rows[0].fields[1].text == "said \"hi\"");
    CHECK(t->rows[1].fields[0].text == "multi\nline");
    CHECK(t->rows[1].line == 3);
    CHECK(t->rows[2].line == 5);  // the row after a quoted line break
}

TEST_CASE("BOM, CRLF, no final newline and UTF-8 text") {
    Diagnostics d;
    auto t = load::parse_csv("\xEF\xBB\xBF" "agency,cost\r\nPolice,58336\r\nSant\xC3\xA9,\xC2\xA3" "1", "x.csv", d);
    REQUIRE(t);
    CHECK(t->header[0].text == "agency");
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0].fields[1].text == "58336");
    CHECK(t->rows[1].fields[0].text == "Sant\xC3\xA9");
    CHECK(t->rows[1].line == 3);
    CHECK(t->rows[1].fields[0].col == 1);
}

TEST_CASE("empty fields are kept") {
    Diagnostics d;
    auto t = load::parse_csv("a,b,c\n,,\n1,,3\n", "x.csv", d);
    REQUIRE(t);
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0].fields.size() == 3);
    CHECK(t->rows[1].fields[1].text.empty());
}

TEST_CASE("a row of the wrong width names its line") {
    Diagnostics d;
    CHECK_FALSE(load::parse_csv("a,b\n1,2\n3\n", "data/x.csv", d));
    REQUIRE(d.all().size() == 1);
    CHECK(format(d.all()[0]) == "data/x.csv:3:1: error: row has 1 fields but the header has 2");
}

TEST_CASE("a stray quote is a parse error at its position") {
    Diagnostics d;
    CHECK_FALSE(load::parse_csv("a,b\n1,2\n\"open,3\n", "x.csv", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].pos.line == 3);
    CHECK(d.all()[0].message.rfind("malformed CSV", 0) == 0);

    Diagnostics d2;
    CHECK_FALSE(load::parse_csv("a,b\n1,x\"y\"z\n", "x.csv", d2));
    REQUIRE(d2.all().size() == 1);
    CHECK(d2.all()[0].pos.line == 2);
}

TEST_CASE("invalid UTF-8 and empty files are errors") {
    Diagnostics d;
    CHECK_FALSE(load::parse_csv("a\n\xFF\xFE\n", "x.csv", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].pos.line == 2);
    Diagnostics d2;
    CHECK_FALSE(load::parse_csv("", "x.csv", d2));
    CHECK(d2.has_errors());
}

TEST_CASE("a header with an empty name is an error") {
    Diagnostics d;
    CHECK_FALSE(load::parse_csv("a,,c\n1,2,3\n", "x.csv", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].pos.col == 3);
}
}

}  // namespace unit_csv
