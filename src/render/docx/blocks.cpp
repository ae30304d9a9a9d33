#include <algorithm>
#include <type_traits>

#include "model/inline_text.hpp"
#include "model/paths.hpp"
#include "model/url.hpp"
#include "render/docx/body.hpp"
#include "render/docx/xml.hpp"

namespace planpack::render::docx {

namespace {

const char* const relationship_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Where the blocks can be linked to: the section, its headings, report paragraphs, tables,
// table rows and charts, as the PDF names its destinations.
void collect_targets(const model::Blocks& bs, const std::string& section,
                     std::vector<std::pair<std::string, std::string>>& out) {
    auto table = [&](const model::Table& t) {
        if (!t.id.empty()) out.emplace_back(section, t.id);
        for (const auto* rows : {&t.head, &t.body, &t.foot})
            for (const auto& r : *rows)
                for (const auto& c : r.cells)
                    if (!c.id.empty()) out.emplace_back(section, c.id);
    };
    for (const model::Block& b : bs)
        std::visit(
            [&](const auto& boxed) {
                const auto& v = model::unbox(boxed);
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, model::Heading>) {
                    if (!v.id.empty()) out.emplace_back(section, v.id);
                } else if constexpr (std::is_same_v<T, model::Numbered>) {
                    out.emplace_back(section, v.id);
                    collect_targets(v.content, section, out);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    table(v);
                } else if constexpr (std::is_same_v<T, model::Chart>) {
                    if (!v.id.empty()) out.emplace_back(section, v.id);
                } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
                    collect_targets(v.content, section, out);
                } else if constexpr (std::is_same_v<T, model::List>) {
                    for (const auto& item : v.items) collect_targets(item.content, section, out);
                }
            },
            b.value);
}

}  // namespace

Writer::Writer(const model::Document& doc, const Template& t, const std::map<std::string, std::string>& images,
               Diagnostics& diags)
    : doc_(doc), template_(t), images_(images), diags_(diags) {
    // The package's own parts come first, so their ids never move: rId1 to rId4, then the
    // headers and footers (section_properties counts on that order).
    const std::string base = relationship_base;
    relationships_ = {
        "<Relationship Id=\"rId1\" Type=\"" + base + "styles\" Target=\"styles.xml\"/>",
        "<Relationship Id=\"rId2\" Type=\"" + base + "numbering\" Target=\"numbering.xml\"/>",
        "<Relationship Id=\"rId3\" Type=\"" + base + "footnotes\" Target=\"footnotes.xml\"/>",
        "<Relationship Id=\"rId4\" Type=\"" + base + "settings\" Target=\"settings.xml\"/>",
    };
    for (const HeaderFooter& f : t.furniture.references) relationship(f.header ? "header" : "footer", f.part, false);
    std::vector<std::pair<std::string, std::string>> targets;
    for (const auto& s : doc.sections) {
        pages_.emplace(model::site_path(model::shown_at(doc, s)), s.id);
        targets.emplace_back(s.id, "");
        collect_targets(s.blocks, s.id, targets);
    }
    for (const auto& key : targets)
        if (!bookmarks_.count(key)) bookmarks_[key] = "pp" + std::to_string(bookmarks_.size() + 1);
}

int Writer::relationship(const std::string& type, const std::string& target, bool external) {
    const int id = static_cast<int>(relationships_.size()) + 1;
    relationships_.push_back("<Relationship Id=\"rId" + std::to_string(id) + "\" Type=\"" + relationship_base + type +
                             "\" Target=\"" + xml(target) + "\"" + (external ? " TargetMode=\"External\"" : "") +
                             "/>");
    return id;
}

std::string Writer::relationships_xml() const {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n";
    for (const auto& r : relationships_) out += r + "\n";
    return out + "</Relationships>\n";
}

// ---- paragraphs and runs ----------------------------------------------------

