#include "render/pdf/flow.hpp"

#include <algorithm>
#include <cstddef>

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

// Pieces of one split row on a page, drawn line by line across the row, are regrouped
// cell by cell: content order is reading order, as the structure tree reads it. Items
// before the first cell (fills) and after the last (rules, bars) keep their places.
void regroup_row(std::vector<Item>& items, const std::vector<const Strip*>& pieces,
                 const std::vector<size_t>& begins, size_t end) {
    std::vector<Item> out;
    out.reserve(end - begins.front());
    const auto piece_end = [&](size_t p) { return p + 1 < pieces.size() ? begins[p + 1] : end; };
    for (size_t p = 0; p < pieces.size(); ++p)
        for (size_t k = 0; k < pieces[p]->cell_starts.front(); ++k) out.push_back(items[begins[p] + k]);
    const size_t cells = pieces.front()->cell_starts.size() - 1;
    for (size_t c = 0; c < cells; ++c)
        for (size_t p = 0; p < pieces.size(); ++p)
            for (size_t k = pieces[p]->cell_starts[c]; k < pieces[p]->cell_starts[c + 1]; ++k)
                out.push_back(items[begins[p] + k]);
    for (size_t p = 0; p < pieces.size(); ++p)
        for (size_t k = begins[p] + pieces[p]->cell_starts.back(); k < piece_end(p); ++k) out.push_back(items[k]);
    std::move(out.begin(), out.end(), items.begin() + static_cast<std::ptrdiff_t>(begins.front()));
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
        std::vector<const Strip*> pieces;
        std::vector<size_t> begins;
        const auto flush_row = [&] {
            if (pieces.size() > 1) regroup_row(page.items, pieces, begins, page.items.size());
            pieces.clear();
            begins.clear();
        };
        for (const Placed& p : placed) {
            const Strip& s = strips[p.index];
            if (s.cell_starts.empty() || !s.continues_row ||
                (!pieces.empty() && pieces.front()->cell_starts.size() != s.cell_starts.size()))
                flush_row();
            if (!s.cell_starts.empty()) {
                pieces.push_back(&s);
                begins.push_back(page.items.size());
            }
            place_strip(page, s, g.content.x, g.content.y + p.top, p.space, false);
        }
        flush_row();
        pages.push_back(std::move(page));
        i = next;
    }
    return pages;
}

std::vector<LaidPage> paginate(const std::vector<Strip>& strips, const PageGeometry& geometry,
                               const PageGeometry& turned) {
    // What is kept with a turned strip turns with it: the heading above a turned table, and
    // the notes that keep the section's last lines (the table's) with them below it.
    std::vector<bool> side(strips.size());
    for (size_t i = 0; i < strips.size(); ++i) side[i] = strips[i].landscape;
    for (size_t i = 1; i < strips.size(); ++i)
        if (side[i - 1] && strips[i - 1].keep_with_next) side[i] = true;
    for (size_t i = strips.size(); i-- > 1;)
        if (side[i] && strips[i - 1].keep_with_next) side[i - 1] = true;
    std::vector<LaidPage> pages;
    for (size_t first = 0; first < strips.size();) {
        size_t end = first;
        while (end < strips.size() && side[end] == side[first]) ++end;
        const std::vector<Strip> run(strips.begin() + static_cast<std::ptrdiff_t>(first),
                                     strips.begin() + static_cast<std::ptrdiff_t>(end));
        for (auto& p : paginate(run, side[first] ? turned : geometry)) pages.push_back(std::move(p));
        first = end;
    }
    return pages;
}

}  // namespace planpack::render::pdf
