#include <set>

#include "model/inline_text.hpp"
#include "transform/transforms.hpp"
#include "model/walk.hpp"

namespace planpack::transform {

namespace {

// Gives every table and chart of a page an id no heading or other table has: data tables
// keep their own, the rest are numbered in page order.
void assign_table_ids(model::Section& section, std::set<std::string>& used) {
    int tables = 0, charts = 0;
    auto unique = [&](const char* prefix, int& n) {
        std::string id;
        do id = prefix + std::to_string(++n);
        while (used.count(id));
        used.insert(id);
        return id;
    };
    auto visit = [&](model::Blocks& blocks) {
        for_each_block(blocks, [&](model::Block& b) {
            if (auto* t = model::get_alternative<model::Table>(&b.value); t && t->id.empty()) t->id = unique("table-", tables);
            else if (auto* c = model::get_alternative<model::Chart>(&b.value); c && c->id.empty()) {
                c->id = unique("chart-", charts);
                used.insert(c->id + "-data");
            }
        });
    };
    visit(section.blocks);
    for (auto& fn : section.footnotes) visit(fn.content);
}

void reserve_data_ids(model::Section& section, std::set<std::string>& used) {
    auto visit = [&](model::Blocks& blocks) {
        for_each_block(blocks, [&](model::Block& b) {
            if (auto* t = model::get_alternative<model::Table>(&b.value); t && !t->id.empty()) used.insert(t->id);
            else if (auto* c = model::get_alternative<model::Chart>(&b.value); c && !c->id.empty()) {
                used.insert(c->id);
                used.insert(c->id + "-data");
            }
        });
    };
    visit(section.blocks);
    for (auto& fn : section.footnotes) visit(fn.content);
}

}  // namespace

void assign_heading_ids(model::Document& doc, Diagnostics& diags) {
    for (auto& section : doc.sections) {
        // Ids the page template uses itself, and those of tables built from data, so a
        // heading cannot collide with them.
        std::set<std::string> used = {"main", "content", "contents", "footnotes", "top"};
        reserve_data_ids(section, used);
        int previous = 1;
        for_each_block(section.blocks, [&](model::Block& b) {
            auto* h = std::get_if<model::Heading>(&b.value);
            if (!h) return;
            if (h->level == 1)
                diags.error(h->pos, "a '#' heading in the body would be a second h1: the title "
                                    "is the page's h1, so start sub-headings at '##'");
            else if (h->level > previous + 1)
                diags.error(h->pos, "heading level " + std::to_string(h->level) +
                                        " follows level " + std::to_string(previous) +
                                        ": use " + std::string(static_cast<size_t>(previous + 1), '#') +
                                        " so no level is skipped");
            previous = h->level;
            // A heading built from data may bring its own id (a stable anchor such as
            // group-p1); prose headings get a slug of their text.
            const std::string base = h->id.empty() ? model::slug(model::plain_text(h->content)) : h->id;
            std::string id = base;
            for (int n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
            used.insert(id);
            h->id = id;
        });
        assign_table_ids(section, used);
    }
}

}  // namespace planpack::transform
