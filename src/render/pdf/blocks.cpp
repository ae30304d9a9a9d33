#include "render/pdf/blocks.hpp"

#include "model/builders.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/inline_text.hpp"
#include "model/paths.hpp"
#include "render/pdf/chart.hpp"
#include "render/pdf/table.hpp"

namespace planpack::render::pdf {

namespace {

bool is_external(const std::string& url) {
    return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 ||
           url.rfind("mailto:", 0) == 0 || url.rfind("tel:", 0) == 0;
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    std::string out = buf;
    if (cp >= 0x20) {
        out += " '";
        append_utf8(out, cp);
        out += "'";
    }
    return out;
}

}  // namespace

Tag heading_tag(int level) {
    static constexpr Tag tags[] = {Tag::H1, Tag::H2, Tag::H3, Tag::H4, Tag::H5, Tag::H6};
    return tags[std::clamp(level, 1, 6) - 1];
}

PrintedPages printed_pages(const model::Document& doc) {
    PrintedPages out;
    out.pdf = model::pdf_path(doc);
    for (const auto& s : doc.sections) out.pages.emplace(model::site_path(model::shown_at(doc, s)), s.id);
    return out;
}

const std::string* PrintedPages::page_number(const std::string& anchor) const {
    consulted.insert(anchor);
    const auto it = page_numbers.find(anchor);
    return it == page_numbers.end() ? nullptr : &it->second;
}

bool PrintedPages::settled(const std::map<std::string, std::string>& numbers) const {
    for (const std::string& name : consulted) {
        const auto now = page_numbers.find(name), next = numbers.find(name);
        const bool known = now != page_numbers.end();
        if (known != (next != numbers.end()) || (known && now->second != next->second)) return false;
    }
    return true;
}

std::string anchor_name(const std::string& section_id, const std::string& fragment) {
    return fragment.empty() ? section_id : section_id + "#" + fragment;
}

FlowBuilder::FlowBuilder(LayoutEnv& env) : env_(env) {
    if (env.section) pos_ = env.section->source;
}

MissingGlyph FlowBuilder::missing() {
    return [this](char32_t cp) {
        if (!reported_.insert({pos_.file, pos_.line, cp}).second) return;
        env_.diags.warning(pos_, "no PDF font has the character " + code_point_name(cp) +
                                     "; the PDF prints \xEF\xBF\xBD in its place");
    };
}

RunStyle FlowBuilder::base_style(const TextStyle& t, const Frame& f) const {
    RunStyle st;
    st.face = t.bold ? Face::bold : Face::regular;
    if (f.italic) st.face = with_italic(st.face);
    st.size = t.size;
    st.colour = f.colour ? *f.colour : t.colour;
    return st;
}

void FlowBuilder::flatten(const model::Inlines& inlines, const RunStyle& st, std::vector<Run>& out) {
    const Style& style = env_.style;
    for (size_t at = 0; at < inlines.size(); ++at) {
        const model::Inline& in = inlines[at];
        std::visit(
            [&](const auto& boxed) {
                const auto& v = model::unbox(boxed);
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, model::Text>) {
                    out.push_back({v.text, st, false});
                } else if constexpr (std::is_same_v<T, model::SoftBreak>) {
                    out.push_back({" ", st, false});
                } else if constexpr (std::is_same_v<T, model::LineBreak>) {
                    out.push_back({"", st, true});
                } else if constexpr (std::is_same_v<T, model::Code>) {
                    RunStyle c = st;
                    c.face = Face::mono;
                    c.size = st.size * style.code.size / style.body.size;
                    c.background = style.code.inline_background;
                    out.push_back({v.text, c, false});
                } else if constexpr (std::is_same_v<T, model::Emph>) {
                    RunStyle e = st;
                    e.face = with_italic(st.face);
                    flatten(v.content, e, out);
                } else if constexpr (std::is_same_v<T, model::Strong>) {
                    RunStyle b = st;
                    b.face = with_bold(st.face);
                    flatten(v.content, b, out);
                } else if constexpr (std::is_same_v<T, model::Strikethrough>) {
                    RunStyle s = st;
                    s.strike = true;
                    flatten(v.content, s, out);
                } else if constexpr (std::is_same_v<T, model::Link>) {
                    RunStyle l = st;
                    if (v.target) {
                        if (env_.printed) {
                            const auto& pages = env_.printed->pages;
                            if (auto it = pages.find(model::site_path(*v.target)); it != pages.end()) {
                                l.link = anchor_name(it->second, v.target->fragment);
                            } else if (!v.pdf.empty()) {
                                // Another document's page: its named destination in that PDF.
                                l.link = anchor_name(v.target->section, v.target->fragment);
                                l.file = model::relative(env_.printed->pdf, v.pdf);
                            }
                        }
                    } else if (!v.url.empty() && v.url[0] == '#' && env_.section) {
                        l.link = anchor_name(env_.section->id, v.url.substr(1));
                    } else if (is_external(v.url)) {
                        l.link = v.url;
                        l.external = true;
                    }
                    if (!l.link.empty()) {
                        l.colour = style.colours.link;
                        l.underline = style.link_underline;
                    }
                    flatten(v.content, l, out);
                    // Paper cannot be clicked: a cross-reference to a place in this PDF
                    // says which page it is on, outside the link: "the Child First (page 3)
                    // section", or inside brackets already "(Appendix 4, page 26)".
                    if (cite_pages_ && env_.printed && !l.link.empty() && !l.external && l.file.empty())
                        if (const std::string* page = env_.printed->page_number(l.link)) {
                            const auto* next = at + 1 < inlines.size() ? std::get_if<model::Text>(&inlines[at + 1].value)
                                                                       : nullptr;
                            const bool bracketed = next && !next->text.empty() && next->text[0] == ')';
                            out.push_back({(bracketed ? ", page " : " (page ") + *page + (bracketed ? "" : ")"),
                                           st, false});
                        }
                } else if constexpr (std::is_same_v<T, model::Image>) {
                    const auto it = env_.images.find(v.asset);
                    if (it != env_.images.end() && it->second.width > 0 && it->second.height > 0) {
                        // In the line, at most as tall as the type: lines have one height.
                        const float natural_h = static_cast<float>(it->second.height) * 72 / 150;
                        const float h = std::min(natural_h, st.size);
                        const float w = static_cast<float>(it->second.width) * 72 / 150 * h / natural_h;
                        Run picture{"", st};
                        picture.image = InlineImage{v.asset, it->second.kind, w, h, v.alt};
                        out.push_back(std::move(picture));
                        return;
                    }
                    RunStyle i = st;  // no picture to draw (remote, or already reported): its words
                    i.face = with_italic(st.face);
                    out.push_back({"[" + v.alt + "]", i, false});
                } else if constexpr (std::is_same_v<T, model::PageRange>) {
                    if (!v.text.empty()) out.push_back({" " + v.text, st, false});
                } else if constexpr (std::is_same_v<T, model::FootnoteRef>) {
                    RunStyle n = st;
                    n.size = st.size * 0.68f;
                    n.rise = st.size * 0.36f;
                    n.colour = style.colours.link;
                    n.underline = false;
                    if (env_.section) n.link = anchor_name(env_.section->id, "fn-" + std::to_string(v.number));
                    n.external = false;
                    out.push_back({std::to_string(v.number), n, false});
                }
            },
            in.value);
    }
}

