#include <doctest/doctest.h>

#include "data/board.hpp"
#include "load/board.hpp"

namespace unit_board {

using namespace planpack;
using namespace planpack::data;

namespace {

Presence marker(std::string_view raw) {
    auto r = parse_marker(raw);
    REQUIRE(std::holds_alternative<Presence>(r));
    return std::get<Presence>(r);
}

std::string refusal(std::string_view raw) {
    auto r = parse_marker(raw);
    REQUIRE(std::holds_alternative<std::string>(r));
    return std::get<std::string>(r);
}

// Three seats (police, health, other), three meetings.
Board small_board() {
    Board b;
    b.title = "Board";
    b.quorum = {2, 1};
    b.seats = {{"p", "Police", "Police lead", "", Statutory::police, "", "", {}},
               {"h", "NHS", "Health lead", "", Statutory::health, "", "", {}},
               {"o", "Council", "Other", "", std::nullopt, "chair", "", {}}};
    b.meetings = {{"m1", {2023, 1, 1}, "", {}, "", "", {}, false, {}, {}, {}},
                  {"m2", {2023, 4, 1}, "", {}, "", "", {}, false, {}, {}, {}},
                  {"m3", {2023, 7, 1}, "", {}, "", "", {}, false, {}, {}, {}}};
    using P = Presence;
    b.attendance = {{P::attended, P::apologies, P::deputy},
                    {P::vacant, P::attended, P::absent},
                    {P::attended, P::not_member, P::attended}};
    return b;
}

}  // namespace

TEST_SUITE("board") {
TEST_CASE("printed markers normalise") {
    CHECK(marker("\u2713") == Presence::attended);
    CHECK(marker(" \u2714 ") == Presence::attended);
    CHECK(marker("Y") == Presence::attended);
    CHECK(marker("yes") == Presence::attended);
    CHECK(marker("A") == Presence::apologies);
    CHECK(marker("a") == Presence::apologies);
    CHECK(marker("D") == Presence::deputy);
    CHECK(marker("Deputy Attended") == Presence::deputy);
    CHECK(marker("X") == Presence::absent);
    CHECK(marker("V") == Presence::vacant);
    CHECK(marker("Not in post") == Presence::vacant);
    CHECK(marker("Gap in post") == Presence::vacant);
    CHECK(marker("") == Presence::not_member);
    CHECK(marker("-") == Presence::not_member);
}

TEST_CASE("look-alike letters and mistyped ticks are refused with a hint, not guessed") {
    CHECK(refusal("\u0410") == "'\u0410' looks like the letter A but is U+0410 CYRILLIC CAPITAL "
                               "LETTER A: retype it as a plain A");
    CHECK(refusal("\u0391").find("U+0391 GREEK CAPITAL LETTER ALPHA") != std::string::npos);
    CHECK(refusal("\u0425").find("looks like the letter X") != std::string::npos);
    CHECK(refusal("1") == "'1' is not an attendance marker; if it is a mistyped tick, write \u2713 or Y");
    CHECK(refusal("\u221A").find("mistyped tick") != std::string::npos);
    CHECK(refusal("maybe").rfind("unknown attendance marker 'maybe'", 0) == 0);
}

TEST_CASE("rates count deputies as present and leave out vacant and non-member meetings") {
    const Board b = small_board();
    const Rate police = seat_rate(b, 0);
    CHECK(police.present == 2);
    CHECK(police.expected == 3);
    const Rate health = seat_rate(b, 1);
    CHECK(health.present == 1);
    CHECK(health.expected == 2);
    CHECK(*seat_rate(b, 2).value() == doctest::Approx(1.0));
    const Rate m2 = meeting_rate(b, 1);
    CHECK(m2.present == 1);
    CHECK(m2.expected == 2);
    const auto agencies = agency_rates(b);
    REQUIRE(agencies.size() == 3);
    CHECK(agencies[0].first == "Police");
}

TEST_CASE("quorum needs enough seats filled and enough statutory partners") {
    const Board b = small_board();
    CHECK(quorate(b, 0));        // police + other, police statutory
    CHECK_FALSE(quorate(b, 1));  // only health present: one seat
    CHECK(quorate(b, 2));        // police deputy + other
    Board strict = b;
    strict.quorum.statutory_partners = 2;
    CHECK_FALSE(quorate(strict, 0));
}

TEST_CASE("statutory partner measure counts meetings represented") {
    const Board b = small_board();
    CHECK(statutory_rate(b, Statutory::police).present == 2);
    CHECK(statutory_rate(b, Statutory::health).present == 1);
    CHECK(statutory_rate(b, Statutory::probation).expected == 0);  // no seat: left out
    const Rate all = statutory_rate_overall(b);
    CHECK(all.present == 3);
    CHECK(all.expected == 6);
}

TEST_CASE("the grid's errors point at its cells") {
    Diagnostics d;
    const load::TomlOrigin origin{"data/board.toml", 0};
    auto t = load::parse_toml(R"(schema = "board/1"
[board]
title = "Board"
attendance = "grid"
[[meeting]]
id = "m1"
date = 2023-01-01
[[meeting]]
id = "m2"
date = 2022-12-01
[[seat]]
id = "p"
agency = "Police"
role = "Lead"
statutory = "police"
[[seat]]
id = "q"
agency = "Council"
role = "Other"
statutory = "parks"
[board.quorum]
members = 1
)", origin, d);
    REQUIRE(t);
    std::map<std::string, load::CsvTable> csv;
    csv.emplace("grid", *load::parse_csv("seat,m1,m3\np,\u0410,Y\nz,Y,Y\n", "data/grid.csv", d));
    CHECK_FALSE(load::parse_board(*t, origin, "board", csv, d));
    std::vector<std::string> m;
    for (const auto& x : d.sorted()) m.push_back(format(x));
    REQUIRE(m.size() == 8);
    CHECK(m[0] == "data/board.toml:1:1: warning: no seat is marked statutory = \"probation, health, "
                  "education, social_care\": the statutory partner attendance measure leaves them out");
    CHECK(m[1] == "data/board.toml:8:1: error: meeting 'm2' is dated before the meeting listed "
                  "above it; list meetings in date order");
    CHECK(m[2] == "data/board.toml:8:1: error: meeting 'm2' has no column in data/grid.csv");
    CHECK(m[3] == "data/board.toml:16:1: error: seat 'q' has no row in data/grid.csv");
    CHECK(m[4].rfind("data/board.toml:20:13: error: unknown statutory partner 'parks'", 0) == 0);
    CHECK(m[5] == "data/grid.csv:1:9: error: column 'm3' names no [[meeting]] of the board");
    CHECK(m[6] == "data/grid.csv:2:3: error: '\u0410' looks like the letter A but is U+0410 "
                  "CYRILLIC CAPITAL LETTER A: retype it as a plain A");
    CHECK(m[7] == "data/grid.csv:3:1: error: row 'z' names no [[seat]] of the board");
}
}

}  // namespace unit_board
