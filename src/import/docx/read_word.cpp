// WordprocessingML to WordFile: the body's paragraphs and tables in order, each paragraph's
// kind from its style (its name, as Word and LibreOffice both write "heading 1"), from its
// outline level or from its numbering (numbering.xml: a bullet or a number is a list; a
// number with fixed text, "6.%1" or "%1.%2", is a committee report's paragraph numbering,
// which planpack makes itself, so the paragraph is plain text).
// ECMA-376 Part 1, 17.3 (paragraphs and runs), 17.9 (numbering), 17.11 (footnotes).
#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <utility>

#include "import/docx/fields.hpp"
#include "import/docx/word.hpp"
#include "import/docx/xml_tree.hpp"
#include "import/docx/zip_reader.hpp"

namespace planpack::import_docx {

std::string plain_text(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& s : spans) {
        if (s.kind == Span::Kind::text) out += s.text;
        else if (s.kind == Span::Kind::link) out += plain_text(s.content);
        else if (s.kind == Span::Kind::line_break) out += ' ';
    }
    return out;
}

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// A style's name and what its paragraphs are, after basedOn.
struct StyleInfo {
    std::string name;  // lower case: "heading 1", "caption"
    std::string based_on;
    int outline = -1;  // w:outlineLvl: 0 is a Heading 1
    std::string num_id;
    int num_level = 0;
};

struct Level {
    std::string format;  // numFmt: "bullet", "decimal", "none"
    std::string text;    // lvlText: "%1.", "6.%1"
};

struct Relationship {
    std::string target;
    bool external = false;
};

bool on(const xmlNode* toggle) {
    if (!toggle) return false;
    const std::string v = attribute(toggle, ns::w, "val");
    return v.empty() || (v != "0" && v != "false" && v != "off");
}

const xmlNode* find_descendant(const xmlNode* n, const char* space, const char* local) {
    for (const xmlNode* c = first_element(n); c; c = next_element(c)) {
        if (is(c, space, local)) return c;
        if (const xmlNode* d = find_descendant(c, space, local)) return d;
    }
    return nullptr;
}

class WordReader {
public:
    WordReader(const ZipReader& zip, std::string picture_prefix) : zip_(zip), prefix_(std::move(picture_prefix)) {}

    std::optional<std::string> read(WordFile& out);

private:
    // A part of the package parsed, or nullopt when it is missing or not XML.
    std::optional<XmlTree> xml_part(const std::string& name) const {
        auto bytes = zip_.read(name);
        return bytes ? XmlTree::parse(*bytes) : std::nullopt;
    }
    void read_relationships(const std::string& part);
    void read_styles();
    void read_numbering();
    void read_footnotes();
    void read_title();

    void body(const xmlNode* parent);
    void paragraph(const xmlNode* p);
    void table(const xmlNode* tbl);
    void inlines(const xmlNode* parent, bool bold, bool italic, std::vector<Span>& out);
    // inlines, with every field they open closed by their end, so that no open field is
    // left pointing at spans that are about to go (a paragraph's, a link's).
    void contained_inlines(const xmlNode* parent, bool bold, bool italic, std::vector<Span>& out);
    void field_char(const std::string& type, std::vector<Span>& out);
    void close_fields(size_t depth);
    std::vector<Span>& sink(std::vector<Span>& out);
    void run(const xmlNode* r, bool bold, bool italic, std::vector<Span>& out);
    void drawing(const xmlNode* d, std::vector<Span>& out);
    void footnote_reference(const std::string& id, std::vector<Span>& out);
    void skipped(const std::string& what) {
        if (std::find(out_->skipped.begin(), out_->skipped.end(), what) == out_->skipped.end())
            out_->skipped.push_back(what);
    }
    const StyleInfo* style(const std::string& id) const {
        auto it = styles_.find(id);
        return it == styles_.end() ? nullptr : &it->second;
    }
    const Level* level(const std::string& num_id, int ilvl) const;

