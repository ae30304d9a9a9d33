#include <doctest/doctest.h>

#include "load/front_matter.hpp"

namespace unit_front_matter {

using namespace planpack;

TEST_SUITE("front_matter") {
TEST_CASE("splits the TOML from the body and keeps line numbers") {
    Diagnostics d;
    auto s = load::split_front_matter("+++\ntitle = \"A\"\norder = 1\n+++\n\nBody\n", "a.md", d);
    REQUIRE(s);
    CHECK(s->front_matter == "title = \"A\"\norder = 1\n");
    CHECK(s->front_matter_line == 2);
    CHECK(s->body == "\nBody\n");
    CHECK(s->body_line == 5);
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("accepts a BOM, CRLF line ends and trailing blanks on the fences") {
    Diagnostics d;
    auto s = load::split_front_matter("\xEF\xBB\xBF+++  \r\na = 1\r\n+++\r\nText\r\n", "a.md", d);
    REQUIRE(s);
    CHECK(s->front_matter == "a = 1\r\n");
    CHECK(s->body == "Text\r\n");
    CHECK(s->body_line == 4);
}

TEST_CASE("empty front matter and empty body") {
    Diagnostics d;
    auto s = load::split_front_matter("+++\n+++\n", "a.md", d);
    REQUIRE(s);
    CHECK(s->front_matter.empty());
    CHECK(s->body.empty());
    CHECK(s->body_line == 3);
}

TEST_CASE("a file that does not open with +++ is an error at 1:1") {
    Diagnostics d;
    CHECK_FALSE(load::split_front_matter("title = \"A\"\n", "c/a.md", d));
    REQUIRE(d.all().size() == 1);
    CHECK(format(d.all()[0]) ==
          "c/a.md:1:1: error: a content file must open with a '+++' line starting its TOML front matter");
}

TEST_CASE("an unclosed front matter is an error") {
    Diagnostics d;
    CHECK_FALSE(load::split_front_matter("+++\ntitle = \"A\"\n\nBody\n", "a.md", d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].message.find("never closed") != std::string::npos);
}

TEST_CASE("+++ inside the body is left alone") {
    Diagnostics d;
    auto s = load::split_front_matter("+++\n+++\nA\n+++\nB\n", "a.md", d);
    REQUIRE(s);
    CHECK(s->body == "A\n+++\nB\n");
}
}

}  // namespace unit_front_matter