void Writer::open_paragraph(const ParagraphStyle& p) {
    std::string& o = *into_;
    o += "<w:p>";
    const std::string style = p.style.empty() ? body_style_ : p.style;
    const int indent = p.indent >= 0 ? p.indent : (indent_ > 0 && p.num == 0 ? indent_ : -1);
    if (style.empty() && !p.num && indent < 0 && !p.keep_next && p.align.empty()) return;
    o += "<w:pPr>";
    if (!style.empty()) o += "<w:pStyle w:val=\"" + style + "\"/>";
    if (p.keep_next) o += "<w:keepNext/>";
    if (p.num)
        o += "<w:numPr><w:ilvl w:val=\"" + std::to_string(p.level) + "\"/><w:numId w:val=\"" + std::to_string(p.num) +
             "\"/></w:numPr>";
    if (indent >= 0)
        o += "<w:ind w:left=\"" + std::to_string(indent) + "\"" +
             (p.hanging ? " w:hanging=\"" + std::to_string(p.hanging) + "\"" : "") + "/>";
    if (!p.align.empty()) o += "<w:jc w:val=\"" + p.align + "\"/>";
    o += "</w:pPr>";
}

void Writer::close_paragraph() { *into_ += "</w:p>\n"; }

void Writer::paragraph(const ParagraphStyle& p, const model::Inlines& content, const std::vector<std::string>& marks) {
    open_paragraph(p);
    if (section_)
        for (const auto& m : marks) bookmark(section_->id, m);
    inlines(content, {});
    close_paragraph();
}

void Writer::plain_paragraph(const ParagraphStyle& p, const std::string& text) {
    open_paragraph(p);
    run(text, {});
    close_paragraph();
}

void Writer::bookmark(const std::string& section_id, const std::string& fragment) {
    auto it = bookmarks_.find({section_id, fragment});
    if (it == bookmarks_.end() || !bookmarked_.insert(it->second).second) return;
    const std::string id = std::to_string(bookmark_ids_++);
    *into_ += "<w:bookmarkStart w:id=\"" + id + "\" w:name=\"" + it->second + "\"/><w:bookmarkEnd w:id=\"" + id +
              "\"/>";
}

void Writer::run(const std::string& text, const Format& f) {
    if (text.empty()) return;
    std::string& o = *into_;
    o += "<w:r>";
    std::string props;
    if (!f.link_style.empty()) props += "<w:rStyle w:val=\"" + f.link_style + "\"/>";
    else if (f.code) props += "<w:rStyle w:val=\"VerbatimChar\"/>";
    if (f.bold) props += "<w:b/>";
    if (f.italic) props += "<w:i/>";
    if (f.strike) props += "<w:strike/>";
    if (f.size > 0) {
        const std::string sz = std::to_string(f.size);
        props += "<w:sz w:val=\"" + sz + "\"/><w:szCs w:val=\"" + sz + "\"/>";
    }
    if (!props.empty()) o += "<w:rPr>" + props + "</w:rPr>";
    // A tab or line end inside text is its own element in Word.
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\t' && text[i] != '\n') continue;
        if (i > start) {
            o += "<w:t xml:space=\"preserve\">";
            append_xml(o, std::string_view(text).substr(start, i - start));
            o += "</w:t>";
        }
        if (i < text.size()) o += text[i] == '\t' ? "<w:tab/>" : "<w:br/>";
        start = i + 1;
    }
    o += "</w:r>";
}

// A bookmark in this document the link reaches, or "" when it goes elsewhere.
std::string Writer::anchor_of(const model::Link& l) const {
    std::string section, fragment;
    if (l.target) {
        auto it = pages_.find(model::site_path(*l.target));
        if (it == pages_.end()) return "";
        section = it->second;
        fragment = l.target->fragment;
    } else if (!l.url.empty() && l.url[0] == '#' && section_) {
        section = section_->id;
        fragment = l.url.substr(1);
    } else {
        return "";
    }
    if (auto it = bookmarks_.find({section, fragment}); it != bookmarks_.end()) return it->second;
    if (auto it = bookmarks_.find({section, ""}); it != bookmarks_.end()) return it->second;
    return "";
}