    const ZipReader& zip_;
    std::string prefix_;
    WordFile* out_ = nullptr;
    std::map<std::string, Relationship> rels_;
    std::map<std::string, StyleInfo> styles_;
    std::map<std::string, std::string> num_abstract_;               // numId -> abstractNumId
    std::map<std::pair<std::string, int>, Level> levels_;           // (abstractNumId, ilvl)
    std::optional<XmlTree> footnotes_tree_;
    std::map<std::string, const xmlNode*> footnote_nodes_;          // w:id -> w:footnote
    std::map<std::string, int> footnote_numbers_;                   // w:id -> number
    std::map<std::string, std::string> pictures_;                   // media part -> name

    // The complex fields open where the reader is (w:fldChar begin, not yet end), outermost
    // first; a deque, so the spans of an outer one's link stay where an inner one points.
    struct OpenField {
        std::string instruction;          // w:instrText, joined
        bool result = false;              // past w:fldChar separate: its runs show the result
        std::vector<Span>* out = nullptr;  // where the field stands
        std::optional<Span> link;         // a HYPERLINK's, which its result runs go into
    };
    std::deque<OpenField> fields_;
};

void WordReader::read_relationships(const std::string& part) {
    auto tree = xml_part(part);
    if (!tree) return;
    for (const xmlNode* r = first_element(tree->root()); r; r = next_element(r))
        if (is(r, ns::rels, "Relationship"))
            rels_[attribute(r, nullptr, "Id")] = {attribute(r, nullptr, "Target"),
                                                  attribute(r, nullptr, "TargetMode") == "External"};
}

void WordReader::read_styles() {
    auto tree = xml_part("word/styles.xml");
    if (!tree) return;
    for (const xmlNode* s = first_element(tree->root()); s; s = next_element(s)) {
        if (!is(s, ns::w, "style")) continue;
        StyleInfo info;
        info.name = lower(attribute(child(s, ns::w, "name"), ns::w, "val"));
        info.based_on = attribute(child(s, ns::w, "basedOn"), ns::w, "val");
        const xmlNode* ppr = child(s, ns::w, "pPr");
        if (const xmlNode* o = child(ppr, ns::w, "outlineLvl")) info.outline = std::atoi(attribute(o, ns::w, "val").c_str());
        if (const xmlNode* num = child(ppr, ns::w, "numPr")) {
            info.num_id = attribute(child(num, ns::w, "numId"), ns::w, "val");
            info.num_level = std::atoi(attribute(child(num, ns::w, "ilvl"), ns::w, "val").c_str());
        }
        styles_[attribute(s, ns::w, "styleId")] = std::move(info);
    }
}

void WordReader::read_numbering() {
    auto tree = xml_part("word/numbering.xml");
    if (!tree) return;
    for (const xmlNode* n = first_element(tree->root()); n; n = next_element(n)) {
        if (is(n, ns::w, "abstractNum")) {
            const std::string id = attribute(n, ns::w, "abstractNumId");
            for (const xmlNode* l = first_element(n); l; l = next_element(l))
                if (is(l, ns::w, "lvl"))
                    levels_[{id, std::atoi(attribute(l, ns::w, "ilvl").c_str())}] = {
                        attribute(child(l, ns::w, "numFmt"), ns::w, "val"),
                        attribute(child(l, ns::w, "lvlText"), ns::w, "val")};
        } else if (is(n, ns::w, "num")) {
            num_abstract_[attribute(n, ns::w, "numId")] = attribute(child(n, ns::w, "abstractNumId"), ns::w, "val");
        }
    }
}

const Level* WordReader::level(const std::string& num_id, int ilvl) const {
    auto a = num_abstract_.find(num_id);
    if (a == num_abstract_.end()) return nullptr;
    auto l = levels_.find({a->second, ilvl});
    return l == levels_.end() ? nullptr : &l->second;
}

