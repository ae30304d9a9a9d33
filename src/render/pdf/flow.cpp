#include "render/pdf/flow.hpp"

namespace planpack::render::pdf {

namespace {

constexpr float slack = 0.01f;

struct Placed {
    size_t index;
    float top;    // of the strip's content, from the text block's top
    float space;  // the space kept above it
};

float repeat_height(const Strip& s) {
    float h = 0;
    if (s.repeat)
        for (const Strip& r : *s.repeat) h += r.height;
    return h;
}

}  // namespace

void place_strip(LaidPage& page, const Strip& s, float x, float y, float space_above,
                 bool as_artifact) {
    for (const Item& item : s.items) {
        page.items.push_back(item);
        translate(page.items.back(), x, y);
        if (as_artifact) page.items.back().node = artifact;
    }
    for (const Bar& b : s.bars) {
        const float top = b.join_above ? y - space_above : y;
        ShapeItem bar{ShapeKind::rect, {{x + b.x, top}, {x + b.x + b.width, y + s.height}}, 0,
                      b.colour, std::nullopt, 0, {}};
        page.items.push_back({std::move(bar), artifact});
    }
    for (LinkArea l : s.links) {
        l.box.x += x;
        l.box.y += y;
        page.links.push_back(std::move(l));
    }
    for (const auto& a : s.anchors) page.anchors.push_back({a, y});
}

std::vector<LaidPage> paginate(const std::vector<Strip>& strips, const PageGeometry& g) {
    std::vector<LaidPage> pages;
    const float capacity = g.content.h;
    size_t i = 0;
    while (i < strips.size()) {
        LaidPage page;
        page.geometry = g;
        page.section = strips[i].section;
        // A continued table opens the page with its header rows again.
        const float head = repeat_height(strips[i]);
        float y = head;
        std::vector<Placed> placed;
        size_t next = strips.size();
        for (size_t j = i; j < strips.size(); ++j) {
            const Strip& s = strips[j];
            if (j > i && s.break_before) {
                next = j;
                break;
            }
            const float space = placed.empty() ? 0 : s.space_before;
            if (!placed.empty() && y + space + s.height > capacity + slack) {
                // Break after the last placed strip that may end a page.
                size_t k = placed.size();
                while (k > 0 && strips[placed[k - 1].index].keep_with_next) --k;
                if (k == 0) k = placed.size();  // nothing may break: break here anyway
                placed.resize(k);
                next = placed.back().index + 1;
                break;
            }
            placed.push_back({j, y + space, space});
            y += space + s.height;
        }
        if (head > 0) {
            float hy = 0;
            for (const Strip& r : *strips[i].repeat) {
                place_strip(page, r, g.content.x, g.content.y + hy, 0, true);
                hy += r.height;
            }
        }
        for (const Placed& p : placed)
            place_strip(page, strips[p.index], g.content.x, g.content.y + p.top, p.space, false);
        pages.push_back(std::move(page));
        i = next;
    }
    return pages;
}

}  // namespace planpack::render::pdf
