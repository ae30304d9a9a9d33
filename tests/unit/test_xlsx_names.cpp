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

}  // namespace unit_xlsx_names
}  // namespace planpack
