#include "render/pdf/furniture.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace planpack::render::pdf {

std::string roman(int n) {
    static const std::pair<int, const char*> parts[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
        {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& [v, s] : parts)
        while (n >= v) out += s, n -= v;
    return out;
}

PageGeometry page_geometry(const Style& style, bool landscape) {
    const auto& p = style.page;
    PageGeometry g;
    g.landscape = landscape;
    g.width = landscape ? p.height : p.width;
    g.height = landscape ? p.width : p.height;
    g.content = {p.margin_left, p.margin_top, g.width - p.margin_left - p.margin_right,
                 g.height - p.margin_top - p.margin_bottom};
    return g;
}

namespace {

TextItem text_item(const Frag& fr, const RunStyle& st, const FontSet& fonts, float x, float baseline) {
    const FontMetrics& m = fonts[fr.face];
    return {fr.face, st.size, st.colour, x + fr.x, baseline, fr.width,
            static_cast<float>(m.ascent()) * st.size / 1000,
            static_cast<float>(m.descent()) * st.size / 1000, fr.text};
}

// Lines of one run placed from top; returns the y below the last line.
float put_lines(std::vector<Item>& out, const std::string& text, const RunStyle& st, float leading,
                float x, float top, float width, const FontSet& fonts, const MissingGlyph& missing,
                int node) {
    const float lh = st.size * leading;
    const FontMetrics& m = fonts[st.face];
    const float base = (lh - static_cast<float>(m.ascent() + m.descent()) * st.size / 1000) / 2 +
                       static_cast<float>(m.ascent()) * st.size / 1000;
    for (const Line& l : break_lines({{text, st, false}}, width, fonts, missing)) {
        for (const Frag& fr : l.frags) out.push_back({text_item(fr, st, fonts, x, top + base), node});
        if (!l.frags.empty()) end_line(std::get<TextItem>(out.back().value).text);
        top += lh;
    }
    return top;
}

std::string fill(const std::string& pattern, const DocumentInfo& info, const RunningFields& f) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            out += pattern[i];
            continue;
        }
        const size_t close = pattern.find('}', i);
        const std::string name = pattern.substr(i + 1, close - i - 1);
        out += name == "title"       ? info.title
             : name == "service"     ? info.service
             : name == "section"     ? f.section
             : name == "page"        ? f.page
             : name == "pages"       ? f.pages
             : name == "period"      ? info.period
             : name == "published"   ? info.published
                                     : "";
        i = close;
    }
    return out;
}

}  // namespace

LaidPage cover_page(const DocumentInfo& info, const Style& style, const FontSet& fonts,
                    StructTree& tree, int node, Diagnostics& diags) {
    LaidPage page;
    page.geometry = page_geometry(style, false);
    const Rect c = page.geometry.content;
    const auto& cv = style.cover;
    std::set<char32_t> told;
    const MissingGlyph missing = [&](char32_t cp) {
        if (told.insert(cp).second)
            diags.warning(info.pos, "no PDF font has a character of the document's title or "
                                    "service name; the PDF prints \xEF\xBF\xBD in its place");
    };
    page.furniture.push_back({ShapeItem{ShapeKind::rect, {{0, 0}, {page.geometry.width, cv.band_height}},
                                        0, cv.band, std::nullopt, 0, {}},
                              artifact});
    RunStyle small{Face::bold, cv.detail_size, cv.band_text, 0, false, false, std::nullopt, {}, false, {}};
    float y = put_lines(page.items, info.local_authority, small, 1.3f, c.x, c.y, c.w, fonts, missing,
                        tree.add(Tag::P, node));
    // The title sits at the foot of the band, over the service's name.
    RunStyle title{Face::bold, cv.title_size, cv.band_text, 0, false, false, std::nullopt, {}, false, {}};
    RunStyle sub{Face::regular, cv.subtitle_size, cv.band_text, 0, false, false, std::nullopt, {}, false, {}};
    const float title_h = static_cast<float>(break_lines({{info.title, title, false}}, c.w, fonts, nullptr).size()) *
                          cv.title_size * 1.15f;
    const float sub_h = static_cast<float>(break_lines({{info.service, sub, false}}, c.w, fonts, nullptr).size()) *
                        cv.subtitle_size * 1.3f;
    y = std::max(y + 24, cv.band_height - 16 - sub_h - 10 - title_h);
    y = put_lines(page.items, info.title, title, 1.15f, c.x, y, c.w, fonts, missing, tree.add(Tag::P, node));
    put_lines(page.items, info.service, sub, 1.3f, c.x, y + 10, c.w, fonts, missing, tree.add(Tag::P, node));

    RunStyle detail{Face::regular, cv.detail_size, cv.text, 0, false, false, std::nullopt, {}, false, {}};
    RunStyle label = detail;
    label.face = Face::bold;
    y = cv.band_height + 28;
    for (const auto& [k, v] : info.details) {
        const int p = tree.add(Tag::P, node);
        put_lines(page.items, k, label, 1.4f, c.x, y, c.w, fonts, missing, p);
        y = put_lines(page.items, v, detail, 1.4f, c.x, y + cv.detail_size * 1.4f, c.w, fonts, missing, p) + 10;
    }
    page.furniture.push_back({ShapeItem{ShapeKind::rect, {{c.x, c.bottom() - 4}, {c.x + 60, c.bottom()}}, 0,
                                        cv.band, std::nullopt, 0, {}},
                              artifact});
    return page;
}