void WordReader::read_footnotes() {
    auto bytes = zip_.read("word/footnotes.xml");
    if (!bytes) return;
    footnotes_tree_ = XmlTree::parse(*bytes);
    if (!footnotes_tree_) return;
    for (const xmlNode* f = first_element(footnotes_tree_->root()); f; f = next_element(f))
        if (is(f, ns::w, "footnote") && attribute(f, ns::w, "type").empty())
            footnote_nodes_[attribute(f, ns::w, "id")] = f;
}

void WordReader::read_title() {
    auto tree = xml_part("docProps/core.xml");
    if (!tree) return;
    out_->title = text_of(child(tree->root(), ns::dc, "title"));
}

// ---- the body ---------------------------------------------------------------

void WordReader::body(const xmlNode* parent) {
    for (const xmlNode* c = first_element(parent); c; c = next_element(c)) {
        if (is(c, ns::w, "p")) paragraph(c);
        else if (is(c, ns::w, "tbl")) table(c);
        else if (is(c, ns::w, "sdt")) body(child(c, ns::w, "sdtContent"));
        else if (is(c, ns::w, "customXml") || is(c, ns::w, "ins")) body(c);
    }
}

void WordReader::paragraph(const xmlNode* p) {
    Paragraph para;
    const xmlNode* ppr = child(p, ns::w, "pPr");
    std::string num_id;
    int num_level = 0;
    int outline = -1;
    std::string name;  // the nearest style name in the chain that says what the paragraph is
    // The style and the styles it is based on, nearest first, for what it says.
    std::string id = attribute(child(ppr, ns::w, "pStyle"), ns::w, "val");
    for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
        const StyleInfo* s = style(id);
        if (!s) break;
        const std::string& n = s->name;
        const bool says = (n.rfind("heading ", 0) == 0 && n.size() == 9) || n == "title" || n == "caption" ||
                          n.ends_with(" caption") || n.rfind("list bullet", 0) == 0 || n.rfind("list number", 0) == 0;
        if (name.empty() && says) name = n;
        if (outline < 0) outline = s->outline;
        if (num_id.empty()) num_id = s->num_id, num_level = s->num_level;
        id = s->based_on;
    }
    if (const xmlNode* o = child(ppr, ns::w, "outlineLvl")) outline = std::atoi(attribute(o, ns::w, "val").c_str());
    if (const xmlNode* num = child(ppr, ns::w, "numPr")) {
        num_id = attribute(child(num, ns::w, "numId"), ns::w, "val");
        num_level = std::atoi(attribute(child(num, ns::w, "ilvl"), ns::w, "val").c_str());
    }
    if (name.rfind("heading ", 0) == 0 && name.size() == 9 && name[8] >= '1' && name[8] <= '9') {
        para.kind = Paragraph::Kind::heading;
        para.level = name[8] - '0';
    } else if (name == "title") {
        para.kind = Paragraph::Kind::title;
    } else if (name == "caption" || name.ends_with(" caption")) {
        para.kind = Paragraph::Kind::caption;
    } else if (outline >= 0 && outline <= 8) {
        para.kind = Paragraph::Kind::heading;
        para.level = outline + 1;
    } else if (!num_id.empty() && num_id != "0") {
        if (const Level* l = level(num_id, num_level)) {
            const size_t places = static_cast<size_t>(std::count(l->text.begin(), l->text.end(), '%'));
            std::string fixed;  // the number's text less its placeholders
            for (size_t i = 0; i < l->text.size(); ++i) {
                if (l->text[i] == '%') ++i;
                else fixed += l->text[i];
            }
            const bool paragraph_number = places > 1 || std::any_of(fixed.begin(), fixed.end(), [](char c) {
                                              return c >= '0' && c <= '9';
                                          });
            if (l->format == "bullet" || (l->format != "none" && !l->format.empty() && !paragraph_number)) {
                para.kind = Paragraph::Kind::list_item;
                para.ordered = l->format != "bullet";
                para.level = std::clamp(num_level, 0, 8);
            }
        }
    } else if (name.rfind("list bullet", 0) == 0 || name.rfind("list number", 0) == 0) {
        para.kind = Paragraph::Kind::list_item;
        para.ordered = name.rfind("list number", 0) == 0;
    }
    contained_inlines(p, false, false, para.spans);
    const std::string text = plain_text(para.spans);
    const bool blank = text.find_first_not_of(" \t\u00a0") == std::string::npos &&
                       std::none_of(para.spans.begin(), para.spans.end(),
                                    [](const Span& s) { return s.kind == Span::Kind::image; });
    if (!blank) out_->blocks.push_back(std::move(para));
}

