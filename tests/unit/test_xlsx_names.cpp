// Names, addresses and print set-up of workbooks: the pure rules beneath render/xlsx.
#include <doctest/doctest.h>

#include "render/xlsx/names.hpp"
#include "render/xlsx/print_setup.hpp"

namespace planpack {
namespace unit_xlsx_names {

using model::CellRange;
using render::xlsx::Placements;

TEST_CASE("table names come from the sheet, unique and never an address") {
    using render::xlsx::table_name;
    CHECK(table_name("Budget 2022-23", {}) == "Budget_2022_23");
    CHECK(table_name("Budget 2022-23", {"budget_2022_23"}) == "Budget_2022_23_2");
    CHECK(table_name("Budget 2022-23", {"Budget_2022_23", "Budget_2022_23_2"}) == "Budget_2022_23_3");
    CHECK(table_name("Q3", {}) == "T_Q3");
    CHECK(table_name("R1C1", {}) == "T_R1C1");
    CHECK(table_name("C", {}) == "T_C");
    CHECK(table_name("2023 figures", {}) == "T_2023_figures");
    CHECK(table_name("Über-sicht", {}) == "ber_sicht");
    CHECK(table_name("", {}) == "Table");
    CHECK(table_name("Actions", {}) == "Actions");
}

TEST_CASE("cell and range addresses") {
    using render::xlsx::range_address;
    CHECK(render::xlsx::cell_address(0, 0) == "A1");
    CHECK(render::xlsx::cell_address(4, 25) == "Z5");
    CHECK(render::xlsx::cell_address(0, 26) == "AA1");
    CHECK(render::xlsx::cell_address(0, 16383) == "XFD1");
    CHECK(range_address(2, 2, 2, 7) == "C3:H3");
    CHECK(range_address(2, 2, 2, 2) == "C3");
}

TEST_CASE("formulas point at the tables as they were placed") {
    Placements placed;
    placed["grid"] = {"Attendance 2023-04", 2, 34, "Attendance_2023_04", "Seat"};
    placed["it's"] = {"Bob's", 5, 9, "Bob_s", "Name"};
    model::Formula f{"SUM({0})/{1}",
                     {{"grid", CellRange::Part::body, 0, 2, 31, 2}, {"grid", CellRange::Part::foot, 0, 4, 0, 4}},
                     1.0};
    CHECK(render::xlsx::formula_text(f, "Attendance 2023-04", placed) == "=SUM(C3:C34)/E35");
    CHECK(render::xlsx::formula_text(f, "Statutory", placed) ==
          "=SUM('Attendance 2023-04'!C3:C34)/'Attendance 2023-04'!E35");
    model::Formula quoted{"{0}", {{"it's", CellRange::Part::body, 1, 0, 1, 0}}, 1.0};
    CHECK(render::xlsx::formula_text(quoted, "Other", placed) == "='Bob''s'!A7");
    model::Formula missing{"{0}", {{"nowhere", CellRange::Part::body, 0, 0, 0, 0}}, 1.0};
    CHECK_FALSE(render::xlsx::formula_text(missing, "Other", placed));
    model::Formula literal{"IF({0}>0,\"{x}\",\"{}\")", {{"grid", CellRange::Part::body, 0, 2, 0, 2}}, 1.0};
    CHECK(render::xlsx::formula_text(literal, "Attendance 2023-04", placed) == "=IF(C3>0,\"{x}\",\"{}\")");
}

TEST_CASE("counts over a table by its Excel name") {
    Placements placed;
    placed["Actions"] = {"Actions", 2, 24, "Actions", "ID"};
    CHECK(render::xlsx::countifs_text({"Actions", {}}, placed) == "=ROWS(Actions[ID])");
    CHECK(render::xlsx::countifs_text({"Actions", {{"Status", "Complete"}, {"RAG [now]", "Red"}}}, placed) ==
          "=COUNTIFS(Actions[Status],\"Complete\",Actions[RAG '[now']],\"Red\")");
    CHECK_FALSE(render::xlsx::countifs_text({"Milestones", {}}, placed));
}

TEST_CASE("print headers escape ampersands and fit Excel's limit") {
    using render::xlsx::print_header;
    CHECK(print_header("Costs & contributions", "Budget 2022-23") == "&LCosts && contributions&RBudget 2022-23");
    const std::string long_title(300, '&');
    const std::string h = print_header(long_title, "Sheet");
    CHECK(h.size() <= 255);
    CHECK(h.substr(h.size() - 7) == "&RSheet");
    CHECK(render::xlsx::prints_landscape(180));
    CHECK_FALSE(render::xlsx::prints_landscape(60));
}

TEST_CASE("columns fit the sheet's width: the widest give way first, never below their floor") {
    using render::xlsx::fit_columns;
    // Already narrow enough: unchanged.
    CHECK(fit_columns({10, 20}, {5, 5}, 40) == std::vector<double>{10, 20});
    // The two wide columns come down to a common width; the narrow one keeps its own.
    const auto w = fit_columns({10, 45, 45}, {5, 12, 12}, 60);
    CHECK(w[0] == 10);
    CHECK(w[1] == doctest::Approx(25).epsilon(1e-6));
    CHECK(w[2] == doctest::Approx(25).epsilon(1e-6));
    // A column whose longest word needs 30 keeps 30; the other gives way for both.
    const auto v = fit_columns({45, 45}, {30, 12}, 50);
    CHECK(v[0] == doctest::Approx(30).epsilon(1e-6));
    CHECK(v[1] == doctest::Approx(20).epsilon(1e-6));
    // Floors that sum past the width: every column at its floor, none above its own width.
    CHECK(fit_columns({45, 8}, {20, 12}, 10) == std::vector<double>{20, 8});
}

TEST_CASE("a page breaks before a chart that would be cut") {
    using render::xlsx::chart_breaks;
    const std::vector<double> rows(100, 15);  // 15 points each
    // A page of 300 points holds 20 rows. A chart whose table begins at row 10 and whose
    // picture ends at row 25 would be cut: the page breaks before its table.
    CHECK(chart_breaks(rows, {{10, 14, 25}}, 300) == std::vector<std::uint32_t>{10});
    // One that ends within the page: no break.
    CHECK(chart_breaks(rows, {{2, 5, 18}}, 300).empty());
    // Table and picture taller than a page: the break comes before the picture alone.
    CHECK(chart_breaks(rows, {{10, 20, 38}}, 300) == std::vector<std::uint32_t>{20});
    // The next chart is measured from the last break, not from the sheet's top.
    CHECK(chart_breaks(rows, {{10, 14, 25}, {26, 28, 29}}, 300) == std::vector<std::uint32_t>{10});
    CHECK(chart_breaks(rows, {{10, 14, 25}, {26, 28, 35}}, 300) == std::vector<std::uint32_t>{10, 26});
    // A picture taller than a page begins one (printed smaller, it may fit), unless it
    // already does.
    CHECK(chart_breaks(rows, {{0, 1, 40}}, 300) == std::vector<std::uint32_t>{1});
    CHECK(chart_breaks(rows, {{0, 0, 40}}, 300).empty());
}

}  // namespace unit_xlsx_names
}  // namespace planpack