std::vector<LaidPage> contents_pages(const std::vector<ContentsEntry>& entries, LayoutEnv& env, int node) {
    const Style& style = env.style;
    FlowBuilder b(env);
    const Frame f{0, env.width, node, {}, nullptr, {}, false, false, 0};
    const int heading = env.tree.add(Tag::H1, node);
    const size_t title_strip =
        b.text_strips({{style.contents.title, b.base_style(style.title, f), false}}, f, style.title, heading, 0, true);
    b.strip(title_strip).anchors.push_back("contents");
    b.space_after(style.title.space_after);
    int toc = env.tree.add(Tag::TOC, node);
    bool appendices = false;
    // The page number column fits the widest number; entries wrap before it.
    float num_w = 0;
    for (const auto& e : entries)
        num_w = std::max(num_w, measure(e.page, Face::bold, style.contents.entry.size, env.fonts));
    const float gap = 14;
    for (size_t i = 0; i < entries.size(); ++i) {
        const ContentsEntry& e = entries[i];
        if (e.appendix && !appendices) {
            appendices = true;
            const TextStyle& hs = style.h2;
            const int h = env.tree.add(Tag::H2, node);
            b.text_strips({{style.contents.appendices_heading, b.base_style(hs, f), false}}, f, hs, h,
                          hs.space_before, true);
            b.space_after(hs.space_after);
            toc = env.tree.add(Tag::TOC, node);  // the appendices' entries follow their heading
        }
        const TextStyle& ts = e.level == 1 ? style.contents.entry : style.contents.sub_entry;
        const float indent = e.level == 1 ? 0 : style.lists.indent;
        // TOCI > Reference > Link: the entry's title and page number are the link's text.
        const int item = env.tree.add(Tag::Link, env.tree.add(Tag::Reference, env.tree.add(Tag::TOCI, toc)));
        RunStyle rs = b.base_style(ts, f);
        const float text_w = f.width - indent - num_w - gap;
        const std::vector<Run> runs{{e.text, rs, false}};
        const std::vector<Line> ls = b.lines(runs, text_w);
        Strip s;
        const float lh = ts.line_height();
        s.height = lh * static_cast<float>(std::max<size_t>(1, ls.size()));
        for (size_t k = 0; k < ls.size(); ++k)
            b.draw_line(s, ls[k], runs, indent, lh * static_cast<float>(k), text_w, model::Align::left, lh, item);
        // Dot leaders from the end of the last line to the number: artifacts, so a screen
        // reader hears the entry and its page, not a row of dots.
        const float base = lh * static_cast<float>(std::max<size_t>(1, ls.size()) - 1) +
                           b.baseline(lh, ts.size, rs.face);
        const float from = indent + (ls.empty() ? 0 : ls.back().width) + 6;
        const float to = f.width - num_w - 6;
        const float step = style.contents.leader_gap;
        for (float x = std::ceil(from / step) * step; x <= to; x += step)
            s.items.push_back({ShapeItem{ShapeKind::circle, {{x, base - 0.6f}}, 0.5f, style.colours.muted,
                                         std::nullopt, 0, {}},
                               artifact});
        Line num = single_line({e.page, rs, false}, env.fonts, nullptr);
        b.draw_line(s, num, {{e.page, rs, false}}, f.width - num_w, base - b.baseline(lh, ts.size, rs.face),
                    num_w, model::Align::right, lh, item);
        s.links.push_back({{0, 0, f.width, s.height}, e.anchor, false, item, {}});
        // An entry keeps its first sub-entry; the last few entries keep together, so a
        // contents that runs over ends on a page of several entries, never one alone.
        constexpr size_t last_together = 3;
        s.keep_with_next = i + 1 < entries.size() &&
                           (entries[i + 1].level > e.level || i + last_together >= entries.size());
        b.add(std::move(s), f, ts.space_before);
    }
    std::vector<Strip> strips = b.take();
    return paginate(strips, page_geometry(style, false), page_geometry(style, true));
}

