#include <algorithm>
#include <cstdint>
#include <optional>

#include "load/toml_reader.hpp"
#include "model/number_format.hpp"
#include "transform/transforms.hpp"

namespace planpack::transform {

namespace {

using load::TableReader;
using load::TomlOrigin;

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

model::Inlines text(std::string s) { return {model::Inline{model::Text{std::move(s)}}}; }

// ```planpack table: a CSV file from data/ as an accessible table.
std::optional<model::Block> table_directive(const model::Directive& d, const load::DataSet& data,
                                            Diagnostics& diags) {
    const TomlOrigin origin{d.pos.file, d.body_line - 1};
    auto params = load::parse_toml(d.body, origin, diags);
    if (!params) return std::nullopt;
    TableReader r(*params, origin, diags, "the table directive");
    auto name = r.string("data", true);
    auto caption = r.string("caption", true);
    auto columns = string_list(r, "columns");
    auto money = string_list(r, "money");
    const bool totals = r.boolean("totals", false).value_or(false);
    auto row_total = r.string("row_total", false);
    const bool row_headers = r.boolean("row_headers", false).value_or(true);
    auto source = r.string("source", false);
    r.finish();
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

    // A column is numeric when every non-empty cell is a whole number.
    std::vector<bool> numeric(csv.header.size(), true);
    for (const auto& row : csv.rows)
        for (size_t i = 0; i < row.fields.size(); ++i)
            if (!row.fields[i].text.empty() && !model::parse_integer(row.fields[i].text)) {
                if (is_money[i])
                    diags.error(csv.at(row.fields[i]), "'" + row.fields[i].text +
                                                           "' in money column '" +
                                                           csv.header[i].text +
                                                           "' is not a whole number of pounds");
                numeric[i] = false;
            }

    model::Table t;
    t.pos = d.pos;
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
    std::int64_t grand_total = 0;
    for (const auto& row : csv.rows) {
        model::TableRow out;
        std::int64_t row_sum = 0;
        for (size_t i : picked) {
            const std::string& raw = row.fields[i].text;
            auto v = numeric[i] ? model::parse_integer(raw) : std::nullopt;
            if (v) sums[i] += *v;
            if (v) row_sum += *v;
            out.cells.push_back({text(v && is_money[i] ? cell_text(i, *v) : raw)});
        }
        if (row_total) out.cells.push_back({text(total_text(row_sum))});
        grand_total += row_sum;
        t.body.push_back(std::move(out));
    }
    if (totals) {
        model::TableRow total;
        for (size_t k = 0; k < picked.size(); ++k) {
            const size_t i = picked[k];
            total.cells.push_back({text(k == 0 ? "Total" : numeric[i] ? cell_text(i, sums[i]) : "")});
        }
        if (row_total) total.cells.push_back({text(total_text(grand_total))});
        t.foot.push_back(std::move(total));
    }
    if (source) t.notes.push_back(text("Source: " + *source));
    return model::Block{std::move(t)};
}

}  // namespace

void expand_directives(model::Document& doc, const load::DataSet& data, Diagnostics& diags) {
    for (auto& section : doc.sections) {
        model::Blocks out;
        out.reserve(section.blocks.size());
        for (auto& b : section.blocks) {
            auto* d = std::get_if<model::Directive>(&b.value);
            if (!d) {
                out.push_back(std::move(b));
                continue;
            }
            if (d->kind == "table") {
                if (auto block = table_directive(*d, data, diags)) out.push_back(std::move(*block));
            } else {
                diags.error(d->pos, "unknown directive 'planpack " + d->kind +
                                        "' (known: table)");
            }
        }
        section.blocks = std::move(out);
    }
}

}  // namespace planpack::transform
