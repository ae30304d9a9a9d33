#include <doctest/doctest.h>

#include "load/front_matter.hpp"

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
}
