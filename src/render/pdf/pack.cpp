#include "render/pdf/pack.hpp"

#include "model/walk.hpp"
#include "render/pdf/images.hpp"
#include "render/pdf/page_text.hpp"
#include "render/pdf/writer.hpp"

namespace planpack::render::pdf {

namespace {

// The pages of one section, on new pages, with its title.
std::vector<LaidPage> section_pages(const model::Section& s, int index, int node, const Style& style,
                                    const FontSet& fonts, const std::map<std::string, ImageInfo>& images,
                                    Diagnostics& diags, StructTree& tree, std::vector<OutlineEntry>& outline,
                                    const PrintedPages& printed, const std::string& marker = {}) {
    const PageGeometry g = page_geometry(style, s.landscape);
    LayoutEnv env{style, fonts, images, diags, tree, outline, &s, index, g.content.w, g.content.h, &printed};
    FlowBuilder b(env);
    const Frame f{0, g.content.w, node, {}, nullptr, {}, false, false, 0};
    if (!marker.empty()) {
        const TextStyle& ts = style.pack.stamp;
        b.text_strips({{marker, b.base_style(ts, f), false}}, f, ts, tree.add(Tag::P, node), 0, true);
        b.space_after(ts.size);
    }
    b.section_title(model::section_heading(s), anchor_name(s.id), f);
    b.blocks(s.blocks, f);
    b.footnotes(s.footnotes, f);
    std::vector<Strip> strips = b.take();
    return paginate(strips, g, page_geometry(style, true));
}

// A page that only says it is blank: it keeps the next item on a right-hand page.
LaidPage blank_page(const Style& style, const FontSet& fonts) {
    LaidPage page;
    page.geometry = page_geometry(style, false);
    const TextStyle& ts = style.body;
    RunStyle st{Face::italic, ts.size, style.colours.muted, 0, false, false, std::nullopt, {}, false, {}};
    const Line l = single_line({style.pack.blank_page, st, false}, fonts, nullptr);
    const Rect c = page.geometry.content;
    const float x = c.x + (c.w - l.width) / 2, y = c.y + c.h / 2;
    for (const Frag& fr : l.frags) {
        const FontMetrics& m = fonts[fr.face];
        page.furniture.push_back({TextItem{fr.face, st.size, st.colour, x + fr.x, y, fr.width,
                                           static_cast<float>(m.ascent()) * st.size / 1000,
                                           static_cast<float>(m.descent()) * st.size / 1000, fr.text},
                                  artifact});
    }
    return page;
}

// "Agenda Item 7" in the top right corner, above the text block; an exempt paper's
// "NOT FOR PUBLICATION" stamp in the top left corner of every one of its pages. Both are
// page furniture, tagged as artifacts like the running heads.
enum class Corner { left, right };
void stamp(LaidPage& page, const std::string& text, const Style& style, const FontSet& fonts,
           Corner corner = Corner::right) {
    const TextStyle& ts = style.pack.stamp;
    RunStyle st{ts.bold ? Face::bold : Face::regular, ts.size, ts.colour, 0, false, false, std::nullopt, {}, false, {}};
    const Line l = single_line({text, st, false}, fonts, nullptr);
    const Rect c = page.geometry.content;
    const float x0 = corner == Corner::right ? c.right() - l.width : c.x;
    for (const Frag& fr : l.frags) {
        const FontMetrics& m = fonts[fr.face];
        page.furniture.push_back({TextItem{fr.face, st.size, st.colour, x0 + fr.x,
                                           style.page.header_offset, fr.width,
                                           static_cast<float>(m.ascent()) * st.size / 1000,
                                           static_cast<float>(m.descent()) * st.size / 1000, fr.text},
                                  artifact});
    }
}

// One layout of the papers, with the structure tree's Parts made first so that it keeps
// reading order whatever is laid out after it.
struct PapersPass {
    StructTree tree;
    std::vector<int> nodes;  // each section's Part
    std::vector<OutlineEntry> outline;
    std::vector<LaidPage> body;
    std::map<size_t, std::string> stamps;         // body page -> its stamp
    std::map<size_t, std::string> exempt_stamps;  // body page -> "NOT FOR PUBLICATION ..."
    std::vector<std::pair<int, size_t>> starts;   // item, first body page
    Diagnostics diags;
    std::map<std::string, std::string> page_numbers;  // anchor -> its printed "Page N"
};

PapersPass lay_out_papers(const model::Document& pack, const Style& style, const FontSet& fonts,
                          const std::map<std::string, ImageInfo>& images, const PrintedPages& printed) {
    PapersPass p;
    // Each paper bound into the pack is a Part of it, as the front sheet is.
    for (size_t i = 0; i < pack.sections.size(); ++i) p.nodes.push_back(p.tree.add(Tag::Part, StructTree::root));
    std::vector<OutlineEntry> unused;
    for (size_t i = 0; i < pack.sections.size(); ++i) {
        const model::Section& s = pack.sections[i];
        if (s.binding.unnumbered) continue;
        if (s.binding.odd_page_start) {
            if (p.body.size() % 2 == 1) p.body.push_back(blank_page(style, fonts));
            p.starts.emplace_back(s.binding.item, p.body.size());
            if (!s.binding.stamp.empty()) p.stamps[p.body.size()] = s.binding.stamp;
            p.outline.push_back({1, s.binding.stamp + ": " + s.title, anchor_name(s.id)});
        }
        p.outline.push_back({2, model::section_heading(s), anchor_name(s.id)});
        for (auto& page : section_pages(s, static_cast<int>(i), p.nodes[i], style, fonts, images, p.diags, p.tree,
                                        unused, printed)) {
            if (!pack.restricted_marker.empty() && !s.exempt_stamp.empty())
                p.exempt_stamps[p.body.size()] = s.exempt_stamp;
            p.body.push_back(std::move(page));
        }
    }
    if (p.body.size() % 2 == 1) p.body.push_back(blank_page(style, fonts));  // printed two-sided
    // The pack's pages are numbered straight through its papers, as its footer prints them.
    for (size_t n = 0; n < p.body.size(); ++n)
        for (const Anchor& a : p.body[n].anchors) p.page_numbers.emplace(a.name, std::to_string(n + 1));
    return p;
}

}  // namespace

void fill_page_ranges(model::Document& pack, const std::map<int, std::pair<int, int>>& pages) {
    for (auto& s : pack.sections)
        model::for_each_inline(s, [&](model::Inline& in) {
            auto* range = std::get_if<model::PageRange>(&in.value);
            if (!range) return;
            auto it = pages.find(range->item);
            if (it == pages.end()) {
                range->text.clear();
                return;
            }
            const auto [first, last] = it->second;
            range->text = first == last ? "(Page " + std::to_string(first) + ")"
                                        : "(Pages " + std::to_string(first) + " - " + std::to_string(last) + ")";
        });
}

LaidOutPack layout_pack(const model::Document& source, const DocumentInfo& info, const Style& style,
                        const FontSet& fonts, const std::map<std::string, ImageInfo>& images, Diagnostics& diags) {
    LaidOutPack out;
    model::Document pack = source;  // its front sheet gets the page ranges

    // Pass 1: the papers, which fix every page number. A cross-reference prints the page of
    // its target, as in a plan: the papers are laid out again with the pages the last layout
    // found until they stop moving (four times at most). Bookmarks: the front sheet, then
    // each item with its papers beneath it.
    PrintedPages printed = printed_pages(pack);
    PapersPass pass = lay_out_papers(pack, style, fonts, images, printed);
    for (int again = 0; again < 4 && !printed.settled(pass.page_numbers); ++again) {
        printed.page_numbers = pass.page_numbers;
        printed.consulted.clear();
        pass = lay_out_papers(pack, style, fonts, images, printed);
    }
    diags.append(pass.diags);
    out.doc.tree = std::move(pass.tree);
    StructTree& tree = out.doc.tree;
    const std::vector<int>& nodes = pass.nodes;
    std::vector<OutlineEntry> unused;
    std::vector<OutlineEntry>& outline = pass.outline;
    std::vector<LaidPage>& body = pass.body;
    const std::map<size_t, std::string>& stamps = pass.stamps;
    const std::map<size_t, std::string>& exempt_stamps = pass.exempt_stamps;
    const std::vector<std::pair<int, size_t>>& starts = pass.starts;
    for (size_t k = 0; k < starts.size(); ++k) {
        const size_t last = k + 1 < starts.size() ? starts[k + 1].second : body.size();
        out.items[starts[k].first] = {static_cast<int>(starts[k].second) + 1, static_cast<int>(last)};
    }

    // Pass 2: the front sheet, with the ranges, on pages of its own (an even number of them).
    // A restricted pack is headed by what it is, never "Public Document Pack".
    fill_page_ranges(pack, out.items);
    const std::string& marker = pack.restricted_marker.empty() ? style.pack.marker : pack.restricted_marker;
    std::vector<LaidPage> front;
    printed.page_numbers.clear();  // the front sheet gives each item's pages itself
    for (size_t i = 0; i < pack.sections.size(); ++i)
        if (pack.sections[i].binding.unnumbered)
            for (auto& p : section_pages(pack.sections[i], static_cast<int>(i), nodes[i], style, fonts, images, diags,
                                         tree, unused, printed, front.empty() ? marker : ""))
                front.push_back(std::move(p));
    if (front.size() % 2 == 1) front.push_back(blank_page(style, fonts));

    LaidOutDocument& doc = out.doc;
    doc.front_pages = front.size();
    doc.front_label = "Front sheet";
    doc.body_pages = body.size();
    for (auto& p : front) doc.pages.push_back(std::move(p));
    for (size_t b = 0; b < body.size(); ++b) {
        LaidPage& page = body[b];
        RunningFields fields;
        fields.page = std::to_string(b + 1);
        fields.pages = std::to_string(body.size());
        add_running(page, Running{}, style.pack.footer, info, fields, style, fonts, diags);
        if (auto it = stamps.find(b); it != stamps.end()) stamp(page, it->second, style, fonts);
        if (auto it = exempt_stamps.find(b); it != exempt_stamps.end())
            stamp(page, it->second, style, fonts, Corner::left);
        doc.pages.push_back(std::move(page));
    }
    for (size_t i = 0; i < doc.pages.size(); ++i)
        for (const Anchor& a : doc.pages[i].anchors) doc.anchors.emplace(a.name, AnchorPos{i, a.y});
    doc.outline.push_back({1, "Agenda", "index"});
    for (auto& e : outline) doc.outline.push_back(std::move(e));
    return out;
}

std::optional<Rendered> render_pack(const load::Config& config, const model::Document& pack, const Resources& res,
                                    const std::map<std::string, std::string>& images, const Options& options,
                                    Diagnostics& diags) {
    DocumentInfo info;
    info.title = pack.title;
    info.service = config.service_name;
    info.local_authority = config.local_authority;
    info.published = model::format_long(pack.published);
    info.period = model::format_long(pack.meeting ? pack.meeting->date : pack.published);
    info.pos = pack.sections.empty() ? SourcePos{} : pack.sections.front().source;
    const auto probed = probe_images(images, diags);
    LaidOutPack laid = layout_pack(pack, info, res.style, res.fonts, probed, diags);
    Metadata meta;
    meta.title = pack.restricted_marker.empty() ? pack.title : pack.restricted_marker + ": " + pack.title;
    meta.author = config.local_authority;
    meta.subject = "Agenda pack of the meeting on " + info.period;
    meta.keywords = "committee; agenda; " + config.local_authority;
    meta.language = config.language;
    meta.created = model::dated(options.source_date_epoch, pack.published);
    meta.tagged = options.tagged;
    std::string error;
    auto bytes = write_pdf(laid.doc, meta, res.fonts, images, error);
    if (!bytes) {
        diags.error(info.pos, "cannot write the agenda pack PDF of meeting '" + pack.id + "': " + error);
        return std::nullopt;
    }
    return Rendered{std::move(*bytes), laid.doc.pages.size(), page_text(laid.doc)};
}

}  // namespace planpack::render::pdf
