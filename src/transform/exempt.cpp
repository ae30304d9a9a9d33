#include "transform/exempt.hpp"

#include <algorithm>
#include <set>

#include "model/inline_text.hpp"
#include "model/paths.hpp"
#include "model/walk.hpp"

namespace planpack::transform {

void remove_exempt(std::vector<model::Document>& docs) {
    for (auto& doc : docs) {
        std::set<std::string> removed;  // the pages they are shown on
        for (const auto& s : doc.sections)
            if (s.exempt) removed.insert(model::site_path(model::shown_at(doc, s)));
        if (removed.empty()) continue;
        doc.sections.erase(std::remove_if(doc.sections.begin(), doc.sections.end(),
                                          [](const model::Section& s) { return s.exempt; }),
                           doc.sections.end());
        for (auto& s : doc.sections)
            for_each_inline(s, [&](model::Inline& in) {
                auto* link = model::get_alternative<model::Link>(&in.value);
                if (link && link->target && removed.count(model::site_path(*link->target)))
                    in = model::Inline{model::Text{model::plain_text(link->content)}};
            });
    }
    docs.erase(std::remove_if(docs.begin(), docs.end(), [](const model::Document& d) { return d.sections.empty(); }),
               docs.end());
}

std::vector<model::Document> exempt_only(const std::vector<model::Document>& docs) {
    std::vector<model::Document> out;
    for (const auto& doc : docs) {
        model::Document d = doc;
        d.sections.clear();
        for (const auto& s : doc.sections)
            if (s.exempt) d.sections.push_back(s);
        if (!d.sections.empty()) out.push_back(std::move(d));
    }
    return out;
}

}  // namespace planpack::transform