std::vector<Run> FlowBuilder::runs(const model::Inlines& inlines, const RunStyle& base) {
    std::vector<Run> out;
    flatten(inlines, base, out);
    return out;
}

std::vector<Line> FlowBuilder::lines(const std::vector<Run>& runs, float width, Spaces spaces) {
    return break_lines(runs, width, env_.fonts, missing(), spaces);
}

float FlowBuilder::baseline(float line_height, float size, Face face) const {
    const FontMetrics& m = env_.fonts[face];
    const float asc = static_cast<float>(m.ascent()) * size / 1000,
                desc = static_cast<float>(m.descent()) * size / 1000;
    return (line_height - asc - desc) / 2 + asc;
}

void FlowBuilder::draw_line(Strip& s, const Line& line, const std::vector<Run>& runs, float x,
                            float top, float width, model::Align align, float line_height,
                            int node) {
    if (line.frags.empty()) return;
    const RunStyle& first = runs[line.frags.front().run].style;
    float base_size = first.size;
    Face base_face = first.face;
    for (const Frag& fr : line.frags)
        if (runs[fr.run].style.rise == 0 && runs[fr.run].style.size > base_size) {
            base_size = runs[fr.run].style.size;
            base_face = fr.face;
        }
    const float base = top + baseline(line_height, base_size, base_face);
    float offset = 0;
    if (align == model::Align::right) offset = width - line.width;
    else if (align == model::Align::center) offset = (width - line.width) / 2;
    offset = std::max(0.0f, offset);

    std::vector<Item> under, over;
    for (const Frag& fr : line.frags) {
        const RunStyle& st = runs[fr.run].style;
        const FontMetrics& m = env_.fonts[fr.face];
        const float asc = static_cast<float>(m.ascent()) * st.size / 1000,
                    desc = static_cast<float>(m.descent()) * st.size / 1000;
        const float fx = x + offset + fr.x, by = base - st.rise;
        const int item_node = !st.link.empty() && node >= 0 ? link_node(node, st.link) : node;
        if (st.link.empty() && node == link_.parent) link_ = {};  // plain text ends the link
        if (const auto& picture = runs[fr.run].image) {
            over.push_back({ImageItem{{fx, by - picture->height, picture->width, picture->height}, picture->key,
                                      picture->kind},
                            env_.tree.add(Tag::Figure, item_node, picture->alt)});
        } else {
            if (st.background) {
                under.push_back({ShapeItem{ShapeKind::rect,
                                           {{fx, by - asc * 0.92f}, {fx + fr.width, by + desc * 0.85f}},
                                           0, st.background, std::nullopt, 0, {}},
                                 artifact});
            }
            over.push_back({TextItem{fr.face, st.size, st.colour, fx, by, fr.width, asc, desc, fr.text}, item_node});
            const float thickness = st.size * 0.055f;
            if (st.underline)
                over.push_back({ShapeItem{ShapeKind::line,
                                          {{fx, by + st.size * 0.14f}, {fx + fr.width, by + st.size * 0.14f}},
                                          0, std::nullopt, st.colour, thickness, {}},
                                artifact});
            if (st.strike)
                over.push_back({ShapeItem{ShapeKind::line,
                                          {{fx, by - st.size * 0.3f}, {fx + fr.width, by - st.size * 0.3f}},
                                          0, std::nullopt, st.colour, thickness, {}},
                                artifact});
        }
        if (!st.link.empty()) {
            const Rect box{fx, by - asc, fr.width, asc + desc};
            LinkArea* prev = s.links.empty() ? nullptr : &s.links.back();
            if (prev && prev->target == st.link && prev->file == st.file && prev->node == item_node &&
                std::abs(prev->box.right() - fx) < 0.5f && std::abs(prev->box.y - box.y) < 0.5f)
                prev->box.w = box.right() - prev->box.x;
            else
                s.links.push_back({box, st.link, st.external, item_node, st.file});
        }
    }
    for (auto it = over.rbegin(); it != over.rend(); ++it)
        if (auto* t = std::get_if<TextItem>(&it->value)) {
            end_line(t->text);
            break;
        }
    for (auto& i : under) s.items.push_back(std::move(i));
    for (auto& i : over) s.items.push_back(std::move(i));
}

