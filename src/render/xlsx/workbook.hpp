#pragma once
// Model tables and charts to an .xlsx workbook (libxlsxwriter): a general writer that any
// document kind can fill with sheets (the performance workbook, action plans, budgets).
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/cell_styles.hpp"
#include "model/document.hpp"
#include "render/xlsx/names.hpp"

namespace planpack::render::xlsx {

// A line of text on a sheet; a heading is bold.
struct Text {
    std::string text;
    bool heading = false;
};

// What a sheet holds, top to bottom. The pointers must outlive write_workbook().
using Item = std::variant<Text, const model::Table*, const model::Chart*>;

struct Sheet {
    std::string name;  // the tab; made valid for Excel (31 characters, no []:*?/\) and unique
    std::vector<Item> items;
    bool freeze_header = false;  // keep the first table's header row in view when scrolling
};

struct WorkbookSpec {
    std::string file;  // where it will be written, for messages
    std::string title, subject, author, company;
    model::Date created;  // stamped in the file's properties, so equal input gives equal bytes
    std::vector<Sheet> sheets;
    // The colours of the semantic cell styles (templates/cell-styles.toml), which the
    // fills that follow a cell's value take; null: no fills.
    const load::CellStyles* cells = nullptr;
};

// The bytes of the .xlsx file, or nullopt with a diagnostic.
//
// A table becomes its caption, an Excel table (its last head row the header, its body
// the data; numbers, dates and number formats from each cell's CellValue, text
// otherwise), its foot rows in bold and its notes. A chart becomes its data table (see
// model::Chart::data) and a native line or bar chart whose categories and series point
// at that table's cells. Every table is an Excel table named after its sheet (see
// table_name); its columns' choices become drop-down lists, its value styles conditional
// formats, a CountIf cell a live COUNTIFS over the table it names and a Formula cell its
// formula over the cells of the tables it names (a range naming no table: the table the
// cell is in), with planpack's figure as the cached result. Every sheet is set up to print (print_setup.hpp). Long text wraps. Where a
// point has no number (missing or suppressed), the series
// point instead at a block of plotted values beneath, with that cell blank, because
// Excel would draw a text cell as zero.
std::optional<std::string> write_workbook(const WorkbookSpec& spec, Diagnostics& diags);


}  // namespace planpack::render::xlsx
