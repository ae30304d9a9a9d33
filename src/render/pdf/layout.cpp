#include "render/pdf/layout.hpp"

#include "model/agenda.hpp"
#include "model/inline_text.hpp"

namespace planpack::render::pdf {

namespace {

// Body pages of every section, sections starting new pages when the style (or a change
// of orientation) asks.
std::vector<LaidPage> layout_body(const model::Document& doc, const Style& style, const FontSet& fonts,
                                  const std::map<std::string, ImageInfo>& images, Diagnostics& diags,
                                  StructTree& tree, const std::vector<int>& section_nodes,
                                  std::vector<OutlineEntry>& outline, const PrintedPages& printed) {
    std::vector<LaidPage> pages;
    std::vector<Strip> pending;
    PageGeometry pending_geometry;
    auto flush = [&] {
        if (pending.empty()) return;
        for (auto& p : paginate(pending, pending_geometry, page_geometry(style, true))) pages.push_back(std::move(p));
        pending.clear();
    };
    for (size_t i = 0; i < doc.sections.size(); ++i) {
        const model::Section& s = doc.sections[i];
        const PageGeometry g = page_geometry(style, s.landscape);
        if (style.page.sections_start_new_page || g.landscape != pending_geometry.landscape) flush();
        pending_geometry = g;
        LayoutEnv env{style, fonts, images, diags, tree, outline, &s, static_cast<int>(i), g.content.w,
                      g.content.h, &printed};
        FlowBuilder b(env);
        const Frame f{0, g.content.w, section_nodes[i], {}, nullptr, {}, false, false, 0};
        b.section_title(model::section_heading(s), anchor_name(s.id), f);
        b.blocks(s.blocks, f);
        b.footnotes(s.footnotes, f);
        for (auto& strip : b.take()) pending.push_back(std::move(strip));
    }
    flush();
    return pages;
}

// One layout of the body, with the structure tree's top (cover, contents, a Sect per
// section) made first so that it keeps reading order whatever is laid out after it.
struct BodyPass {
    StructTree tree;
    int cover_node = 0, contents_node = 0;
    std::vector<LaidPage> pages;
    std::vector<OutlineEntry> outline;
    Diagnostics diags;
    std::map<std::string, size_t> page_of;  // anchor -> body page (0-based)
};

BodyPass lay_out_body(const model::Document& doc, const Style& style, const FontSet& fonts,
                      const std::map<std::string, ImageInfo>& images, const PrintedPages& printed) {
    BodyPass p;
    p.cover_node = p.tree.add(Tag::Sect, StructTree::root);
    p.contents_node = p.tree.add(Tag::Sect, StructTree::root);
    std::vector<int> section_nodes;
    for (size_t i = 0; i < doc.sections.size(); ++i) section_nodes.push_back(p.tree.add(Tag::Sect, StructTree::root));
    p.pages = layout_body(doc, style, fonts, images, p.diags, p.tree, section_nodes, p.outline, printed);
    for (size_t n = 0; n < p.pages.size(); ++n)
        for (const Anchor& a : p.pages[n].anchors) p.page_of.emplace(a.name, n);
    return p;
}

std::map<std::string, std::string> printed_numbers(const BodyPass& p) {
    std::map<std::string, std::string> out;
    for (const auto& [name, page] : p.page_of) out.emplace(name, std::to_string(page + 1));
    return out;
}

}  // namespace

LaidOutDocument layout_document(const model::Document& doc, const DocumentInfo& info, const Style& style,
                                const FontSet& fonts, const std::map<std::string, ImageInfo>& images,
                                Diagnostics& diags) {
    LaidOutDocument out;
    // Pass 1: the body, which fixes every page number. A cross-reference prints the page
    // of its target, which the first layout does not know yet: the body is laid out again
    // with the pages the last layout found, until they stop moving (a page number's few
    // characters seldom move anything, so once more is the rule; four is the limit). A
    // layout whose text asked for no page that moved would come out the same: a document
    // without printed cross-references is laid out once.
    PrintedPages printed = printed_pages(doc);
    BodyPass pass = lay_out_body(doc, style, fonts, images, printed);
    for (int again = 0; again < 4; ++again) {
        std::map<std::string, std::string> numbers = printed_numbers(pass);
        const bool settled = printed.settled(numbers);  // laid out with the pages it has
        printed.page_numbers = std::move(numbers);
        if (settled) break;
        printed.consulted.clear();
        pass = lay_out_body(doc, style, fonts, images, printed);
    }
    diags.append(pass.diags);
    out.tree = std::move(pass.tree);
    StructTree& tree = out.tree;
    const int cover_node = pass.cover_node, contents_node = pass.contents_node;
    std::vector<OutlineEntry>& body_outline = pass.outline;
    std::vector<LaidPage>& body = pass.pages;
    const std::map<std::string, size_t>& body_page_of = pass.page_of;

    // Pass 2: the contents, with those numbers.
    auto page_of = [&](const std::string& anchor) {
        auto it = body_page_of.find(anchor);
        return it == body_page_of.end() ? std::string("?") : std::to_string(it->second + 1);
    };
    std::vector<ContentsEntry> entries;
    for (const model::Section& s : doc.sections) {
        const bool appendix = s.kind == model::SectionKind::appendix;
        entries.push_back({1, appendix, model::section_heading(s), anchor_name(s.id), page_of(anchor_name(s.id))});
        if (style.contents.depth < 2) continue;
        for (const model::Block& b : s.blocks)
            if (const auto* h = std::get_if<model::Heading>(&b.value); h && h->level == 2) {
                const std::string a = anchor_name(s.id, h->id);
                entries.push_back({2, appendix, model::plain_text(h->content), a, page_of(a)});
            }
    }
    const PageGeometry portrait = page_geometry(style, false);
    LayoutEnv env{style, fonts, images, diags, tree, body_outline, nullptr, -1, portrait.content.w,
                  portrait.content.h, &printed};
    // A board pack's front is its agenda, whose last column is the page each item starts on.
    const bool agenda = doc.kind == model::DocumentKind::board_pack;
    const std::string front_title = agenda ? agenda_title : style.contents.title;
    // A contents list of one entry tells the reader nothing the first page does not: a
    // document of one section without subheadings goes from its cover to its text.
    const bool listed = agenda || entries.size() > 1;
    std::vector<LaidPage> contents;
    if (agenda)
        contents = agenda_pages(
            model::agenda_table(doc, [&](const model::Section& s) { return page_of(anchor_name(s.id)); }), env,
            contents_node);
    else if (listed)
        contents = contents_pages(entries, env, contents_node);

    // Assemble, then furnish each page with its running lines.
    out.contents_pages = contents.size();
    out.body_pages = body.size();
    out.pages.push_back(cover_page(info, style, fonts, tree, cover_node, diags));
    for (auto& p : contents) out.pages.push_back(std::move(p));
    for (auto& p : body) out.pages.push_back(std::move(p));
    const std::string total = std::to_string(out.body_pages);
    for (size_t i = 1; i < out.pages.size(); ++i) {
        LaidPage& page = out.pages[i];
        const bool front = i <= out.contents_pages;
        RunningFields fields;
        fields.pages = total;
        if (front) {
            fields.page = roman(static_cast<int>(i));
            fields.section = front_title;
        } else {
            fields.page = std::to_string(i - out.contents_pages);
            if (page.section >= 0) fields.section = model::section_heading(doc.sections[static_cast<size_t>(page.section)]);
        }
        add_running(page, style.header, front ? style.front_footer : style.footer, info, fields, style,
                    fonts, diags);
        for (const Anchor& a : page.anchors) out.anchors.emplace(a.name, AnchorPos{i, a.y});
    }
    if (doc.draft) out.watermark = "DRAFT";
    if (listed) out.outline.push_back({1, front_title, "contents"});
    for (auto& e : body_outline) out.outline.push_back(std::move(e));
    return out;
}

}  // namespace planpack::render::pdf