// One Link element per link in the text, however many lines and fragments it spans: a
// fragment continues the open link when it has the same parent and target.
int FlowBuilder::link_node(int parent, const std::string& target) {
    if (link_.parent != parent || link_.target != target) link_ = {parent, target, env_.tree.add(Tag::Link, parent)};
    return link_.node;
}

void FlowBuilder::add(Strip s, const Frame& f, float space_before) {
    s.space_before = std::max(pending_space_, space_before);
    pending_space_ = 0;
    s.break_before = s.break_before || pending_break_;
    pending_break_ = false;
    s.section = env_.section_index;
    for (const FrameBar& fb : f.bars) {
        Bar b = fb.bar;
        b.join_above = strips_.size() > fb.first_strip;
        s.bars.push_back(b);
    }
    strips_.push_back(std::move(s));
}

void FlowBuilder::space_after(float space) { pending_space_ = std::max(pending_space_, space); }

size_t FlowBuilder::text_strips(const std::vector<Run>& runs, const Frame& f, const TextStyle& ts,
                                int node, float space_before, bool keep_all, model::Align align) {
    const std::vector<Line> ls = lines(runs, f.width);
    const size_t first = strips_.size();
    const float lh = ts.line_height();
    const int n = static_cast<int>(ls.size());
    for (int i = 0; i < n; ++i) {
        Strip s;
        s.height = lh;
        s.first_baseline = baseline(lh, ts.size, ts.bold ? Face::bold : Face::regular);
        draw_line(s, ls[static_cast<size_t>(i)], runs, f.x, 0, f.width, align, lh, node);
        // Widow and orphan control: a break after line i leaves i + 1 lines behind.
        const bool may_break = i == n - 1 || (i + 1 >= env_.style.orphans && n - (i + 1) >= env_.style.widows);
        s.keep_with_next = keep_all || !may_break;
        add(std::move(s), f, i == 0 ? space_before : 0);
    }
    return first;
}

