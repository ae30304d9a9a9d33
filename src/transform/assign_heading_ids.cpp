#include <set>

#include "model/inline_text.hpp"
#include "transform/transforms.hpp"
#include "transform/walk.hpp"

namespace planpack::transform {

void assign_heading_ids(model::Document& doc, Diagnostics& diags) {
    for (auto& section : doc.sections) {
        // Ids the page template uses itself, so a heading cannot collide with them.
        std::set<std::string> used = {"main", "content", "contents", "footnotes", "top"};
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
    }
}

}  // namespace planpack::transform