void Writer::inlines(const model::Inlines& content, const Format& f) {
    // The format of a span inside this one: the same, with one more flag set.
    auto with = [](const Format& outer, bool Format::*flag) {
        Format inner = outer;
        inner.*flag = true;
        return inner;
    };
    for (const model::Inline& in : content)
        std::visit(
            [&](const auto& boxed) {
                const auto& v = model::unbox(boxed);
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, model::Text>) {
                    run(v.text, f);
                } else if constexpr (std::is_same_v<T, model::SoftBreak>) {
                    run(" ", f);
                } else if constexpr (std::is_same_v<T, model::LineBreak>) {
                    *into_ += "<w:r><w:br/></w:r>";
                } else if constexpr (std::is_same_v<T, model::Code>) {
                    run(v.text, with(f, &Format::code));
                } else if constexpr (std::is_same_v<T, model::Emph>) {
                    inlines(v.content, with(f, &Format::italic));
                } else if constexpr (std::is_same_v<T, model::Strong>) {
                    inlines(v.content, with(f, &Format::bold));
                } else if constexpr (std::is_same_v<T, model::Strikethrough>) {
                    inlines(v.content, with(f, &Format::strike));
                } else if constexpr (std::is_same_v<T, model::Link>) {
                    Format l = f;
                    l.link_style = "Hyperlink";
                    const std::string anchor = anchor_of(v);
                    if (!anchor.empty()) {
                        *into_ += "<w:hyperlink w:anchor=\"" + anchor + "\" w:history=\"1\">";
                    } else {
                        // Another document's page: its web page, from where this file is published.
                        std::string url;
                        if (v.target) url = model::href(model::docx_path(doc_), *v.target);
                        else if (auto scheme = model::url_scheme(v.url); scheme && model::publishable_scheme(*scheme))
                            url = v.url;
                        if (url.empty()) {
                            inlines(v.content, f);
                            return;
                        }
                        auto [it, fresh] = hyperlink_ids_.emplace(url, 0);
                        if (fresh) it->second = relationship("hyperlink", url, true);
                        *into_ += "<w:hyperlink r:id=\"rId" + std::to_string(it->second) + "\" w:history=\"1\">";
                    }
                    inlines(v.content, l);
                    *into_ += "</w:hyperlink>";
                } else if constexpr (std::is_same_v<T, model::Image>) {
                    image(v);
                } else if constexpr (std::is_same_v<T, model::FootnoteRef>) {
                    auto it = footnote_ids_.find(v.number);
                    if (it == footnote_ids_.end()) return;
                    *into_ += "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
                              "<w:footnoteReference w:id=\"" + std::to_string(it->second) + "\"/></w:r>";
                } else if constexpr (std::is_same_v<T, model::PageRange>) {
                    run(v.text, f);  // a Word file has no fixed pages: empty unless a layout filled it
                }
            },
            in.value);
}

// ---- blocks -----------------------------------------------------------------

void Writer::blocks(const model::Blocks& bs) {
    for (const model::Block& b : bs) block(b);
}

void Writer::block(const model::Block& b) {
    std::visit(
        [&](const auto& boxed) {
            const auto& v = model::unbox(boxed);
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, model::Paragraph>) {
                paragraph({}, v.content);
            } else if constexpr (std::is_same_v<T, model::Heading>) {
                heading(v);
            } else if constexpr (std::is_same_v<T, model::List>) {
                list(v, 0);
            } else if constexpr (std::is_same_v<T, model::BlockQuote>) {
                const std::string saved = body_style_;
                body_style_ = "Quote";
                blocks(v.content);
                body_style_ = saved;
            } else if constexpr (std::is_same_v<T, model::CodeBlock>) {
                std::string text = v.text;
                if (!text.empty() && text.back() == '\n') text.pop_back();
                ParagraphStyle p;
                p.style = "SourceCode";
                plain_paragraph(p, text);
            } else if constexpr (std::is_same_v<T, model::ThematicBreak>) {
                *into_ += "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/>"
                          "</w:pBdr></w:pPr></w:p>\n";
            } else if constexpr (std::is_same_v<T, model::PageBreak>) {
                *into_ += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n";
            } else if constexpr (std::is_same_v<T, model::Table>) {
                table(v);
            } else if constexpr (std::is_same_v<T, model::Figure>) {
                ParagraphStyle p;
                p.keep_next = !v.caption.empty();
                open_paragraph(p);
                image(v.image);
                close_paragraph();
                if (!v.caption.empty()) {
                    ParagraphStyle c;
                    c.style = "Caption";
                    paragraph(c, v.caption);
                }
            } else if constexpr (std::is_same_v<T, model::Chart>) {
                chart(v);
            } else if constexpr (std::is_same_v<T, model::Numbered>) {
                numbered(v);
            }
            // A Directive never reaches a renderer (transform::expand_directives).
        },
        b.value);
}