void FlowBuilder::section_title(const std::string& text, const std::string& anchor, const Frame& f) {
    const TextStyle& ts = env_.style.title;
    const int node = env_.tree.add(Tag::H1, f.node);
    const size_t first = text_strips({{text, base_style(ts, f), false}}, f, ts, node, 0, true);
    if (first < strips_.size()) strips_[first].anchors.push_back(anchor);
    env_.outline.push_back({1, text, anchor});
    space_after(ts.space_after);
}

void FlowBuilder::blocks(const model::Blocks& blocks, const Frame& f) {
    for (const model::Block& b : blocks) block(b, f);
}

void FlowBuilder::block(const model::Block& b, const Frame& f) {
    std::visit(
        [&](const auto& boxed) {
            const auto& v = model::unbox(boxed);
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, model::Paragraph>) paragraph(v, f);
            else if constexpr (std::is_same_v<T, model::Heading>) heading(v, f);
            else if constexpr (std::is_same_v<T, model::List>) list(v, f);
            else if constexpr (std::is_same_v<T, model::BlockQuote>) quote(v, f);
            else if constexpr (std::is_same_v<T, model::CodeBlock>) code(v, f);
            else if constexpr (std::is_same_v<T, model::ThematicBreak>) rule(f);
            else if constexpr (std::is_same_v<T, model::PageBreak>) pending_break_ = true;
            else if constexpr (std::is_same_v<T, model::Table>) layout_table(*this, v, f);
            else if constexpr (std::is_same_v<T, model::Figure>) figure(v, f);
            else if constexpr (std::is_same_v<T, model::Numbered>) numbered(v, f);
            else if constexpr (std::is_same_v<T, model::Chart>) layout_chart(*this, v, f);
            // model::Directive never reaches a renderer.
        },
        b.value);
}

void FlowBuilder::paragraph(const model::Paragraph& p, const Frame& f) {
    if (!p.pos.file.empty()) pos_ = p.pos;
    const TextStyle& ts = f.text ? *f.text : env_.style.body;
    const int node = env_.tree.add(Tag::P, f.node);
    cite_pages_ = true;  // prose, not a table cell, heading or caption
    std::vector<Run> text = runs(p.content, base_style(ts, f));
    cite_pages_ = false;
    text_strips(std::move(text), f, ts, node, 0);
    space_after(f.tight ? 0 : env_.style.body.space_after);
}

void FlowBuilder::heading(const model::Heading& h, const Frame& f) {
    if (!h.pos.file.empty()) pos_ = h.pos;
    const TextStyle& ts = env_.style.heading(h.level);
    const int node = env_.tree.add(heading_tag(h.level), f.node);
    RunStyle st = base_style(ts, f);
    st.colour = ts.colour;
    const size_t first = text_strips(runs(h.content, st), f, ts, node, ts.space_before, true);
    const std::string anchor = anchor_name(env_.section ? env_.section->id : "", h.id);
    if (first < strips_.size()) strips_[first].anchors.push_back(anchor);
    if (f.list_depth == 0) env_.outline.push_back({h.level, model::plain_text(h.content), anchor});
    space_after(ts.space_after);
}