void WordReader::table(const xmlNode* tbl) {
    Table t;
    for (const xmlNode* tr = first_element(tbl); tr; tr = next_element(tr)) {
        if (!is(tr, ns::w, "tr")) continue;
        std::vector<std::vector<Span>> row;
        for (const xmlNode* tc = first_element(tr); tc; tc = next_element(tc)) {
            if (!is(tc, ns::w, "tc")) continue;
            std::vector<Span> cell;
            const xmlNode* tcpr = child(tc, ns::w, "tcPr");
            const xmlNode* vmerge = child(tcpr, ns::w, "vMerge");
            const bool continued = vmerge && attribute(vmerge, ns::w, "val") != "restart";
            for (const xmlNode* p = first_element(tc); p && !continued; p = next_element(p)) {
                if (is(p, ns::w, "tbl")) {
                    skipped("a table inside a table cell (its text is left out: a Markdown table cell holds text only)");
                    continue;
                }
                if (!is(p, ns::w, "p")) continue;
                std::vector<Span> spans;
                contained_inlines(p, false, false, spans);
                if (spans.empty()) continue;
                if (!cell.empty()) cell.push_back({Span::Kind::text, " "});
                cell.insert(cell.end(), spans.begin(), spans.end());
            }
            row.push_back(std::move(cell));
            // A cell across columns: Markdown has no spans, so the columns it covers are empty.
            const int span = std::atoi(attribute(child(tcpr, ns::w, "gridSpan"), ns::w, "val").c_str());
            for (int i = 1; i < span && i < 64; ++i) row.emplace_back();
            if (span > 1) skipped("cells merged across columns (each is split, its text in the first)");
        }
        if (!row.empty()) t.rows.push_back(std::move(row));
    }
    if (!t.rows.empty()) out_->blocks.push_back(std::move(t));
}

void WordReader::inlines(const xmlNode* parent, bool bold, bool italic, std::vector<Span>& out) {
    for (const xmlNode* c = first_element(parent); c; c = next_element(c)) {
        if (is(c, ns::w, "r")) {
            run(c, bold, italic, out);
        } else if (is(c, ns::w, "hyperlink")) {
            const std::string rid = attribute(c, ns::r, "id");
            auto rel = rels_.find(rid);
            if (rid.empty() || rel == rels_.end() || !rel->second.external) {
                inlines(c, bold, italic, out);  // a link within the file: its text stays
                continue;
            }
            Span link{Span::Kind::link};
            link.target = rel->second.target;
            contained_inlines(c, bold, italic, link.content);
            sink(out).push_back(std::move(link));
        } else if (is(c, ns::w, "fldSimple")) {
            auto target = hyperlink_target(attribute(c, ns::w, "instr"));
            if (!target) {
                inlines(c, bold, italic, out);  // another field: its result stays as text
                continue;
            }
            Span link{Span::Kind::link};
            link.target = *target;
            contained_inlines(c, bold, italic, link.content);
            sink(out).push_back(std::move(link));
        } else if (is(c, ns::w, "sdt")) {
            inlines(child(c, ns::w, "sdtContent"), bold, italic, out);
        } else if (is(c, ns::w, "ins") || is(c, ns::w, "smartTag") || is(c, ns::w, "customXml") ||
                   is(c, ns::w, "moveTo")) {
            inlines(c, bold, italic, out);
        } else if (is(c, ns::w, "del") || is(c, ns::w, "moveFrom")) {
            skipped("tracked deletions (the text as it would read with every change accepted is kept)");
        }
    }
}