void Writer::heading(const model::Heading& h) {
    ParagraphStyle p;
    p.style = "Heading" + std::to_string(std::clamp(h.level, 1, 6));
    model::Inlines content = h.content;
    // A report's sub-section heading ("6.3 Performance headlines") takes its number from
    // the run of the section's paragraph numbers, so the two stay in step in Word.
    if (h.id.rfind("para-", 0) == 0 && !content.empty())
        if (auto* t = std::get_if<model::Text>(&content.front().value)) {
            const size_t space = t->text.find(' ');
            // "6.0 Background information" heads the section: its number is not in the run.
            if (space != std::string::npos && space >= 2 && t->text.compare(space - 2, 2, ".0") != 0) {
                p.num = numbering_.report_paragraph(t->text.substr(0, space));
                t->text.erase(0, space + 1);
            }
        }
    paragraph(p, content, {h.id});
}

void Writer::list(const model::List& l, int level) {
    ParagraphStyle p;
    p.style = l.ordered ? "ListNumber" : "ListBullet";
    p.num = l.ordered ? numbering_.ordered_list(l.start, level) : Numbering::bullets;
    p.level = level;
    const int saved = indent_;
    // Inside a report's numbered paragraph the list stands beside the number, as its text does.
    const int left = saved + 720 + 360 * level;
    if (saved > 0) {
        p.indent = left;
        p.hanging = 360;
    }
    for (const model::ListItem& item : l.items) {
        bool first = true;
        for (const model::Block& b : item.content) {
            if (const auto* para = std::get_if<model::Paragraph>(&b.value)) {
                model::Inlines content = para->content;
                if (first && item.task)
                    content.insert(content.begin(), model::Inline{model::Text{*item.task ? "\u2612 " : "\u2610 "}});
                if (first) {
                    paragraph(p, content);
                } else {
                    ParagraphStyle cont;
                    cont.style = "ListParagraph";
                    cont.indent = left;
                    paragraph(cont, content);
                }
            } else if (const auto* sub = std::get_if<model::List>(&b.value)) {
                list(*sub, std::min(level + 1, 8));
            } else {
                indent_ = left;
                block(b);
                indent_ = saved;
            }
            first = false;
        }
    }
}

void Writer::numbered(const model::Numbered& n) {
    ParagraphStyle p;
    p.num = numbering_.report_paragraph(n.number);
    const int depth = static_cast<int>(std::count(n.number.begin(), n.number.end(), '.'));
    const int saved = indent_;
    indent_ = 567 + 284 * (depth - 1) + 567;
    bool first = true;
    for (const model::Block& b : n.content) {
        if (first) {
            if (const auto* para = std::get_if<model::Paragraph>(&b.value)) {
                paragraph(p, para->content, {n.id});
                first = false;
                continue;
            }
            // The number stands on a line of its own before a list or table.
            paragraph(p, {}, {n.id});
            first = false;
        }
        block(b);
    }
    if (first) paragraph(p, {}, {n.id});
    indent_ = saved;
}

// ---- sections ---------------------------------------------------------------

void Writer::title(const std::string& title, const std::vector<std::string>& lines) {
    ParagraphStyle t;
    t.style = "Title";
    plain_paragraph(t, title);
    ParagraphStyle sub;
    sub.style = "Subtitle";
    for (const auto& l : lines) plain_paragraph(sub, l);
    started_ = true;
}

