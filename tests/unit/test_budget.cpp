#include <doctest/doctest.h>

#include "data/budget.hpp"

namespace unit_budget {

using namespace planpack;
using namespace planpack::data;

namespace {

std::int64_t pounds(std::string_view s) {
    auto v = parse_pounds(s);
    REQUIRE(std::holds_alternative<std::int64_t>(v));
    return std::get<std::int64_t>(v);
}

std::string refused(std::string_view s) {
    auto v = parse_pounds(s);
    REQUIRE(std::holds_alternative<std::string>(v));
    return std::get<std::string>(v);
}

}  // namespace

TEST_SUITE("budget") {
TEST_CASE("pounds as councils type them") {
    CHECK(pounds("58336") == 58336);
    CHECK(pounds("58,336") == 58336);
    CHECK(pounds("\u00A31,081,612") == 1081612);
    CHECK(pounds("-43,260") == -43260);
    CHECK(pounds("") == 0);
    CHECK(pounds("-") == 0);
    CHECK(pounds(" 12 ") == 12);
    CHECK(refused("885.262") == "'885.262' is not a whole number of pounds: is the '.' a mistyped "
                                "thousands comma?");
    CHECK(refused("1,08,612") == "'1,08,612' is not a whole number of pounds");
    CHECK(refused("1234,567").find("not a whole number") != std::string::npos);
    CHECK(refused("12.5").find("not a whole number") != std::string::npos);
    CHECK(refused("ten").find("not a whole number") != std::string::npos);
}

TEST_CASE("totals are computed per year and stated ones checked") {
    Diagnostics d;
    auto csv = load::parse_csv(
        "Year,Agency,Staffing costs,Other delegated funds,Total\n"
        "2021/22,Police,\"58,336\",\"43,260\",\n"
        "2021/22,Health,100,5,105\n"
        "2022/23,Police,\"58,336\",0,\n"
        "2022/23,Health,100,6,\n"
        "2022/23,Total,\"58,436\",7,\"58,442\"\n",
        "data/budget.csv", d);
    REQUIRE(csv);
    auto b = parse_budget(*csv, d);
    CHECK_FALSE(b);
    std::vector<std::string> m;
    for (const auto& x : d.sorted()) m.push_back(format(x));
    REQUIRE(m.size() == 1);
    CHECK(m[0] == "data/budget.csv:6:24: error: the 2022/23 total of Other delegated funds is stated "
                  "as \u00A37 but the agencies add up to \u00A36");

    Diagnostics ok;
    auto csv2 = load::parse_csv("Year,Agency,Staffing costs,Other delegated funds\n"
                                "2021/22,Police,10,5\n2022/23,Police,12,0\n2022/23,NHS,1,1\n",
                                "b.csv", ok);
    auto b2 = parse_budget(*csv2, ok);
    REQUIRE(b2);
    REQUIRE(b2->years.size() == 2);
    CHECK(b2->find("2022/23")->total() == 14);
    CHECK(b2->find("2022/23")->column_totals()[0] == 13);
    CHECK(b2->before("2022/23")->year == "2021/22");
    CHECK(b2->before("2021/22") == nullptr);
}
}

}  // namespace unit_budget
