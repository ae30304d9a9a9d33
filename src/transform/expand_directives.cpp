#include <string_view>

#include "diag/suggest.hpp"
#include "load/toml_reader.hpp"
#include "transform/directives/directive.hpp"
#include "transform/transforms.hpp"

namespace planpack::transform {

namespace {

struct Kind {
    std::string_view name;
    directives::Handler handler;
    bool reads_own_body = false;  // parses the TOML body itself
};

constexpr Kind kinds[] = {
    {"table", directives::table},
    {"action-plan", directives::action_plan},
    {"action-summary", directives::action_summary},
    {"action-changes", directives::action_changes},
    {"previous-progress", directives::previous_progress},
    {"attendance-grid", directives::attendance_grid},
    {"budget", directives::budget},
    {"indicator-table", directives::indicator_table, true},
    {"chart", directives::chart, true},
    {"recommendations-tracker", directives::recommendations_tracker},
};

std::string known_kinds() {
    std::string out;
    for (const Kind& k : kinds) out += (out.empty() ? "" : ", ") + std::string(k.name);
    return out;
}

std::optional<model::Blocks> expand(const model::Directive& d, model::Document& doc,
                                    const load::DataSet& data, const Context& ctx,
                                    StatisticsWriter* stats, Diagnostics& diags) {
    const Kind* kind = nullptr;
    for (const Kind& k : kinds)
        if (k.name == d.kind) kind = &k;
    if (!kind) {
        std::vector<std::string> names;
        for (const Kind& k : kinds) names.emplace_back(k.name);
        std::string hint = did_you_mean(d.kind, names);
        if (hint.empty()) hint = " (known: " + known_kinds() + ")";
        diags.error(d.pos, "unknown directive 'planpack " + d.kind + "'" + hint);
        return std::nullopt;
    }
    const load::TomlOrigin origin{d.pos.file, d.body_line - 1};
    toml::table empty;
    std::optional<toml::table> params = kind->reads_own_body ? std::optional(empty)
                                                             : load::parse_toml(d.body, origin, diags);
    if (!params) return std::nullopt;
    load::TableReader reader(*params, origin, diags, "the " + d.kind + " directive");
    directives::Input in{reader, d, doc, data, ctx, diags, stats, doc.statistics, doc.workbooks};
    auto blocks = kind->handler(in);
    reader.finish();
    // Tables built from data are located at their directive, for warnings from renderers.
    if (blocks)
        for (auto& b : *blocks)
            if (auto* t = model::get_alternative<model::Table>(&b.value); t && t->pos.file.empty()) t->pos = d.pos;
    return blocks;
}

}  // namespace

void expand_directives(model::Document& doc, const load::DataSet& data, const Context& ctx,
                       Diagnostics& diags) {
    std::optional<StatisticsWriter> stats;
    if (data.indicators) stats.emplace(*data.indicators, doc.statistics);
    for (auto& section : doc.sections) {
        model::Blocks out;
        out.reserve(section.blocks.size());
        for (auto& b : section.blocks) {
            if (auto* d = std::get_if<model::Directive>(&b.value)) {
                if (auto blocks = expand(*d, doc, data, ctx, stats ? &*stats : nullptr, diags))
                    for (auto& x : *blocks) out.push_back(std::move(x));
            } else {
                out.push_back(std::move(b));
            }
        }
        section.blocks = std::move(out);
    }
}

}  // namespace planpack::transform