void FlowBuilder::list(const model::List& l, const Frame& f) {
    const Style& style = env_.style;
    const TextStyle& ts = f.text ? *f.text : style.body;
    const int list_node = env_.tree.add(Tag::L, f.node);
    const float indent = style.lists.indent;
    int number = l.start;
    for (const model::ListItem& item : l.items) {
        const int li = env_.tree.add(Tag::LI, list_node);
        const int lbl = env_.tree.add(Tag::Lbl, li);
        const int body = env_.tree.add(Tag::LBody, li);
        std::string marker;
        if (item.task) marker = *item.task ? "\u2611" : "\u2610";
        else if (l.ordered) marker = std::to_string(number++) + ".";
        else marker = style.lists.bullets[static_cast<size_t>(f.list_depth) % style.lists.bullets.size()];

        Frame inner = f;
        inner.x = f.x + indent;
        inner.width = f.width - indent;
        inner.node = body;
        inner.tight = l.tight;
        inner.list_depth = f.list_depth + 1;
        const size_t first = strips_.size();
        blocks(item.content, inner);
        if (strips_.size() == first) {  // an empty item still shows its marker
            Strip s;
            s.height = ts.line_height();
            s.first_baseline = baseline(s.height, ts.size, Face::regular);
            add(std::move(s), f);
        }
        Strip& s = strips_[first];
        RunStyle ms = base_style(ts, f);
        const Line ml = single_line({marker, ms, false}, env_.fonts, missing());
        const float gap = ts.size * 0.45f;
        const float mx = l.ordered || item.task ? f.x + indent - gap - ml.width
                                                : f.x + (indent - ml.width) / 2 - gap / 3;
        // The marker goes first in the strip: drawing order is reading order.
        std::vector<Item> marks;
        for (const Frag& fr : ml.frags) {
            const FontMetrics& m = env_.fonts[fr.face];
            marks.push_back({TextItem{fr.face, ms.size, ms.colour, std::max(f.x, mx) + fr.x,
                                      s.first_baseline, fr.width,
                                      static_cast<float>(m.ascent()) * ms.size / 1000,
                                      static_cast<float>(m.descent()) * ms.size / 1000, fr.text},
                             lbl});
        }
        s.items.insert(s.items.begin(), marks.begin(), marks.end());
        space_after(l.tight ? style.lists.item_space : style.body.space_after);
    }
    space_after(f.tight ? 0 : style.body.space_after);
}

// A report paragraph: its number hangs in the margin of the paragraph's first line, the
// paragraph and what belongs to it (a list, a table) indented beside it, as printed
// committee reports set "6.2".
void FlowBuilder::numbered(const model::Numbered& n, const Frame& f) {
    const Style& style = env_.style;
    const TextStyle& ts = f.text ? *f.text : style.body;
    const int node = env_.tree.add(Tag::Div, f.node);
    const int lbl = env_.tree.add(Tag::Lbl, node);
    RunStyle ms = base_style(ts, f);
    ms.face = with_bold(ms.face);
    const Line ml = single_line({n.number, ms, false}, env_.fonts, missing());
    const float indent = std::max(style.lists.indent * 1.6f, ml.width + ts.size);
    Frame inner = f;
    inner.x = f.x + indent;
    inner.width = f.width - indent;
    inner.node = node;
    const size_t first = strips_.size();
    blocks(n.content, inner);
    if (strips_.size() == first) {
        Strip s;
        s.height = ts.line_height();
        s.first_baseline = baseline(s.height, ts.size, Face::regular);
        add(std::move(s), f);
    }
    Strip& s = strips_[first];
    s.anchors.push_back(anchor_name(env_.section ? env_.section->id : "", n.id));
    std::vector<Item> marks;  // first in the strip, as they are read
    for (const Frag& fr : ml.frags) {
        const FontMetrics& m = env_.fonts[fr.face];
        marks.push_back({TextItem{fr.face, ms.size, ms.colour, f.x + fr.x, s.first_baseline, fr.width,
                                  static_cast<float>(m.ascent()) * ms.size / 1000,
                                  static_cast<float>(m.descent()) * ms.size / 1000, fr.text},
                         lbl});
    }
    s.items.insert(s.items.begin(), marks.begin(), marks.end());
}

