#include <algorithm>
#include <cctype>
#include <cstdint>

#include "data/budget.hpp"
#include "model/builders.hpp"
#include "model/checked.hpp"
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

// "Total", "Totals", "All", "Grand total": what a transcribed printed total is called.
bool is_total_label(std::string_view s) {
    std::string l;
    for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!l.empty() && l.back() == ' ') l.pop_back();
    return l == "total" || l == "totals" || l == "grand total" || l == "all";
}

std::optional<Named> named_string(TableReader& r, std::string_view key) {
    auto v = r.string(key, false);
    if (!v) return std::nullopt;
    return Named{*v, r.pos_of(key)};
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
    // Who is counted, so the note under the table says whom withholding protects.
    auto person = r.string("person", false);
    // One row per value of this column, each figure the sum of its rows': a table by tier
    // computed from the table by outcome, so the suppression pass knows how they relate.
    auto group_by = named_string(r, "group_by");
    if (name) data.used.insert(*name);
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
    // Grouped: the group's column first, then the numeric columns, each summed.
    std::optional<size_t> group_col;
    if (group_by) {
        group_col = column_index(*group_by);
        if (!group_col) return std::nullopt;
    }
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

    if (group_col) {
        std::vector<size_t> kept{*group_col};
        for (size_t i : picked)
            if (i != *group_col && numeric[i]) kept.push_back(i);
        picked = std::move(kept);
    }
    // With suppress, every column after the first holds counts of people: raw whole
    // numbers, which planpack withholds itself. Text there would let a count through
    // unchecked, so it is an error rather than a column quietly treated as words.
    if (suppress) {
        for (size_t k = 1; k < picked.size(); ++k)
            for (const auto& row : csv.rows) {
                const auto& f = row.fields[picked[k]];
                const auto v = f.text.empty() ? std::nullopt : model::parse_integer(f.text);
                if (!f.text.empty() && !v)
                    diags.error(csv.at(f), "'" + f.text + "' in column '" + csv.header[picked[k]].text +
                                               "' is not a count: a table with suppress = true takes "
                                               "whole numbers, and withholds the small ones itself");
                else if (v && *v < 0)
                    diags.error(csv.at(f), "'" + f.text + "' in column '" + csv.header[picked[k]].text +
                                               "' is negative; a count of people is 0 or more");
            }
        // A typed total is a figure suppression does not know is a sum, so the cells it
        // would have to protect could be worked out from it.
        for (size_t k = 1; k < picked.size(); ++k)
            if (is_total_label(csv.header[picked[k]].text))
                diags.error(csv.at(csv.header[picked[k]]),
                            "column '" + csv.header[picked[k]].text + "' looks like a typed total; under "
                            "suppress = true remove it and write row_total = \"" + csv.header[picked[k]].text +
                            "\", so planpack computes it and withholds what it would reveal");
        if (!picked.empty())
            for (const auto& row : csv.rows)
                if (is_total_label(row.fields[picked[0]].text))
                    diags.error(csv.at(row.fields[picked[0]]),
                                "row '" + row.fields[picked[0]].text + "' looks like a typed total; under "
                                "suppress = true remove it and write totals = true, so planpack computes it "
                                "and withholds what it would reveal");
    }
    // The first column names the rows (ages 11 to 18, years): never a figure to add up.
    const bool first_is_label = suppress || row_headers;

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
    // Figure keys for suppression: a CSV cell is "<data>:<row>:<column>" in every table that
    // shows it, so a count withheld in one is withheld in all; a computed figure (a total,
    // a group) is "<data>[<columns>]:<row>:<column>", as a total over other columns is
    // another figure.
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
    auto too_large = [&](const load::CsvField& f) {
        diags.error(csv.at(f), "the totals reach past what planpack can add (about 9.2 quintillion) at '" +
                                   f.text + "'; check data/" + *name + ".csv for a typing error");
    };
    auto cell_key = [&](size_t row, size_t col) {
        return *name + ":" + std::to_string(row) + ":" + std::to_string(col);
    };
    // The rows shown, each with the CSV rows it stands for (one, unless grouped).
    std::vector<std::pair<std::string, std::vector<size_t>>> shown;
    for (size_t ri = 0; ri < csv.rows.size(); ++ri) {
        if (!group_col) {
            shown.push_back({std::to_string(ri), {ri}});
            continue;
        }
        const std::string& g = csv.rows[ri].fields[*group_col].text;
        auto it = std::find_if(shown.begin(), shown.end(), [&](const auto& s) { return s.first == g; });
        if (it == shown.end()) it = shown.insert(shown.end(), {g, {}});
        it->second.push_back(ri);
    }
    for (const auto& [row_name, members] : shown) {
        const auto& row = csv.rows[members.front()];
        const std::string row_key = group_col ? "group=" + row_name : row_name;
        model::TableRow out;
        std::int64_t row_sum = 0;
        std::vector<std::string> row_parts;
        for (size_t i : picked) {
            const std::string& raw = row.fields[i].text;
            std::optional<std::int64_t> parsed;
            std::vector<std::string> member_keys;
            if (numeric[i] && !(first_is_label && i == picked.front())) {
                for (size_t m : members) {
                    const auto v = number(i, csv.rows[m].fields[i].text);
                    if (!v) continue;
                    if (!parsed) parsed = 0;
                    if (!model::add_into(*parsed, *v)) {
                        too_large(csv.rows[m].fields[i]);
                        return std::nullopt;
                    }
                    member_keys.push_back(cell_key(m, i));
                }
            }
            model::TableCell cell(text(raw));
            if (parsed) {
                const std::int64_t v = *parsed;
                if (is_money[i] || group_col) cell.content = text(cell_text(i, v));
                if (!model::add_into(sums[i], v) || !model::add_into(row_sum, v)) {
                    too_large(row.fields[i]);
                    return std::nullopt;
                }
                count(cell, group_col ? key(row_key, std::to_string(i)) : cell_key(members.front(), i), v, row_parts);
                if (suppress) column_parts[i].push_back(cell.figure);
                // A group's figure is the sum of its rows' figures, shown here or not; an
                // unshown one has no count, so the audit treats it as unknown.
                if (suppress && group_col) {
                    std::vector<std::string> line{cell.figure};
                    for (const auto& k : member_keys) {
                        in.statistics_out.figures.try_emplace(k);
                        line.push_back(k);
                    }
                    in.statistics_out.sums.push_back(std::move(line));
                }
            }
            out.cells.push_back(std::move(cell));
        }
        if (row_total) {
            model::TableCell cell(text(total_text(row_sum)));
            std::vector<std::string> unused;
            count(cell, key(row_key, "total"), row_sum, unused);
            if (suppress) {
                row_parts.insert(row_parts.begin(), cell.figure);
                in.statistics_out.sums.push_back(row_parts);
                row_total_keys.push_back(cell.figure);
            }
            out.cells.push_back(std::move(cell));
        }
        if (!model::add_into(grand_total, row_sum)) {
            too_large(row.fields[picked.back()]);
            return std::nullopt;
        }
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
    if (person) t.person = *person;
    return model::Blocks{model::Block{std::move(t)}};
}


}  // namespace planpack::transform::directives