std::string Writer::section_properties(bool landscape) {
    const PageSetup& pg = template_.page;
    const int w = landscape ? pg.height : pg.width, h = landscape ? pg.width : pg.height;
    // Every section names the headers and footers (rId5 on, as the constructor made them),
    // a landscape one too, so none depends on Word's inheriting them from the one before.
    std::string out = "<w:sectPr>";
    // Only the document's first page is a title page, not a landscape section's first.
    const bool title_page = template_.furniture.title_page && !closed_section_;
    closed_section_ = true;
    const auto& refs = template_.furniture.references;
    for (size_t i = 0; i < refs.size(); ++i)
        out += std::string(refs[i].header ? "<w:headerReference" : "<w:footerReference") + " w:type=\"" +
               xml(refs[i].type) + "\" r:id=\"rId" + std::to_string(i + 5) + "\"/>";
    return out + "<w:pgSz w:w=\"" + std::to_string(w) + "\" w:h=\"" + std::to_string(h) + "\"" +
           (landscape ? " w:orient=\"landscape\"" : "") + "/><w:pgMar w:top=\"" + std::to_string(pg.top) +
           "\" w:right=\"" + std::to_string(pg.right) + "\" w:bottom=\"" + std::to_string(pg.bottom) +
           "\" w:left=\"" + std::to_string(pg.left) + "\" w:header=\"" + std::to_string(pg.header) +
           "\" w:footer=\"" + std::to_string(pg.footer) + "\" w:gutter=\"0\"/>" +
           (title_page ? "<w:titlePg/>" : "") + "</w:sectPr>";
}

void Writer::turn_page(bool landscape) {
    if (landscape == landscape_) return;
    if (started_) out_ += "<w:p><w:pPr>" + section_properties(landscape_) + "</w:pPr></w:p>\n";
    landscape_ = landscape;
}

void Writer::section(const model::Section& s) {
    // A landscape section is a Word section of its own: the one before it ends here.
    turn_page(s.landscape);
    started_ = true;
    section_ = &s;
    numbering_.new_section();
    footnote_ids_.clear();
    for (const auto& fn : s.footnotes) footnote_ids_[fn.number] = next_footnote_++;
    ParagraphStyle h;
    h.style = "Heading1";
    open_paragraph(h);
    bookmark(s.id, "");
    run(model::section_heading(s), {});
    close_paragraph();
    if (!s.exempt_stamp.empty() && !doc_.restricted_marker.empty()) {
        ParagraphStyle stamp;
        stamp.style = "Subtitle";
        plain_paragraph(stamp, s.exempt_stamp);
    }
    blocks(s.blocks);
    footnotes(s);
    section_ = nullptr;
}

void Writer::footnotes(const model::Section& s) {
    into_ = &footnotes_;
    body_style_ = "FootnoteText";
    for (const model::Footnote& fn : s.footnotes) {
        footnotes_ += "<w:footnote w:id=\"" + std::to_string(footnote_ids_[fn.number]) + "\">";
        bool first = true;
        for (const model::Block& b : fn.content) {
            if (const auto* para = std::get_if<model::Paragraph>(&b.value); para && first) {
                open_paragraph({});
                footnotes_ += "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>";
                run(" ", {});
                inlines(para->content, {});
                close_paragraph();
            } else {
                block(b);
            }
            first = false;
        }
        if (first) {  // a footnote with no text still needs its paragraph
            open_paragraph({});
            footnotes_ += "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>";
            close_paragraph();
        }
        footnotes_ += "</w:footnote>\n";
    }
    body_style_.clear();
    into_ = &out_;
}

std::string Writer::footnotes_xml() const {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
           "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
           "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
           "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\n"
           "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
           "w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>\n"
           "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" "
           "w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>\n" +
           footnotes_ + "</w:footnotes>\n";
}

std::string Writer::document_xml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
           "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
           "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
           "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\n<w:body>\n" +
           out_ + section_properties(landscape_) + "\n</w:body>\n</w:document>\n";
}

}  // namespace planpack::render::docx