std::vector<LaidPage> agenda_pages(const model::Table& agenda, LayoutEnv& env, int node) {
    FlowBuilder b(env);
    const Frame f{0, env.width, node, {}, nullptr, {}, false, false, 0};
    const int heading = env.tree.add(Tag::H1, node);
    const size_t title_strip =
        b.text_strips({{agenda_title, b.base_style(env.style.title, f), false}}, f, env.style.title, heading, 0, true);
    b.strip(title_strip).anchors.push_back("contents");
    b.space_after(env.style.title.space_after);
    b.blocks({model::Block{agenda}}, f);
    std::vector<Strip> strips = b.take();
    return paginate(strips, page_geometry(env.style, false), page_geometry(env.style, true));
}

void add_running(LaidPage& page, const Running& header, const Running& footer, const DocumentInfo& info,
                 const RunningFields& fields, const Style& style, const FontSet& fonts, Diagnostics&) {
    const Rect c = page.geometry.content;
    auto line = [&](const Running& r, float baseline, float rule_y) {
        const std::string slots[] = {fill(r.left, info, fields), fill(r.centre, info, fields),
                                     fill(r.right, info, fields)};
        RunStyle st{Face::regular, r.size, r.colour, 0, false, false, std::nullopt, {}, false, {}};
        float left_end = c.x;
        for (int i = 0; i < 3; ++i) {
            if (slots[i].empty()) continue;
            Line l = single_line({slots[i], st, false}, fonts, nullptr);
            float x = i == 0 ? c.x : i == 1 ? c.x + (c.w - l.width) / 2 : c.right() - l.width;
            if (i == 2 && x < left_end + 12) {
                // A long section title would run into the left slot: shorten it with an ellipsis.
                const float room = c.right() - left_end - 12;
                std::string s = slots[i];
                while (!s.empty() && l.width > room) {
                    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80)
                        s.pop_back();  // continuation bytes, then the character's first byte
                    if (!s.empty()) s.pop_back();
                    l = single_line({s + "\u2026", st, false}, fonts, nullptr);
                }
                x = c.right() - l.width;
            }
            for (const Frag& fr : l.frags) page.furniture.push_back({text_item(fr, st, fonts, x, baseline), artifact});
            if (i == 0) left_end = x + l.width;
        }
        if (r.rule)
            page.furniture.push_back({ShapeItem{ShapeKind::line, {{c.x, rule_y}, {c.right(), rule_y}}, 0,
                                                std::nullopt, style.colours.rule, 0.5f, {}},
                                      artifact});
    };
    const float head_base = style.page.header_offset;
    line(header, head_base, head_base + header.size * 0.6f);
    const float foot_base = page.geometry.height - style.page.footer_offset;
    line(footer, foot_base, foot_base - footer.size * 1.4f);
}

}  // namespace planpack::render::pdf
