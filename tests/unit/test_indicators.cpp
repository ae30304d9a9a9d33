#include <doctest/doctest.h>

#include <cmath>

#include "indicator_fixture.hpp"
#include "load/periods.hpp"
#include "model/number_format.hpp"

namespace unit_indicators {

using namespace planpack;
using namespace planpack::testing;

namespace {

// The one message a single bad row gives (rows are numbered from 2, after the header).
std::string only_message(const std::string& row) {
    Diagnostics d;
    indicator_data(row, d);
    const auto m = messages(d);
    REQUIRE(m.size() == 1);
    return m[0];
}

// Every message, one a line, so a failing CHECK shows them all.
std::string all(const Diagnostics& d) {
    std::string out;
    for (const auto& m : messages(d)) out += m + "\n";
    return out;
}

}  // namespace

TEST_SUITE("indicators") {
TEST_CASE("a catalogue and values load, with derived rates computed") {
    Diagnostics d;
    auto data = indicator_data(good_values, d);
    CHECK(all(d) == "");
    REQUIRE(data.indicators);
    const load::IndicatorSet& set = *data.indicators;
    CHECK(set.values_ok);
    CHECK(set.areas.size() == 2);
    // 9 rows plus the reoffending rate for two cohorts.
    CHECK(set.observations.size() == 11);
    const size_t rate = *set.find_indicator("rate");
    const size_t northtown = *set.find_area("Northtown");
    size_t found = 0;
    for (size_t p = 0; p < set.periods.size(); ++p)
        if (const auto* o = set.find(rate, northtown, p)) {
            ++found;
            CHECK(o->derived);
            CHECK(o->inputs.size() == 2);
            if (set.periods[p].label == "2020/21") {
                CHECK(std::fabs(*o->value - 27.0 / 89) < 1e-12);
                CHECK(set.key(*o) == std::to_string(rate) + ":" + std::to_string(northtown) + ":" +
                                         std::to_string(p));
            }
        }
    CHECK(found == 2);
    // A percentage is stored as a fraction, from its numerator and denominator.
    REQUIRE(set.observations.size() == 11);
    const auto* ete = set.find(*set.find_indicator("ete"), northtown, set.observations[7].period);
    REQUIRE(ete);
    CHECK(std::fabs(*ete->value - 15.0 / 23) < 1e-12);
    CHECK(set.sources[ete->source].as_at == "June 2023");
}

TEST_CASE("unknown indicator and area point at their fields") {
    CHECK(only_message("fte_cnt,Northtown,2022,calendar_year,2022-01-01,2022-12-31,count,children,4,,,YDS,\n") ==
          "data/kpi.csv:2:1: error: unknown indicator 'fte_cnt': data/indicators.toml has no "
          "[[indicator]] with this id");
    CHECK(only_message("fte,Northtwon,2022,calendar_year,2022-01-01,2022-12-31,count,children,4,,,YDS,\n") ==
          "data/kpi.csv:2:5: error: unknown area 'Northtwon': data/indicators.toml has no [[area]] "
          "with this name (did you mean 'Northtown'?)");
}

TEST_CASE("measure and unit must match the catalogue") {
    CHECK(only_message("fte,Northtown,2022,calendar_year,2022-01-01,2022-12-31,count,offences,4,,,YDS,\n") ==
          "data/kpi.csv:2:62: error: unit 'offences' does not match the catalogue, which gives fte "
          "the unit 'children' (data/indicators.toml:11)");
    CHECK(only_message("fte,Northtown,2022,calendar_year,2022-01-01,2022-12-31,rate,children,4,,,YDS,\n") ==
          "data/kpi.csv:2:56: error: measure 'rate' does not match the catalogue, which gives fte "
          "the measure 'count' (data/indicators.toml:11)");
}

TEST_CASE("a duplicate row names the line of the first") {
    Diagnostics d;
    indicator_data("fte,Northtown,2022,calendar_year,2022-01-01,2022-12-31,count,children,46,,,YDS,\n"
                   "fte,Northtown,2022,calendar_year,2022-01-01,2022-12-31,count,children,47,,,YDS,\n",
                   d);
    CHECK(all(d) == "data/kpi.csv:3:1: error: duplicate row: fte for Northtown in 2022 is "
                             "already given at line 2" "\n");
}

TEST_CASE("a value that does not round from its numerator and denominator quotes both") {
    CHECK(only_message("ete,Northtown,2022/23,financial_year,2022-04-01,2023-03-31,percent,% of children,"
                       "66.2,15,23,YDS,\n") ==
          "data/kpi.csv:2:82: error: value 66.2 disagrees with numerator / denominator = 15 / 23 × 100 "
          "= 65.217, which rounds to 65.2");
    CHECK(only_message("offence_rate,Northtown,2022/23,financial_year,2022-04-01,2023-03-31,rate,"
                       "\"per 10,000 children\",141,180,12641,Local,\n")
              .find("value 141 disagrees with numerator / denominator = 180 / 12641 × 10,000 = "
                    "142.39, which rounds to 142") != std::string::npos);
    // Within rounding is fine, in either direction.
    Diagnostics d;
    indicator_data("ete,Northtown,2022/23,financial_year,2022-04-01,2023-03-31,percent,% of children,"
                   "65,15,23,YDS,\n",
                   d);
    CHECK(all(d) == "");
}

TEST_CASE("a typed value of a derived indicator must agree with the computation") {
    Diagnostics d;
    indicator_data(std::string(good_values) +
                       "rate,Northtown,2020/21,cohort_year,2020-04-01,2021-03-31,percent,% of the cohort,"
                       "31.1,,,YDS,\n",
                   d);
    CHECK(all(d) == "data/kpi.csv:11:82: error: value 31.1 disagrees with reoffenders / cohort = "
                             "27 / 89 × 100 = 30.337, which rounds to 30.3" "\n");
}

TEST_CASE("periods: dates must fit the type and the label must say them") {
    CHECK(only_message("fte,Northtown,2022,calendar_year,2022-01-01,2023-12-31,count,children,4,,,YDS,\n") ==
          "data/kpi.csv:2:34: error: a calendar_year runs from 1 January to 31 December of one year, "
          "not 2022-01-01 to 2023-12-31");
    CHECK(only_message("fte,Northtown,Jan-Dec 22,calendar_year,2022-01-01,2022-12-31,count,children,4,,,YDS,\n") ==
          "data/kpi.csv:2:15: error: period label 'Jan-Dec 22' does not match 2022-01-01 to "
          "2022-12-31: a calendar_year with these dates is labelled '2022'");
    CHECK(only_message("fte,Northtown,2022,calendar_year,2022-02-30,2022-12-31,count,children,4,,,YDS,\n") ==
          "data/kpi.csv:2:34: error: period_start '2022-02-30' is not a date (write YYYY-MM-DD)");
    CHECK(only_message("fte,Northtown,2022,year,2022-01-01,2022-12-31,count,children,4,,,YDS,\n") ==
          "data/kpi.csv:2:20: error: unknown period type 'year' (expected: calendar_year, "
          "financial_year, cohort_year, year_ending, quarter)");
}

TEST_CASE("period labels for every type") {
    using load::PeriodType;
    using model::Date;
    CHECK(load::expected_label(PeriodType::calendar_year, Date{2022, 1, 1}, Date{2022, 12, 31}).label == "2022");
    CHECK(load::expected_label(PeriodType::financial_year, Date{2022, 4, 1}, Date{2023, 3, 31}).label == "2022/23");
    CHECK(load::expected_label(PeriodType::cohort_year, Date{1999, 4, 1}, Date{2000, 3, 31}).label == "1999/00");
    CHECK(load::expected_label(PeriodType::year_ending, Date{2019, 4, 1}, Date{2020, 3, 31}).label ==
          "year ending March 2020");
    CHECK(load::expected_label(PeriodType::year_ending, Date{2020, 1, 1}, Date{2020, 12, 31}).label ==
          "year ending December 2020");
    CHECK(load::expected_label(PeriodType::quarter, Date{2022, 4, 1}, Date{2022, 6, 30}).label == "Apr-Jun 2022");
    CHECK_FALSE(load::expected_label(PeriodType::quarter, Date{2022, 5, 1}, Date{2022, 7, 31}).error.empty());
    CHECK_FALSE(load::expected_label(PeriodType::financial_year, Date{2022, 1, 1}, Date{2022, 12, 31}).error.empty());
    CHECK_FALSE(load::expected_label(PeriodType::year_ending, Date{2019, 4, 1}, Date{2020, 3, 30}).error.empty());
    CHECK(load::parse_as_at("2023-06") == "June 2023");
    CHECK(load::parse_as_at("2023-06-30") == "30 June 2023");
    CHECK_FALSE(load::parse_as_at("June 2023"));
}

TEST_CASE("values: numbers, counts and source markers") {
    CHECK(only_message("fte,Northtown,2022,calendar_year,2022-01-01,2022-12-31,count,children,4.5,,,YDS,\n") ==
          "data/kpi.csv:2:71: error: a count must be a whole number of 0 or more, not 4.5");
    CHECK(only_message("fte,Northtown,2022,calendar_year,2022-01-01,2022-12-31,count,children,\"1,046\",,,YDS,\n") ==
          "data/kpi.csv:2:71: error: value '1,046' is not a number (write a figure such as 46 or "
          "30.3, without commas, or <N for a count suppressed at source)");
    CHECK(only_message("ete,Northtown,2022/23,financial_year,2022-04-01,2023-03-31,percent,% of children,"
                       "<5,,,YDS,\n") ==
          "data/kpi.csv:2:82: error: only a count can be written as <5 (suppressed at source); leave "
          "the rate out instead");
    CHECK(only_message("ete,Northtown,2022/23,financial_year,2022-04-01,2023-03-31,percent,% of children,"
                       "65.2,15,,YDS,\n") ==
          "data/kpi.csv:2:90: error: numerator and denominator go together: give both or neither");
    Diagnostics d;
    auto data = indicator_data("fte,Northtown,2022,calendar_year,2022-01-01,2022-12-31,count,children,<5,,,YDS,\n", d);
    CHECK(all(d) == "");
    REQUIRE(data.indicators);
    CHECK(data.indicators->observations[0].marker == "<5");
    CHECK_FALSE(data.indicators->observations[0].value);
}

TEST_CASE("the header must hold every column, and only known ones") {
    Diagnostics d;
    load::DataSet data;
    std::vector<std::string> files;
    auto table = load::parse_toml(catalogue_toml, {"data/indicators.toml", 0}, d);
    auto set = load::read_catalogue(*table, {"data/indicators.toml", 0}, files, d);
    REQUIRE(set);
    CHECK(files == std::vector<std::string>{"kpi"});
    auto csv = load::parse_csv("indicator,area,period,value\nfte,Northtown,2022,4\n", "data/kpi.csv", d);
    load::read_values(*set, *csv, d);
    const auto m = messages(d);
    CHECK_FALSE(set->values_ok);
    INFO(all(d));
    REQUIRE(m.size() == 11);
    CHECK(m[0] == "data/kpi.csv:1:1: error: indicator values need a column 'period_label'");
    CHECK(m[10] == "data/kpi.csv:1:16: error: unknown column 'period' (expected: indicator, area, "
                  "period_label, period_type, period_start, period_end, measure, unit, value, "
                  "numerator, denominator, source, as_at, and optionally note)");
}

TEST_CASE("catalogue errors point at the key") {
    Diagnostics d;
    std::string bad = catalogue_toml;
    bad.replace(bad.find("measure = \"rate\""), 16, "measure = \"speed\"");
    bad.replace(bad.find("number_format = \"0.0%\""), 22, "number_format = \"0.0\"");
    bad += "\n[[indicator]]\nid = \"x\"\ntitle = \"X\"\ndefinition = \"X\"\ngroup = \"G\"\nmeasure = \"count\"\n"
           "unit = \"u\"\nnumber_format = \"#,##0\"\nhigher_is_better = false\ncolour = \"red\"\n";
    std::vector<std::string> files;
    auto table = load::parse_toml(bad, {"data/indicators.toml", 0}, d);
    REQUIRE(table);
    CHECK_FALSE(load::read_catalogue(*table, {"data/indicators.toml", 0}, files, d));
    const auto m = messages(d);
    INFO(all(d));
    REQUIRE(m.size() == 3);
    CHECK(m[0] == "data/indicators.toml:48:17: error: a percent indicator needs a number_format ending in % (such as 0.0%)");
    CHECK(m[1] == "data/indicators.toml:68:11: error: unknown measure 'speed' (expected: count, percent, rate, ratio)");
    CHECK(m[2].rfind("data/indicators.toml:83:1: error: unknown key 'colour' in [[indicator]]", 0) == 0);
}

TEST_CASE("breakdowns must add up, allowing for parts suppressed at source") {
    std::string catalogue = std::string(catalogue_toml) +
                            "\n[[indicator]]\nid = \"girls\"\ntitle = \"Girls\"\ndefinition = \"G\"\n"
                            "group = \"First-time entrants\"\nmeasure = \"count\"\nunit = \"children\"\n"
                            "number_format = \"#,##0\"\nhigher_is_better = false\n"
                            "\n[[indicator]]\nid = \"boys\"\ntitle = \"Boys\"\ndefinition = \"B\"\n"
                            "group = \"First-time entrants\"\nmeasure = \"count\"\nunit = \"children\"\n"
                            "number_format = \"#,##0\"\nhigher_is_better = false\n"
                            "\n[[breakdown]]\ntotal = \"fte\"\nparts = [\"girls\", \"boys\"]\n";
    auto row = [](const char* ind, const char* v) {
        return std::string(ind) + ",Northtown,2022,calendar_year,2022-01-01,2022-12-31,count,children," + v +
               ",,,YDS,\n";
    };
    {
        Diagnostics d;
        indicator_data(row("fte", "46") + row("girls", "9") + row("boys", "36"), d, catalogue);
        CHECK(all(d) == "data/kpi.csv:2:71: error: the parts of fte for Northtown in 2022 add up "
                                 "to 45, not 46" "\n");
    }
    {
        Diagnostics d;
        indicator_data(row("fte", "46") + row("girls", "<5") + row("boys", "36"), d, catalogue);
        CHECK(all(d) == "data/kpi.csv:2:71: error: the parts of fte for Northtown in 2022 add up "
                                 "to 36 plus 1 figure(s) suppressed at source (at most 4 more), which "
                                 "cannot make 46" "\n");
    }
    {
        Diagnostics d;
        indicator_data(row("fte", "46") + row("girls", "<5") + row("boys", "43"), d, catalogue);
        CHECK(all(d) == "");
    }
    {
        Diagnostics d;
        indicator_data(row("fte", "46") + row("boys", "43"), d, catalogue);
        CHECK(all(d) == "data/kpi.csv:2:71: error: the breakdown of fte for Northtown in 2022 "
                                 "(data/indicators.toml:94) has no figure for girls" "\n");
    }
}

TEST_CASE("number formats print like Excel") {
    using model::format_number;
    CHECK(format_number(1081612, "#,##0") == "1,081,612");
    CHECK(format_number(46, "#,##0") == "46");
    CHECK(format_number(0.30337, "0.0%") == "30.3%");
    CHECK(format_number(0.3, "0%") == "30%");
    CHECK(format_number(142.3938, "#,##0.0") == "142.4");
    CHECK(format_number(5.127, "0.0") == "5.1");
    CHECK(format_number(-0.7416, "+0.0\" pp\";-0.0\" pp\";0.0\" pp\"") == "\u22120.7 pp");
    CHECK(format_number(-0.1534, "+0%;-0%;0%") == "\u221215%");
    CHECK(format_number(6.6, "+0.0\" pp\";-0.0\" pp\";0.0\" pp\"") == "+6.6 pp");
    CHECK(format_number(0.01, "+0.0\" pp\";-0.0\" pp\";0.0\" pp\"") == "0.0 pp");
    CHECK(format_number(0.769, "+0%;-0%;0%") == "+77%");
    CHECK(format_number(-0.0421, "0.0") == "0.0");
    CHECK(format_number(-0.04, "0.0") == "0.0");
    CHECK(format_number(-12.5, "0.0") == "\u221212.5");
    CHECK(format_number(43260, "£#,##0") == "£43,260");
    CHECK(format_number(2.5, "") == "2.5");
    CHECK(model::valid_number_format("0.0%"));
    CHECK_FALSE(model::valid_number_format("0.0 widgets"));
    CHECK_FALSE(model::valid_number_format("0;0;0;0"));
    CHECK(model::format_decimals("#,##0.00") == 2);
    CHECK(model::parse_decimal("30.3") == 30.3);
    CHECK_FALSE(model::parse_decimal("1e3"));
    CHECK_FALSE(model::parse_decimal("1,046"));
}
}

}  // namespace unit_indicators
