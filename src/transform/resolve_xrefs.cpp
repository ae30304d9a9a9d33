#include <algorithm>

#include "transform/transforms.hpp"
#include "transform/walk.hpp"

namespace planpack::transform {

namespace {

bool has_heading(model::Section& s, const std::string& id) {
    bool found = false;
    for_each_block(s.blocks, [&](model::Block& b) {
        if (auto* h = std::get_if<model::Heading>(&b.value); h && h->id == id) found = true;
    });
    return found;
}

}  // namespace

void resolve_xrefs(model::Document& doc, Diagnostics& diags) {
    for (auto& section : doc.sections) {
        for_each_inline(section, [&](model::Inline& in) {
            auto* link = std::get_if<model::Link>(&in.value);
            if (!link || link->url.rfind("xref:", 0) != 0) return;
            const std::string target = link->url.substr(5);
            const size_t hash = target.find('#');
            const std::string id = target.substr(0, hash);
            const std::string fragment = hash == std::string::npos ? "" : target.substr(hash + 1);
            auto it = std::find_if(doc.sections.begin(), doc.sections.end(),
                                   [&](const model::Section& s) { return s.id == id; });
            if (it == doc.sections.end()) {
                std::string known;
                for (const auto& s : doc.sections) known += (known.empty() ? "" : ", ") + s.id;
                diags.error(link->pos, "cross-reference 'xref:" + target +
                                           "' points at no section or appendix (known ids: " +
                                           known + ")");
                return;
            }
            if (!fragment.empty() && !has_heading(*it, fragment)) {
                diags.error(link->pos, "cross-reference 'xref:" + target + "': " + it->source.file +
                                           " has no heading with id '" + fragment + "'");
                return;
            }
            link->xref = id;
            link->url = (it->id == section.id && !fragment.empty() ? "" : it->id + ".html") +
                        (fragment.empty() ? "" : "#" + fragment);
            if (link->content.empty())
                link->content.push_back(
                    {model::Text{it->kind == model::SectionKind::appendix ? model::label(*it)
                                                                          : it->title}});
        });
    }
}

}  // namespace planpack::transform