void FlowBuilder::quote(const model::BlockQuote& q, const Frame& f) {
    const Style& style = env_.style;
    Frame inner = f;
    inner.node = env_.tree.add(Tag::BlockQuote, f.node);
    inner.x = f.x + style.quote.indent;
    inner.width = f.width - style.quote.indent;
    inner.colour = style.quote.text;
    inner.italic = style.quote.italic;
    inner.tight = false;
    inner.bars.push_back({{f.x, style.quote.bar_width, style.quote.bar, false}, strips_.size()});
    // A quote's spacing belongs outside its bar.
    const float before = std::max(pending_space_, style.body.space_after);
    blocks(q.content, inner);
    if (inner.bars.back().first_strip < strips_.size())
        strips_[inner.bars.back().first_strip].space_before = before;
    space_after(style.body.space_after);
}

void FlowBuilder::code(const model::CodeBlock& c, const Frame& f) {
    if (!c.pos.file.empty()) pos_ = c.pos;
    const Style& style = env_.style;
    const int node = env_.tree.add(Tag::Code, f.node);
    RunStyle st;
    st.face = Face::mono;
    st.size = style.code.size;
    st.colour = style.code.text;
    const float pad = style.code.padding;
    const float lh = style.code.size * style.code.leading;
    std::vector<Line> ls;
    std::string text = c.text;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    for (size_t start = 0; start <= text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        for (size_t t; (t = line.find('\t')) != std::string::npos;) line.replace(t, 1, "    ");
        auto wrapped = lines({{line, st, false}}, f.width - 2 * pad, Spaces::keep);
        if (wrapped.empty()) wrapped.push_back({});
        for (auto& l : wrapped) ls.push_back(std::move(l));
        start = end + 1;
    }
    const int n = static_cast<int>(ls.size());
    std::vector<Run> runs{{"", st, false}};
    for (int i = 0; i < n; ++i) {
        Strip s;
        const float top = i == 0 ? pad : 0;
        s.height = lh + top + (i == n - 1 ? pad : 0);
        s.items.push_back({ShapeItem{ShapeKind::rect, {{f.x, 0}, {f.x + f.width, s.height}}, 0,
                                     style.code.background, std::nullopt, 0, {}},
                           artifact});
        draw_line(s, ls[static_cast<size_t>(i)], runs, f.x + pad, top, f.width - 2 * pad,
                  model::Align::left, lh, node);
        s.first_baseline = top + baseline(lh, st.size, Face::mono);
        const bool may_break = i == n - 1 || (i + 1 >= style.orphans && n - (i + 1) >= style.widows);
        s.keep_with_next = !may_break;
        add(std::move(s), f, i == 0 ? style.body.space_after : 0);
    }
    space_after(style.body.space_after);
}

void FlowBuilder::rule(const Frame& f) {
    const Style& style = env_.style;
    Strip s;
    s.height = style.rule.width;
    const float y = style.rule.width / 2;
    s.items.push_back({ShapeItem{ShapeKind::line, {{f.x, y}, {f.x + f.width, y}}, 0, std::nullopt,
                                 style.rule.colour, style.rule.width, {}},
                       artifact});
    add(std::move(s), f, style.rule.space);
    space_after(style.rule.space);
}