void WordReader::contained_inlines(const xmlNode* parent, bool bold, bool italic, std::vector<Span>& out) {
    const size_t depth = fields_.size();
    inlines(parent, bold, italic, out);
    close_fields(depth);
}

// Where a run's spans go: into the link of the innermost HYPERLINK field whose result is
// being read at this level, else where the run stands.
std::vector<Span>& WordReader::sink(std::vector<Span>& out) {
    std::vector<Span>* at = &out;
    for (OpenField& f : fields_)
        if (f.out == at && f.result && f.link) at = &f.link->content;
    return *at;
}

void WordReader::field_char(const std::string& type, std::vector<Span>& out) {
    if (type == "begin") {
        fields_.push_back({"", false, &sink(out), std::nullopt});
    } else if (type == "separate" && !fields_.empty() && !fields_.back().result) {
        OpenField& f = fields_.back();
        f.result = true;
        if (auto target = hyperlink_target(f.instruction)) {
            f.link = Span{Span::Kind::link};
            f.link->target = *target;
        }
    } else if (type == "end" && !fields_.empty()) {
        close_fields(fields_.size() - 1);
    }
}

// Ends the open fields beyond the first depth, innermost first: a link goes where its
// field stands. A field still open at the end of its paragraph ends there (its link
// keeps the words read so far; the rest of its result stays as text).
void WordReader::close_fields(size_t depth) {
    while (fields_.size() > depth) {
        OpenField f = std::move(fields_.back());
        fields_.pop_back();
        if (f.link && !f.link->content.empty()) f.out->push_back(std::move(*f.link));
    }
}

void WordReader::run(const xmlNode* r, bool bold, bool italic, std::vector<Span>& out) {
    const xmlNode* rpr = child(r, ns::w, "rPr");
    const std::string rstyle = attribute(child(rpr, ns::w, "rStyle"), ns::w, "val");
    if (child(rpr, ns::w, "b")) bold = on(child(rpr, ns::w, "b"));
    if (child(rpr, ns::w, "i")) italic = on(child(rpr, ns::w, "i"));
    if (rstyle == "Strong") bold = true;
    if (rstyle == "Emphasis") italic = true;
    auto text = [&](const std::string& t) {
        Span s{Span::Kind::text, t};
        s.bold = bold;
        s.italic = italic;
        sink(out).push_back(std::move(s));
    };
    for (const xmlNode* c = first_element(r); c; c = next_element(c)) {
        if (is(c, ns::w, "t")) text(text_of(c));
        else if (is(c, ns::w, "tab")) text(" ");
        else if (is(c, ns::w, "noBreakHyphen")) text("-");
        else if (is(c, ns::w, "br") || is(c, ns::w, "cr")) {
            const std::string type = attribute(c, ns::w, "type");
            if (type.empty() || type == "textWrapping") sink(out).push_back({Span::Kind::line_break});
        } else if (is(c, ns::w, "fldChar")) {
            field_char(attribute(c, ns::w, "fldCharType"), out);
        } else if (is(c, ns::w, "instrText")) {
            if (!fields_.empty() && !fields_.back().result) fields_.back().instruction += text_of(c);
        } else if (is(c, ns::w, "footnoteReference")) {
            footnote_reference(attribute(c, ns::w, "id"), sink(out));
        } else if (is(c, ns::w, "drawing")) {
            drawing(c, sink(out));
        } else if (is(c, ns::w, "pict") || is(c, ns::w, "object")) {
            skipped("old-style (VML) pictures and embedded objects: save them as PNG and add them by hand");
        }
    }
}

