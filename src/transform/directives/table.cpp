#include <cstdint>

#include "data/budget.hpp"
#include "model/builders.hpp"
#include "model/number_format.hpp"
#include "transform/directives/directive.hpp"

namespace planpack::transform::directives {

namespace {

using load::TableReader;
using model::text;

struct Named {
    std::string name;
    SourcePos pos;
};

std::vector<Named> string_list(TableReader& r, std::string_view key) {
    std::vector<Named> out;
    const toml::array* arr = r.array(key, false);
    if (!arr) return out;
    for (const toml::node& n : *arr) {
        if (auto s = n.value<std::string>(); s && n.is_string()) out.push_back({*s, r.origin().at(n)});
        else r.diags().error(r.origin().at(n), "'" + std::string(key) + "' must list strings");
    }
    return out;
}

}  // namespace

// ```planpack table: a CSV file from data/ as an accessible table.
std::optional<model::Blocks> table(Input& in) {
    TableReader& r = in.params;
    Diagnostics& diags = in.diags;
    const load::DataSet& data = in.data;
    auto name = r.string("data", true);
    auto caption = r.string("caption", true);
    auto columns = string_list(r, "columns");
    auto money = string_list(r, "money");
    const bool totals = r.boolean("totals", false).value_or(false);
    auto row_total = r.string("row_total", false);
    const bool row_headers = r.boolean("row_headers", false).value_or(true);
    auto source = r.string("source", false);
    // Counts of people: register every number with the suppression pass, with the sums
    // that totals make, so small ones and any that would reveal them are withheld.
    const bool suppress = r.boolean("suppress", false).value_or(false);
    if (!name || !caption) return std::nullopt;

    if (data.broken.count(*name)) return std::nullopt;  // its own errors say why
    auto it = data.csv.find(*name);
    if (it == data.csv.end()) {
        diags.error(r.pos_of("data"), "no data/" + *name + ".csv for this table" +
                                          (data.toml.count(*name) ? " (data/" + *name +
                                                                        ".toml is not a table)"
                                                                  : ""));
        return std::nullopt;
    }
    const load::CsvTable& csv = it->second;

    // Which CSV columns, in which order.
    std::vector<size_t> picked;
    auto column_index = [&](const Named& col) -> std::optional<size_t> {
        for (size_t i = 0; i < csv.header.size(); ++i)
            if (csv.header[i].text == col.name) return i;
        std::string known;
        for (const auto& h : csv.header) known += (known.empty() ? "" : ", ") + h.text;
        diags.error(col.pos, "data/" + *name + ".csv has no column '" + col.name + "' (it has: " +
                                 known + ")");
        return std::nullopt;
    };
    if (columns.empty())
        for (size_t i = 0; i < csv.header.size(); ++i) picked.push_back(i);
    for (const auto& col : columns)
        if (auto i = column_index(col)) picked.push_back(*i);
    std::vector<bool> is_money(csv.header.size(), false);
    for (const auto& col : money)
        if (auto i = column_index(col)) is_money[*i] = true;

    // A cell's number: money as people type it (£124,500, as the budget directive takes
    // it), anything else a plain whole number.
    auto number = [&](size_t i, const std::string& raw) -> std::optional<std::int64_t> {
        if (!is_money[i]) return model::parse_integer(raw);
        auto v = data::parse_pounds(raw);
        if (auto* n = std::get_if<std::int64_t>(&v)) return *n;
        return std::nullopt;
    };
    // A column is numeric when every non-empty cell is a whole number.
    std::vector<bool> numeric(csv.header.size(), true);
    for (const auto& row : csv.rows)
        for (size_t i = 0; i < row.fields.size(); ++i)
            if (!row.fields[i].text.empty() && !number(i, row.fields[i].text)) {
                if (is_money[i])
                    diags.error(csv.at(row.fields[i]), "'" + row.fields[i].text + "' in money column '" +
                                                           csv.header[i].text + "' is not a whole number of pounds: "
                                                           "write it like 124500 or £124,500");
                numeric[i] = false;
            }

    // With suppress, every column after the first holds counts of people: raw whole
    // numbers, which planpack withholds itself. Text there would let a count through
    // unchecked, so it is an error rather than a column quietly treated as words.
    if (suppress)
        for (size_t k = 1; k < picked.size(); ++k)
            for (const auto& row : csv.rows) {
                const auto& f = row.fields[picked[k]];
                if (!f.text.empty() && !model::parse_integer(f.text))
                    diags.error(csv.at(f), "'" + f.text + "' in column '" + csv.header[picked[k]].text +
                                               "' is not a count: a table with suppress = true takes "
                                               "whole numbers, and withholds the small ones itself");
            }

    model::Table t;
    t.caption = text(*caption);
    t.row_headers = row_headers;
    model::TableRow head;
    for (size_t i : picked) {
        head.cells.push_back({text(csv.header[i].text)});
        t.aligns.push_back(numeric[i] ? model::Align::right : model::Align::left);
    }
    // A computed total column sums the picked numeric columns, so no total is ever typed.
    bool total_is_money = false;
    if (row_total) {
        head.cells.push_back({text(*row_total)});
        t.aligns.push_back(model::Align::right);
        for (size_t i : picked) total_is_money = total_is_money || is_money[i];
    }
    t.head.push_back(std::move(head));
    std::vector<std::int64_t> sums(csv.header.size(), 0);
    auto cell_text = [&](size_t i, std::int64_t v) {
        return is_money[i] ? model::format_money(v) : model::format_grouped(v);
    };
    auto total_text = [&](std::int64_t v) {
        return total_is_money ? model::format_money(v) : model::format_grouped(v);
    };
    // Figure keys for suppression: "<data>[<columns>]:<row>:<column>", "total" for totals.
    // The columns shown are part of the key: a total over other columns is another figure.
    std::string shown_columns;
    for (size_t i : picked) shown_columns += (shown_columns.empty() ? "" : ",") + std::to_string(i);
    auto key = [&](const std::string& row, const std::string& col) {
        return *name + "[" + shown_columns + "]:" + row + ":" + col;
    };
    auto count = [&](model::TableCell& cell, const std::string& k, std::int64_t v,
                     std::vector<std::string>& sum_parts) {
        if (!suppress) return;
        cell.figure = k;
        in.statistics_out.figures[k].count = static_cast<double>(v);
        sum_parts.push_back(k);
    };
    std::vector<std::vector<std::string>> column_parts(csv.header.size());
    std::vector<std::string> row_total_keys;
    std::int64_t grand_total = 0;
    for (size_t ri = 0; ri < csv.rows.size(); ++ri) {
        const auto& row = csv.rows[ri];
        model::TableRow out;
        std::int64_t row_sum = 0;
        std::vector<std::string> row_parts;
        for (size_t i : picked) {
            const std::string& raw = row.fields[i].text;
            const std::optional<std::int64_t> parsed = numeric[i] ? number(i, raw) : std::optional<std::int64_t>();
            model::TableCell cell(text(raw));
            if (parsed) {
                const std::int64_t v = *parsed;
                if (is_money[i]) cell.content = text(cell_text(i, v));
                sums[i] += v;
                row_sum += v;
                count(cell, key(std::to_string(ri), std::to_string(i)), v, row_parts);
                if (suppress) column_parts[i].push_back(cell.figure);
            }
            out.cells.push_back(std::move(cell));
        }
        if (row_total) {
            model::TableCell cell(text(total_text(row_sum)));
            std::vector<std::string> unused;
            count(cell, key(std::to_string(ri), "total"), row_sum, unused);
            if (suppress) {
                row_parts.insert(row_parts.begin(), cell.figure);
                in.statistics_out.sums.push_back(row_parts);
                row_total_keys.push_back(cell.figure);
            }
            out.cells.push_back(std::move(cell));
        }
        grand_total += row_sum;
        t.body.push_back(std::move(out));
    }
    if (totals) {
        model::TableRow total;
        std::vector<std::string> column_total_keys;
        for (size_t k = 0; k < picked.size(); ++k) {
            const size_t i = picked[k];
            if (k == 0 || !numeric[i]) {
                total.cells.push_back(model::TableCell(text(k == 0 ? "Total" : "")));
                continue;
            }
            model::TableCell cell(text(cell_text(i, sums[i])));
            std::vector<std::string> unused;
            count(cell, key("total", std::to_string(i)), sums[i], unused);
            if (suppress) {
                std::vector<std::string> line{cell.figure};
                line.insert(line.end(), column_parts[i].begin(), column_parts[i].end());
                in.statistics_out.sums.push_back(std::move(line));
                column_total_keys.push_back(cell.figure);
            }
            total.cells.push_back(std::move(cell));
        }
        if (row_total) {
            model::TableCell cell(text(total_text(grand_total)));
            std::vector<std::string> unused;
            count(cell, key("total", "total"), grand_total, unused);
            if (suppress) {
                for (const auto* parts : {&column_total_keys, &row_total_keys}) {
                    std::vector<std::string> line{cell.figure};
                    line.insert(line.end(), parts->begin(), parts->end());
                    in.statistics_out.sums.push_back(std::move(line));
                }
            }
            total.cells.push_back(std::move(cell));
        }
        t.foot.push_back(std::move(total));
    }
    if (source) t.notes.push_back(text("Source: " + *source));
    return model::Blocks{model::Block{std::move(t)}};
}


}  // namespace planpack::transform::directives
