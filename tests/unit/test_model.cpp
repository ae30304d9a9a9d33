// The document model's size and value semantics: a 10,000-page site holds millions of
// blocks, inlines and cells, so the rare large alternatives are boxed (model/indirect.hpp),
// and the rarely set strings of a cell are held off it (model/rare_string.hpp); a box must
// still behave as the value it holds.
#include <doctest/doctest.h>

#include "model/document.hpp"

using namespace planpack;
using namespace planpack::model;

TEST_CASE("the model's most numerous parts stay small") {
    CHECK(sizeof(Block) <= 128);
    CHECK(sizeof(Inline) <= 48);
    CHECK(sizeof(TableCell) <= 96);
    CHECK(sizeof(CellValue) <= 48);
}

TEST_CASE("a boxed table or formula copies, compares and reads as a value") {
    Table t;
    t.id = "budget";
    t.body.push_back({{TableCell{Inlines{Inline{Text{"42"}}}}}});
    t.body[0].cells[0].value.value = Formula{"SUM({0})", {}, 42.0};
    Block original{t};
    Block copy = original;
    alternative<Table>(copy.value).id = "changed";
    get_alternative<Formula>(&alternative<Table>(copy.value).body[0].cells[0].value.value)->excel = "{0}";
    CHECK(alternative<Table>(original.value).id == "budget");
    CHECK(get_alternative<Formula>(&alternative<Table>(original.value).body[0].cells[0].value.value)->excel ==
          "SUM({0})");
    CHECK(get_alternative<Figure>(&original.value) == nullptr);
    CHECK_THROWS_AS(alternative<Chart>(original.value), std::bad_variant_access);
}

TEST_CASE("a cell's rare strings read, copy and compare as strings") {
    TableCell cell;
    CHECK(cell.id.empty());
    CHECK(cell.id == "");
    CHECK(cell.id.str().empty());
    cell.id = "row-3";
    cell.style = std::string("rag-red");
    TableCell copy = cell;
    copy.id = "row-4";
    CHECK(cell.id == "row-3");
    CHECK(copy.id == std::string("row-4"));
    CHECK("#" + cell.id.str() == "#row-3");
    CHECK(copy.style == cell.style);
    const std::string& read = cell.style;
    CHECK(read == "rag-red");
    copy.style = "";  // an empty value holds nothing and equals a cell that never had one
    CHECK(copy.style.empty());
    CHECK(copy.style == TableCell{}.style);
    TableCell moved = std::move(cell);
    CHECK(moved.id == "row-3");
}
