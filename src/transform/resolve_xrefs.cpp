#include <algorithm>
#include <set>

#include "model/inline_text.hpp"
#include "diag/suggest.hpp"
#include "model/paths.hpp"
#include "transform/transforms.hpp"
#include "model/walk.hpp"
#include "diag/concat.hpp"

namespace planpack::transform {

namespace {

// Every id a page defines that a link may point at: headings, tables and table cells.
std::set<std::string> anchors(const model::Section& s) {
    std::set<std::string> out;
    auto table = [&](const model::Table& t) {
        if (!t.id.empty()) out.insert(t.id);
        for (const auto* rows : {&t.head, &t.body, &t.foot})
            for (const auto& row : *rows)
                for (const auto& cell : row.cells)
                    if (!cell.id.empty()) out.insert(cell.id);
    };
    for_each_block(s.blocks, [&](const model::Block& b) {
        if (const auto* h = std::get_if<model::Heading>(&b.value)) out.insert(h->id);
        else if (const auto* n = std::get_if<model::Numbered>(&b.value)) out.insert(n->id);
        else if (const auto* t = model::get_alternative<model::Table>(&b.value)) table(*t);
        else if (const auto* c = model::get_alternative<model::Chart>(&b.value)) table(c->data);
    });
    return out;
}

std::vector<std::string> section_ids(const model::Document& doc) {
    std::vector<std::string> out;
    for (const auto& s : doc.sections) out.push_back(s.id);
    return out;
}

// What a link with empty text prints: "Appendix 7", or the title; for another document's
// section, that document's title too.
std::string link_text(const model::Section& to, const model::Document* other) {
    std::string text = to.kind == model::SectionKind::appendix ? model::label(to) : to.title;
    return other ? other->title + ", " + text : text;
}

class Resolver {
public:
    Resolver(model::Document& doc, const Library& library, Diagnostics& diags)
        : doc_(doc), library_(library), diags_(diags) {}

    void run() {
        for (auto& s : doc_.sections) ids_.push_back(anchors(s));
        for (auto& section : doc_.sections)
            for_each_inline(section, [&](model::Inline& in) {
                auto* link = model::get_alternative<model::Link>(&in.value);
                if (link && link->url.rfind("xref:", 0) == 0) resolve(section, in, *link);
            });
    }

private:
    void resolve(const model::Section& from, model::Inline& in, model::Link& link) {
        const std::string target = link.url.substr(5);
        const size_t hash = target.find('#');
        std::string id = target.substr(0, hash);
        const std::string fragment = hash == std::string::npos ? "" : target.substr(hash + 1);
        const model::Document* other = nullptr;
        if (const size_t slash = id.find('/'); slash != std::string::npos) {
            const std::string doc_id = id.substr(0, slash);
            id = id.substr(slash + 1);
            if (doc_id != doc_.id) {
                other = document(doc_id);
                if (!other) {
                    std::vector<std::string> known;
                    for (const auto* d : library_) known.push_back(d->id);
                    std::string hint = did_you_mean(doc_id, known);
                    if (hint.empty()) hint = " (documents: " + (known.empty() ? "none" : join(known)) + ")";
                    diags_.error(link.pos, "cross-reference 'xref:" + target + "': no document in planpack.toml "
                                           "has the id '" + doc_id + "'" + hint);
                    return;
                }
                // A paper points its reader at what existed when it was published.
                if (!other->undated && !doc_.undated && doc_.published < other->published) {
                    diags_.error(link.pos, "cross-reference 'xref:" + target + "' points into " + other->id +
                                               ", published " + model::format_long(other->published) +
                                               ", after this document (published " +
                                               model::format_long(doc_.published) +
                                               "): link to a document that was published by then");
                    return;
                }
            }
        }

        const model::Document& in_doc = other ? *other : doc_;
        const model::Section* to = nullptr;
        if (id.empty() && !other) {  // xref:#anchor: wherever in the document that anchor is
            for (size_t i = 0; i < doc_.sections.size() && !to; ++i)
                if (ids_[i].count(fragment)) to = &doc_.sections[i];
            if (!to && link.if_present) {
                // A generated link to something this document does not show: keep the words.
                in = model::Inline{model::Text{model::plain_text(link.content)}};
                return;
            }
            if (!to) {
                diags_.error(link.pos, "cross-reference 'xref:#" + fragment +
                                           "': no heading or table in this document has that id");
                return;
            }
        } else {
            auto it = std::find_if(in_doc.sections.begin(), in_doc.sections.end(),
                                   [&](const model::Section& s) { return s.id == id; });
            if (it == in_doc.sections.end() && in_doc.unloaded_sections.count(id)) return;  // already reported
            if (it == in_doc.sections.end()) {
                std::string hint = did_you_mean(id, section_ids(in_doc));
                if (hint.empty()) hint = " (known ids: " + join(section_ids(in_doc)) + ")";
                diags_.error(link.pos, "cross-reference 'xref:" + target + "' points at no section or appendix" +
                                           (other ? " of " + other->id : std::string()) + hint);
                return;
            }
            to = &*it;
            const bool has_fragment = other ? anchors(*to).count(fragment) > 0
                                            : ids_[static_cast<size_t>(it - doc_.sections.begin())].count(fragment) > 0;
            if (!fragment.empty() && !has_fragment) {
                diags_.error(link.pos, "cross-reference 'xref:" + target + "': " + it->source.file +
                                           " has no heading with id '" + fragment + "'");
                return;
            }
        }
        // A borrowed section is shown on its own page; an anchor there is the same.
        model::Target at = model::shown_at(in_doc, *to);
        at.fragment = fragment;
        if (!other && fragment.empty() && at == model::shown_at(doc_, from)) {
            self_link(from, link, target, id);
            return;
        }
        link.target = at;
        if (other) link.pdf = model::pdf_path(*other);
        if (link.content.empty()) link.content.push_back({model::Text{link_text(*to, other)}});
    }

    // A link to the top of the page it sits on goes nowhere: usually a section id that
    // another document also has, meant as that document's.
    void self_link(const model::Section& from, const model::Link& link, const std::string& target,
                   const std::string& id) {
        std::vector<std::string> with_it;
        for (const auto* d : library_)
            if (d->id != doc_.id && std::any_of(d->sections.begin(), d->sections.end(),
                                                [&](const model::Section& s) { return s.id == id; }))
                with_it.push_back("xref:" + d->id + "/" + id);
        std::string hint = with_it.empty() ? " link to another section, or remove the link"
                                           : " to link to another document's section, write " + with_it.front() +
                                                 (with_it.size() > 1 ? " (or " + join({with_it.begin() + 1, with_it.end()}) + ")" : "");
        diags_.error(link.pos, "cross-reference 'xref:" + target + "' points at the page it is on ('" + from.title +
                                   "' in " + doc_.id + "):" + hint);
    }

    const model::Document* document(const std::string& id) const {
        for (const auto* d : library_)
            if (d->id == id) return d;
        return nullptr;
    }

    model::Document& doc_;
    const Library& library_;
    Diagnostics& diags_;
    std::vector<std::set<std::string>> ids_;  // anchors of each of doc_'s sections
};

}  // namespace

void resolve_xrefs(model::Document& doc, Diagnostics& diags, const Library& library) {
    Resolver(doc, library, diags).run();
}

}  // namespace planpack::transform