void FlowBuilder::figure(const model::Figure& fig, const Frame& f) {
    const Style& style = env_.style;
    const int node = env_.tree.add(Tag::Figure, f.node, fig.image.alt);
    const auto it = env_.images.find(fig.image.asset);
    Strip s;
    if (it != env_.images.end() && it->second.width > 0 && it->second.height > 0) {
        // Natural size at 150 dpi, shrunk to the column and to a share of the page height.
        const float px_w = static_cast<float>(it->second.width),
                    px_h = static_cast<float>(it->second.height);
        float w = px_w * 72 / 150, h = px_h * 72 / 150;
        const float max_h = env_.height * style.figure.max_height_share;
        const float scale = std::min({1.0f, f.width / w, max_h / h});
        w *= scale;
        h *= scale;
        s.height = h;
        s.items.push_back({ImageItem{{f.x + (f.width - w) / 2, 0, w, h}, fig.image.asset, it->second.kind}, node});
    } else {
        // No picture to draw (remote or unreadable, already reported): say what it shows.
        const TextStyle& ts = style.table.note;
        const std::vector<Line> ls =
            lines({{"[Image: " + fig.image.alt + "]", base_style(ts, f), false}}, f.width - 12);
        s.height = static_cast<float>(ls.size()) * ts.line_height() + 12;
        s.items.push_back({ShapeItem{ShapeKind::rect, {{f.x, 0}, {f.x + f.width, s.height}}, 0,
                                     std::nullopt, style.colours.rule, 0.5f, {}},
                           artifact});
        std::vector<Run> rs{{"", base_style(ts, f), false}};
        float y = 6;
        for (const Line& l : ls) {
            draw_line(s, l, rs, f.x + 6, y, f.width - 12, model::Align::left, ts.line_height(), node);
            y += ts.line_height();
        }
    }
    s.keep_with_next = !fig.caption.empty();
    add(std::move(s), f, style.body.space_after);
    if (!fig.caption.empty()) {
        const TextStyle& ts = style.table.note;
        const int cap = env_.tree.add(Tag::Caption, node);
        text_strips(runs(fig.caption, base_style(ts, f)), f, ts, cap, 4, false, model::Align::center);
    }
    space_after(style.body.space_after);
}

void FlowBuilder::footnotes(const std::vector<model::Footnote>& notes, const Frame& f) {
    if (notes.empty()) return;
    const Style& style = env_.style;
    // The notes never stand alone at the top of a page: the section's last lines (two
    // strips), the rule and the heading go with the first note.
    for (size_t k = strips_.size() >= 2 ? strips_.size() - 2 : 0; k < strips_.size(); ++k)
        strips_[k].keep_with_next = true;
    // A short rule, then the notes in smaller type with their numbers in the margin.
    rule(Frame{f.x, f.width / 4, f.node, {}, nullptr, {}, false, false, 0});
    strips_.back().keep_with_next = true;
    const TextStyle& hs = style.h3;
    const int h = env_.tree.add(Tag::H2, f.node);
    text_strips({{style.notes.title, base_style(hs, f), false}}, f, hs, h, 0, true);
    space_after(hs.space_after);
    const TextStyle& ts = style.notes.text;
    const float indent = style.lists.indent;
    for (const model::Footnote& fn : notes) {
        const int note = env_.tree.add(Tag::Note, f.node);
        const int lbl = env_.tree.add(Tag::Lbl, note);
        Frame inner{f.x + indent, f.width - indent, note, {}, &ts, {}, false, false, 0};
        const size_t first = strips_.size();
        blocks(fn.content, inner);
        if (strips_.size() == first) continue;
        Strip& s = strips_[first];
        s.anchors.push_back(anchor_name(env_.section ? env_.section->id : "", "fn-" + std::to_string(fn.number)));
        RunStyle ms = base_style(ts, f);
        ms.face = Face::bold;
        const Line ml = single_line({std::to_string(fn.number), ms, false}, env_.fonts, missing());
        const float top = s.first_baseline - baseline(ts.line_height(), ts.size, Face::bold);
        Strip number;  // drawn before the note's text, as it is read
        draw_line(number, ml, {{"", ms, false}}, f.x, top, indent - 4, model::Align::left,
                  ts.line_height(), lbl);
        s.items.insert(s.items.begin(), number.items.begin(), number.items.end());
        space_after(ts.size * 0.5f);
    }
}

std::vector<Strip> FlowBuilder::take() { return std::move(strips_); }

}  // namespace planpack::render::pdf
