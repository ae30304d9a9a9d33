#pragma once
// CSV files (libcsv) as tables of fields that remember their line and column, so every
// message about a cell points at it.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace planpack::load {

struct CsvField {
    std::string text;
    int line = 0;  // where the field starts, 1-based
    int col = 0;   // byte column of its first character, 1-based
};

struct CsvRow {
    std::vector<CsvField> fields;
    int line = 0;
};

struct CsvTable {
    std::string file;
    std::vector<CsvField> header;
    std::vector<CsvRow> rows;

    SourcePos at(const CsvField& f) const { return {file, f.line, f.col}; }
};

// RFC 4180 through libcsv in strict mode: quoted fields with commas, doubled quotes and
// line breaks; UTF-8 with or without BOM; LF or CRLF. Every row must be as wide as the
// header, fields must be valid UTF-8.
std::optional<CsvTable> parse_csv(std::string_view text, const std::string& file,
                                  Diagnostics& diags);

// The same, row by row, keeping nothing: each row goes to sink as soon as it is read and
// checked, the header first (is_header true). For files too big to hold as a CsvTable,
// such as indicator values. Returns false when any fault was reported.
bool read_csv_rows(std::string_view text, const std::string& file, Diagnostics& diags,
                   const std::function<void(CsvRow&& row, bool is_header)>& sink);

}  // namespace planpack::load
