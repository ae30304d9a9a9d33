#include <algorithm>
#include <set>

#include "model/inline_text.hpp"
#include "diag/suggest.hpp"
#include "model/paths.hpp"
#include "transform/transforms.hpp"
#include "model/walk.hpp"

namespace planpack::transform {

namespace {

// Every id a page defines that a link may point at: headings, tables and table cells.
std::set<std::string> anchors(model::Section& s) {
    std::set<std::string> out;
    auto table = [&](const model::Table& t) {
        if (!t.id.empty()) out.insert(t.id);
        for (const auto* rows : {&t.head, &t.body, &t.foot})
            for (const auto& row : *rows)
                for (const auto& cell : row.cells)
                    if (!cell.id.empty()) out.insert(cell.id);
    };
    for_each_block(s.blocks, [&](model::Block& b) {
        if (auto* h = std::get_if<model::Heading>(&b.value)) out.insert(h->id);
        else if (auto* n = std::get_if<model::Numbered>(&b.value)) out.insert(n->id);
        else if (auto* t = std::get_if<model::Table>(&b.value)) table(*t);
        else if (auto* c = std::get_if<model::Chart>(&b.value)) table(c->data);
    });
    return out;
}

std::string known_ids(const model::Document& doc) {
    std::string known;
    for (const auto& s : doc.sections) known += (known.empty() ? "" : ", ") + s.id;
    return known;
}

}  // namespace

void resolve_xrefs(model::Document& doc, Diagnostics& diags) {
    std::vector<std::set<std::string>> ids;
    for (auto& s : doc.sections) ids.push_back(anchors(s));
    auto section_with = [&](const std::string& anchor) -> const model::Section* {
        for (size_t i = 0; i < doc.sections.size(); ++i)
            if (ids[i].count(anchor)) return &doc.sections[i];
        return nullptr;
    };

    for (auto& section : doc.sections) {
        for_each_inline(section, [&](model::Inline& in) {
            auto* link = std::get_if<model::Link>(&in.value);
            if (!link || link->url.rfind("xref:", 0) != 0) return;
            const std::string target = link->url.substr(5);
            const size_t hash = target.find('#');
            const std::string id = target.substr(0, hash);
            const std::string fragment = hash == std::string::npos ? "" : target.substr(hash + 1);

            const model::Section* to = nullptr;
            if (id.empty()) {  // xref:#anchor: wherever in the document that anchor is
                to = section_with(fragment);
                if (!to && link->if_present) {
                    // A generated link to something this document does not show: keep the words.
                    in = model::Inline{model::Text{model::plain_text(link->content)}};
                    return;
                }
                if (!to) {
                    diags.error(link->pos, "cross-reference 'xref:#" + fragment +
                                               "': no heading or table in this document has that id");
                    return;
                }
            } else {
                auto it = std::find_if(doc.sections.begin(), doc.sections.end(),
                                       [&](const model::Section& s) { return s.id == id; });
                if (it == doc.sections.end() && doc.unloaded_sections.count(id)) return;  // already reported
                if (it == doc.sections.end()) {
                    std::vector<std::string> section_ids;
                    for (const auto& s : doc.sections) section_ids.push_back(s.id);
                    std::string hint = did_you_mean(id, section_ids);
                    if (hint.empty()) hint = " (known ids: " + known_ids(doc) + ")";
                    diags.error(link->pos, "cross-reference 'xref:" + target +
                                               "' points at no section or appendix" + hint);
                    return;
                }
                to = &*it;
                if (!fragment.empty() && !ids[static_cast<size_t>(it - doc.sections.begin())].count(fragment)) {
                    diags.error(link->pos, "cross-reference 'xref:" + target + "': " + it->source.file +
                                               " has no heading with id '" + fragment + "'");
                    return;
                }
            }
            // A borrowed section is shown on its own page; an anchor there is the same.
            link->target = model::shown_at(doc, *to);
            link->target->fragment = fragment;
            if (link->content.empty())
                link->content.push_back(
                    {model::Text{to->kind == model::SectionKind::appendix ? model::label(*to) : to->title}});
        });
    }
}

}  // namespace planpack::transform