void WordReader::drawing(const xmlNode* d, std::vector<Span>& out) {
    const xmlNode* pr = find_descendant(d, ns::wp, "docPr");
    const xmlNode* blip = find_descendant(d, ns::a, "blip");
    Span img{Span::Kind::image};
    img.text = attribute(pr, nullptr, "descr");
    if (img.text.empty()) img.text = attribute(pr, nullptr, "title");
    auto rel = rels_.find(attribute(blip, ns::r, "embed"));
    if (!blip || rel == rels_.end() || rel->second.external) {
        skipped("a drawing that is not a picture (a shape, a chart or a linked picture)");
        return;
    }
    std::string part = rel->second.target;
    part = part.rfind('/', 0) == 0 ? part.substr(1) : "word/" + part;
    auto known = pictures_.find(part);
    if (known == pictures_.end()) {
        auto bytes = zip_.read(part);
        std::string ext;
        if (bytes && bytes->rfind("\x89PNG\r\n\x1a\n", 0) == 0) ext = ".png";
        else if (bytes && bytes->rfind("\xff\xd8\xff", 0) == 0) ext = ".jpg";
        if (ext.empty()) {
            skipped("pictures in a format other than PNG or JPEG (" + part.substr(part.rfind('/') + 1) +
                    "): save them as PNG and add them by hand");
            return;
        }
        const std::string name = prefix_ + std::to_string(out_->pictures.size() + 1) + ext;
        out_->pictures.push_back({name, std::move(*bytes)});
        known = pictures_.emplace(part, name).first;
    }
    img.target = known->second;
    out.push_back(std::move(img));
}

void WordReader::footnote_reference(const std::string& id, std::vector<Span>& out) {
    auto node = footnote_nodes_.find(id);
    if (node == footnote_nodes_.end()) return;
    auto [it, fresh] = footnote_numbers_.emplace(id, static_cast<int>(footnote_numbers_.size()) + 1);
    Span ref{Span::Kind::footnote};
    ref.footnote = it->second;
    out.push_back(ref);
    if (!fresh) return;
    std::vector<Span> note;
    auto body_fields = std::exchange(fields_, {});  // the note's fields are its own
    for (const xmlNode* p = first_element(node->second); p; p = next_element(p)) {
        if (!is(p, ns::w, "p")) continue;
        if (!note.empty()) note.push_back({Span::Kind::text, " "});
        contained_inlines(p, false, false, note);
    }
    fields_ = std::move(body_fields);
    out_->footnotes.resize(static_cast<size_t>(it->second));
    out_->footnotes[static_cast<size_t>(it->second) - 1] = std::move(note);
}

std::optional<std::string> WordReader::read(WordFile& out) {
    out_ = &out;
    // The main part is named by the package's relationships; Word and LibreOffice both
    // call it word/document.xml.
    std::string main = "word/document.xml";
    if (auto tree = xml_part("_rels/.rels"))
            for (const xmlNode* r = first_element(tree->root()); r; r = next_element(r))
                if (is(r, ns::rels, "Relationship") &&
                    attribute(r, nullptr, "Type").ends_with("/officeDocument"))
                    main = attribute(r, nullptr, "Target"), main = main.rfind('/', 0) == 0 ? main.substr(1) : main;
    auto bytes = zip_.read(main);
    if (!bytes)
        return "it is a zip file but not a Word document: it has no " + main +
               " (save it from Word as a Word Document, .docx)";
    auto tree = XmlTree::parse(*bytes);
    if (!tree) return "its text (" + main + ") is damaged: it is not well-formed XML";
    const xmlNode* b = child(tree->root(), ns::w, "body");
    if (!is(tree->root(), ns::w, "document") || !b)
        return "it is not a Word document: " + main + " holds no document body (is it a Strict Open XML file? "
               "save it from Word as a Word Document, .docx)";
    const size_t slash = main.rfind('/');
    read_relationships(main.substr(0, slash + 1) + "_rels/" + main.substr(slash + 1) + ".rels");
    read_styles();
    read_numbering();
    read_footnotes();
    read_title();
    body(b);
    return std::nullopt;
}

}  // namespace

std::variant<WordFile, std::string> read_word(const std::string& path, const std::string& picture_prefix) {
    auto zip = ZipReader::open(path);
    if (auto* why = std::get_if<std::string>(&zip)) return *why;
    WordFile out;
    WordReader reader(std::get<ZipReader>(zip), picture_prefix);
    if (auto why = reader.read(out)) return *why;
    return out;
}

}  // namespace planpack::import_docx
