#include "render/pdf/writer.hpp"
#include "render/pdf/text.hpp"
#include "render/pdf/deflate_streams.hpp"
#include "render/pdf/glyph_table.hpp"
#include "render/pdf/text_ops.hpp"
#include "render/pdf/path_ops.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_page_label.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "render/pdf/tagging/marked_content.hpp"
#include "render/pdf/tagging/pdf_text.hpp"
#include "render/pdf/tagging/structure_tree.hpp"
#include "render/pdf/tagging/xmp.hpp"

namespace planpack::render::pdf {

namespace {

// libharu reports errors through a C callback; it must not throw or allocate, so it
// keeps the first error and a count. Every libharu call's failure lands here.
struct ErrorLog {
    HPDF_STATUS first = 0, detail = 0;
    unsigned count = 0;
};

extern "C" void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) noexcept {
    auto* log = static_cast<ErrorLog*>(user);
    if (std::getenv("PLANPACK_HPDF_TRACE")) std::fprintf(stderr, "hpdf %04X %u\n", (unsigned)error, (unsigned)detail);
    if (log->count++ == 0) {
        log->first = error;
        log->detail = detail;
    }
}

struct DocDeleter {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

std::string describe(const ErrorLog& log) {
    const char* what = "";
    switch (log.first) {
        case HPDF_FAILD_TO_ALLOC_MEM: what = " (out of memory)"; break;
        case HPDF_FILE_OPEN_ERROR: case HPDF_FILE_IO_ERROR: what = " (a font file could not be read)"; break;
        case HPDF_INVALID_TTC_FILE: case HPDF_TTF_INVALID_CMAP: case HPDF_TTF_INVALID_FOMAT:
        case HPDF_TTF_MISSING_TABLE: what = " (a font file is not a usable TrueType font)"; break;
        case HPDF_INVALID_PNG_IMAGE: case HPDF_UNSUPPORTED_JPEG_FORMAT: case HPDF_INVALID_JPEG_DATA:
        case HPDF_LIBPNG_ERROR: what = " (an image could not be read)"; break;
        default: break;
    }
    char buf[128];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X, detail %u%s", static_cast<unsigned>(log.first),
                  static_cast<unsigned>(log.detail), what);
    std::string s = buf;
    if (log.count > 1) s += " (and " + std::to_string(log.count - 1) + " more)";
    return s;
}

// libharu 2.3.0 gives a UTF-8 TrueType font its encoding CMap as /ToUnicode, which maps
// every code to CID 0, so text cannot be copied or read aloud. With its UTF-8 encoder a
// code is the character's code point, so the right ToUnicode is the identity.
void fix_to_unicode(HPDF_Doc pdf, HPDF_Font font) {
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<unsigned> highs;
    for (unsigned h = 0; h < 256; ++h)
        if (h < 0xD8 || h > 0xDF) highs.push_back(h);  // no surrogates
    for (size_t i = 0; i < highs.size(); i += 100) {
        const size_t n = std::min<size_t>(100, highs.size() - i);
        cmap += std::to_string(n) + " beginbfrange\n";
        char line[32];
        for (size_t k = i; k < i + n; ++k) {
            std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", highs[k], highs[k], highs[k]);
            cmap += line;
        }
        cmap += "endbfrange\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!stream) return;
    stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                      static_cast<HPDF_UINT>(cmap.size()));
    // The broken stream stays in the file unreferenced; removing an indirect object is not
    // something libharu offers.
    HPDF_Dict_Add(font, "ToUnicode", stream);
}

// A deterministic file identifier from what the document shows (ISO 32000 14.4 asks for
// one; libharu writes none unless encrypting). Two FNV-1a hashes make 16 bytes.
class Digest {
public:
    void add(std::string_view s) {
        for (unsigned char c : s) byte(c);
        byte(0xFF);
    }
    void add(float v) {
        const long q = std::lround(v * 100);
        for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(q >> (8 * i)));
    }
    std::array<HPDF_BYTE, 16> bytes() const {
        std::array<HPDF_BYTE, 16> out{};
        for (int i = 0; i < 8; ++i) {
            out[static_cast<size_t>(i)] = static_cast<HPDF_BYTE>(a_ >> (8 * i));
            out[static_cast<size_t>(i + 8)] = static_cast<HPDF_BYTE>(b_ >> (8 * i));
        }
        return out;
    }

private:
    void byte(unsigned char c) {
        a_ = (a_ ^ c) * 0x100000001b3ULL;
        b_ = (b_ ^ c) * 0x100000001b3ULL;
    }
    std::uint64_t a_ = 0xcbf29ce484222325ULL, b_ = 0x84222325cbf29ce4ULL;
};

constexpr const char* producer = "planpack with libharu " HPDF_VERSION_TEXT;

class Writer {
public:
    Writer(const LaidOutDocument& doc, const Metadata& meta, const FontSet& fonts,
           const std::map<std::string, std::string>& images)
        : doc_(doc), meta_(meta), fonts_(fonts), images_(images),
          pdf_(HPDF_New(on_hpdf_error, &log_)), marker_(doc.tree) {}

    std::optional<std::string> run(std::string& error) {
        if (!pdf_) {
            error = "libharu could not create a document";
            return std::nullopt;
        }
        HPDF_Doc pdf = pdf_.get();
        pdf->pdf_version = HPDF_VER_17;
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf);
        HPDF_SetCurrentEncoder(pdf, "UTF-8");
        load_fonts();
        if (!ok(error)) return std::nullopt;
        for (const LaidPage& p : doc_.pages) {
            HPDF_Page page = HPDF_AddPage(pdf);
            HPDF_Page_SetWidth(page, p.geometry.width);
            HPDF_Page_SetHeight(page, p.geometry.height);
            pages_.push_back(page);
        }
        if (!ok(error)) return std::nullopt;
        for (size_t i = 0; i < doc_.pages.size(); ++i) {
            draw_page(i, pages_[i], doc_.pages[i]);
            if (!ok(error)) return std::nullopt;
        }
        for (size_t i = 0; i < doc_.pages.size(); ++i) links(i);
        if (meta_.tagged)
            structure_ = tagging::write_structure_tree(pdf_.get(), pages_, doc_.tree,
                                          {marker_.runs(), marker_.mcids_per_page(), annotations_, figure_boxes_});
        outline();
        named_destinations();
        labels();
        info();
        if (!ok(error)) return std::nullopt;
        return save(error);
    }

private:
    bool ok(std::string& error) const {
        if (log_.count == 0) return true;
        error = describe(log_);
        return false;
    }

    void load_fonts() {
        for (size_t i = 0; i < face_count; ++i) {
            const std::string path = fonts_.files[i].string();
            const char* name = HPDF_LoadTTFontFromFile(pdf_.get(), path.c_str(), HPDF_TRUE);
            if (!name) return;
            if (!use_glyph_table(HPDF_GetFontDef(pdf_.get(), name))) return;
            fonts_by_face_[i] = HPDF_GetFont(pdf_.get(), name, "UTF-8");
            if (!fonts_by_face_[i]) return;
            widths_[i].emplace(fonts_by_face_[i]);
            fix_to_unicode(pdf_.get(), fonts_by_face_[i]);
        }
    }

    // Page state, so that a run of items in one style sets it once.
    struct State {
        bool in_text = false;
        HPDF_Font font = nullptr;
        float size = 0;
        std::optional<Colour> fill, stroke;
        float line_width = -1;
        std::vector<float> dash;
    };

    // A page's contents are built here, in ops_, and handed to deflate_streams whole.
    // What libharu draws (images, the watermark, font selection, which registers the font
    // with the page) it writes into the page's own stream; absorb moves that into ops_
    // straight after, so everything stays in drawing order.
    void write_ops(HPDF_Page, std::string_view ops) { ops_ += ops; }
    void absorb(HPDF_Page page) {
        HPDF_Stream s = static_cast<HPDF_PageAttr>(page->attr)->stream;
        if (s->size == 0) return;
        const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(s);
        for (HPDF_UINT i = 0; i < buffers; ++i) {
            HPDF_UINT n = 0;
            if (const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(s, i, &n)) ops_.append(reinterpret_cast<const char*>(p), n);
        }
        HPDF_MemStream_FreeData(s);
    }
    // BT and ET as libharu's HPDF_Page_BeginText and EndText write them; libharu's own
    // text state is not used (text_out keeps the matrix).
    void begin_text(State& st) {
        ops_ += "BT\012";
        matrix_ = {};
        st.in_text = true;
    }
    void end_text(State& st) {
        if (!st.in_text) return;
        ops_ += "ET\012";
        st.in_text = false;
    }

    void set_fill(HPDF_Page page, State& st, Colour c) {
        if (st.fill == c) return;
        write_ops(page, colour_op(c, false));
        st.fill = c;
    }
    void set_stroke(HPDF_Page page, State& st, Colour c, float width, const std::vector<float>& dash) {
        if (st.stroke != c) write_ops(page, colour_op(c, true));
        st.stroke = c;
        if (st.line_width != width || st.dash != dash) write_ops(page, line_ops(width, dash));
        st.line_width = width;
        st.dash = dash;
    }

    // Every item inside a marked-content sequence: its structure node's, or an artifact's.
    // A sequence never straddles a text object, so a change closes the open BT first.
    void mark(HPDF_Page page, State& st, const Item& item, tagging::ArtifactKind kind) {
        if (!meta_.tagged) return;
        const std::string& ops = marker_.enter(item.node, kind);
        if (ops.empty()) return;
        end_text(st);
        write_ops(page, ops);
    }

    // What the structure tree needs besides MCIDs: a link's text for its annotation's
    // /Contents, a figure's bounding box.
    void note(const Item& item, size_t page_index, float h) {
        if (item.node < 0 || !meta_.tagged) return;
        const Tag tag = doc_.tree.nodes()[static_cast<size_t>(item.node)].tag;
        if (tag == Tag::Link) {
            if (const auto* t = std::get_if<TextItem>(&item.value)) {
                auto& [text, end] = link_text_[item.node];
                if (!text.empty() && std::abs(t->x - end) > 0.5f && text.back() != ' ') text += ' ';
                text += t->text;
                end = t->x + t->width;
            }
        } else if (tag == Tag::Figure) {
            const Rect b = bounds(item);
            auto [it, fresh] = figure_boxes_.try_emplace(item.node, tagging::FigureBox{page_index, b.x, h - b.bottom(),
                                                                                      b.right(), h - b.y});
            tagging::FigureBox& f = it->second;
            if (!fresh && f.page == page_index) {
                f.x0 = std::min(f.x0, b.x), f.y0 = std::min(f.y0, h - b.bottom());
                f.x1 = std::max(f.x1, b.right()), f.y1 = std::max(f.y1, h - b.y);
            }
        }
    }

    void draw_page(size_t index, HPDF_Page page, const LaidPage& p) {
        State st;
        ops_.clear();
        absorb(page);
        HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
        HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
        absorb(page);
        const float h = p.geometry.height;
        marker_.begin_page(index);
        // A draft's watermark is an artifact: it says something about the page, not the text.
        if (!doc_.watermark.empty()) {
            Item mark_item;
            mark_item.node = artifact;
            mark(page, st, mark_item, tagging::ArtifactKind::pagination);
            watermark(page, p.geometry);
            absorb(page);
        }
        for (const auto* items : {&p.furniture, &p.items})
            for (const Item& item : *items) {
                mark(page, st, item, items == &p.furniture ? tagging::ArtifactKind::pagination
                                                           : tagging::ArtifactKind::layout);
                note(item, index, h);
                std::visit(
                    [&](const auto& v) {
                        using T = std::decay_t<decltype(v)>;
                        if constexpr (std::is_same_v<T, TextItem>) text(page, st, v, h);
                        else {
                            end_text(st);
                            if constexpr (std::is_same_v<T, ShapeItem>) shape(page, st, v, h);
                            else image(page, v, h), absorb(page);
                        }
                    },
                    item.value);
            }
        end_text(st);
        if (meta_.tagged)
            write_ops(page, marker_.finish_page());
        absorb(page);
        const HPDF_Dict contents = static_cast<HPDF_PageAttr>(page->attr)->contents;
        kept_[contents].swap(ops_);
        kept_[contents].shrink_to_fit();
    }

    // The watermark corner to corner, pale grey, under everything else on the page. Its
    // graphics state is saved and restored, so the page's own drawing starts afresh.
    void watermark(HPDF_Page page, const PageGeometry& g) {
        const float angle = std::atan2(g.height, g.width);
        const Face face = Face::bold;
        const float diagonal = std::hypot(g.width, g.height);
        const float size = std::min(160.0f, diagonal * 0.6f / std::max(1.0f, measure(doc_.watermark, face, 1, fonts_)));
        const float w = measure(doc_.watermark, face, size, fonts_);
        const float cap = size * 0.7f;
        const float c = std::cos(angle), s = std::sin(angle);
        HPDF_Page_GSave(page);
        // From the page's centre back half the word's width along the diagonal, and down
        // half its capital height across it.
        HPDF_Page_Concat(page, c, s, -s, c, g.width / 2 - c * w / 2 + s * cap / 2, g.height / 2 - s * w / 2 - c * cap / 2);
        HPDF_Page_SetRGBFill(page, 0.88f, 0.88f, 0.88f);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, fonts_by_face_[static_cast<size_t>(face)], size);
        HPDF_Page_TextOut(page, 0, 0, doc_.watermark.c_str());
        HPDF_Page_EndText(page);
        HPDF_Page_GRestore(page);
    }

    void text(HPDF_Page page, State& st, const TextItem& t, float h) {
        if (!st.in_text) begin_text(st);
        const auto face = static_cast<size_t>(t.face);
        HPDF_Font font = fonts_by_face_[face];
        if (font != st.font || t.size != st.size) HPDF_Page_SetFontAndSize(page, font, t.size), absorb(page);
        st.font = font;
        st.size = t.size;
        set_fill(page, st, t.colour);
        if (!text_out(ops_, matrix_, *widths_[face], t.x, h - t.baseline, t.text))
            on_hpdf_error(HPDF_STRING_OUT_OF_RANGE, 0, &log_);
    }

    void shape(HPDF_Page page, State& st, const ShapeItem& s, float h) {
        if (s.fill) set_fill(page, st, *s.fill);
        if (s.stroke) set_stroke(page, st, *s.stroke, s.line_width, s.dash);
        write_ops(page, shape_ops(s, h));
    }

    void image(HPDF_Page page, const ImageItem& im, float h) {
        auto it = loaded_.find(im.key);
        if (it == loaded_.end()) {
            const auto bytes = images_.find(im.key);
            if (bytes == images_.end()) return;
            const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes->second.data());
            const auto size = static_cast<HPDF_UINT>(bytes->second.size());
            HPDF_Image img = im.kind == ImageKind::png ? HPDF_LoadPngImageFromMem(pdf_.get(), data, size)
                                                       : HPDF_LoadJpegImageFromMem(pdf_.get(), data, size);
            it = loaded_.emplace(im.key, img).first;
        }
        if (it->second)
            HPDF_Page_DrawImage(page, it->second, im.box.x, h - im.box.bottom(), im.box.w, im.box.h);
    }

    HPDF_Destination destination(const std::string& anchor) {
        const auto it = doc_.anchors.find(anchor);
        if (it == doc_.anchors.end()) return nullptr;
        const LaidPage& target = doc_.pages[it->second.page];
        HPDF_Page page = pages_[it->second.page];
        HPDF_Destination d = HPDF_Page_CreateDestination(page);
        if (!d) return nullptr;
        // [page /XYZ null top null]: the anchor a little below the window's top, at the
        // reader's own zoom. HPDF_Destination_SetXYZ cannot say "keep the zoom" (it
        // rejects 0), so the array is written through the object API.
        const float top = std::min(target.geometry.height, target.geometry.height - it->second.y + 12);
        HPDF_Doc pdf = pdf_.get();
        HPDF_Array_Clear(d);
        HPDF_Array_Add(d, page);
        HPDF_Array_AddName(d, "XYZ");
        HPDF_Array_Add(d, HPDF_Null_New(pdf->mmgr));
        HPDF_Array_AddReal(d, top);
        HPDF_Array_Add(d, HPDF_Null_New(pdf->mmgr));
        return d;
    }

    // A link into another PDF: a GoToR action naming the file and a destination there by
    // name (libharu has no call for one, so a URI link's action is rewritten).
    HPDF_Annotation remote_link(HPDF_Page page, HPDF_Rect r, const std::string& file, const std::string& dest) {
        HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, r, file.c_str());
        if (!a) return nullptr;
        HPDF_Dict action = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(a, "A", HPDF_OCLASS_DICT));
        if (!action) return a;
        HPDF_MMgr mmgr = pdf_.get()->mmgr;
        HPDF_Dict_RemoveElement(action, "URI");
        HPDF_Dict_AddName(action, "S", "GoToR");
        HPDF_Dict_Add(action, "F", HPDF_String_New(mmgr, file.c_str(), nullptr));
        HPDF_Dict_Add(action, "D", HPDF_String_New(mmgr, dest.c_str(), nullptr));
        HPDF_Dict_AddBoolean(action, "NewWindow", HPDF_FALSE);
        return a;
    }

    // Every anchor as a named destination (the catalog's /Dests name tree, keys in byte
    // order as std::map keeps them), so another PDF can link to a section here by name.
    void named_destinations() {
        HPDF_MMgr mmgr = pdf_.get()->mmgr;
        HPDF_Array names = HPDF_Array_New(mmgr);
        for (const auto& [name, _] : doc_.anchors)
            if (HPDF_Destination d = destination(name)) {
                HPDF_Array_Add(names, HPDF_String_New(mmgr, name.c_str(), nullptr));
                HPDF_Array_Add(names, d);
            }
        HPDF_Dict dests = HPDF_Dict_New(mmgr);
        HPDF_Dict_Add(dests, "Names", names);
        HPDF_Dict tree = HPDF_Dict_New(mmgr);
        HPDF_Dict_Add(tree, "Dests", dests);
        HPDF_Dict_Add(pdf_.get()->catalog, "Names", tree);
    }

    // Each annotation belongs to its Link element (PDF/UA-1 7.18.1) and says what it is in
    // /Contents; a page with annotations visits them in structure order (/Tabs /S).
    void links(size_t index) {
        HPDF_Page page = pages_[index];
        const LaidPage& p = doc_.pages[index];
        const float h = p.geometry.height;
        for (const LinkArea& l : p.links) {
            const HPDF_Rect r{l.box.x, h - l.box.bottom(), l.box.right(), h - l.box.y};
            HPDF_Annotation a = nullptr;
            if (!l.file.empty()) a = remote_link(page, r, l.file, l.target);
            else if (l.external) a = HPDF_Page_CreateURILinkAnnot(page, r, l.target.c_str());
            else if (HPDF_Destination d = destination(l.target)) a = HPDF_Page_CreateLinkAnnot(page, r, d);
            if (!a) continue;
            HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
            if (!meta_.tagged) continue;
            const auto text = link_text_.find(l.node);
            const std::string contents = text != link_text_.end() ? text->second.first : l.target;
            HPDF_Dict_Add(a, "Contents", tagging::pdf_text(pdf_.get(), contents));
            annotations_.push_back({l.node, index, a});
        }
        if (!p.links.empty() && meta_.tagged) HPDF_Dict_AddName(page, "Tabs", "S");
    }

    // Bookmarks: sections at the top, their headings beneath at every level (PDF/UA-1
    // asks for an outline entry per heading).
    void outline() {
        HPDF_Outline parents[7] = {};
        HPDF_Encoder utf8 = HPDF_GetEncoder(pdf_.get(), "UTF-8");
        for (const OutlineEntry& e : doc_.outline) {
            const int level = std::clamp(e.level, 1, 6);
            HPDF_Outline parent = level == 1 ? nullptr : parents[level - 1];
            if (level > 1 && !parent) continue;
            HPDF_Outline o = HPDF_CreateOutline(pdf_.get(), parent, e.title.c_str(), utf8);
            if (!o) return;
            if (HPDF_Destination d = destination(e.anchor)) HPDF_Outline_SetDestination(o, d);
            HPDF_Outline_SetOpened(o, HPDF_FALSE);
            parents[level] = o;
            for (int k = level + 1; k < 7; ++k) parents[k] = nullptr;
        }
        HPDF_SetPageMode(pdf_.get(), HPDF_PAGE_MODE_USE_OUTLINE);
    }

    // The cover (or a pack's front sheet) by name, the contents i, ii, ..., the body 1, 2,
    // ... as its footers say.
    void labels() {
        HPDF_Doc pdf = pdf_.get();
        if (HPDF_Dict front = HPDF_PageLabel_New(pdf, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, doc_.front_label.c_str())) {
            HPDF_Dict_RemoveElement(front, "S");
            HPDF_Dict_RemoveElement(front, "St");
            HPDF_Catalog_AddPageLabel(pdf->catalog, 0, front);
        }
        const auto first_contents = static_cast<HPDF_UINT>(doc_.front_pages);
        if (doc_.contents_pages > 0) HPDF_AddPageLabel(pdf, first_contents, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, nullptr);
        HPDF_AddPageLabel(pdf, static_cast<HPDF_UINT>(first_contents + doc_.contents_pages), HPDF_PAGE_NUM_STYLE_DECIMAL,
                          1, nullptr);
    }

    void info() {
        HPDF_Doc pdf = pdf_.get();
        HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, meta_.title.c_str());
        HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, meta_.author.c_str());
        HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, meta_.subject.c_str());
        HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, meta_.keywords.c_str());
        HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "planpack");
        HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, producer);
        HPDF_Date date{meta_.created.date.year, meta_.created.date.month, meta_.created.date.day, meta_.created.hour, meta_.created.minute, meta_.created.second, 'Z', 0, 0};
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
        // Through the object API: what libharu has no call for.
        HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, meta_.language.c_str(), nullptr));
        HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
        HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
        HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs);
        HPDF_Array id = HPDF_Array_New(pdf->mmgr);
        const auto digest = identifier();
        HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(digest.data()), 16));
        HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(digest.data()), 16));
        HPDF_Dict_Add(pdf->trailer, "ID", id);
        if (meta_.tagged) metadata();
    }

    // The XMP packet, uncompressed so that a reader without a PDF parser can find it.
    void metadata() {
        HPDF_Doc pdf = pdf_.get();
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", meta_.created.date.year, meta_.created.date.month, meta_.created.date.day,
                      meta_.created.hour, meta_.created.minute, meta_.created.second);
        const std::string xmp = tagging::xmp_packet({meta_.title, meta_.author, meta_.subject, meta_.keywords,
                                                     meta_.language, producer, "planpack", date});
        HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (!stream) return;
        stream->filter = HPDF_STREAM_FILTER_NONE;
        HPDF_Dict_AddName(stream, "Type", "Metadata");
        HPDF_Dict_AddName(stream, "Subtype", "XML");
        HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                          static_cast<HPDF_UINT>(xmp.size()));
        HPDF_Dict_Add(pdf->catalog, "Metadata", stream);
    }

    std::array<HPDF_BYTE, 16> identifier() const {
        Digest d;
        for (const auto* s : {&meta_.title, &meta_.author, &meta_.subject, &meta_.keywords, &meta_.language})
            d.add(*s);
        d.add(static_cast<float>(meta_.created.date.year * 10000 + meta_.created.date.month * 100 + meta_.created.date.day));
        for (const LaidPage& p : doc_.pages) {
            d.add(p.geometry.width);
            for (const Item& item : p.items) {
                const Rect b = bounds(item);
                d.add(b.x), d.add(b.y), d.add(b.w), d.add(b.h);
                if (const auto* t = std::get_if<TextItem>(&item.value)) d.add(t->text);
            }
        }
        return d.bytes();
    }

    std::optional<std::string> save(std::string& error) {
        HPDF_Doc pdf = pdf_.get();
        if (!deflate_streams(pdf, fonts_by_face_, std::move(kept_)) || !ok(error)) {
            if (error.empty()) error = "the PDF's streams could not be compressed";
            return std::nullopt;
        }
        if (HPDF_SaveToStream(pdf) != HPDF_OK || !ok(error)) {
            if (error.empty()) error = describe(log_);
            return std::nullopt;
        }
        std::string out(HPDF_GetStreamSize(pdf), '\0');
        HPDF_ResetStream(pdf);
        size_t at = 0;
        while (at < out.size()) {
            HPDF_UINT32 n = static_cast<HPDF_UINT32>(out.size() - at);
            const HPDF_STATUS st = HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data() + at), &n);
            at += n;
            if (n == 0 || (st != HPDF_OK && st != HPDF_STREAM_EOF)) break;
        }
        out.resize(at);
        if (!ok(error)) return std::nullopt;
        return out;
    }

    const LaidOutDocument& doc_;
    const Metadata& meta_;
    const FontSet& fonts_;
    const std::map<std::string, std::string>& images_;
    ErrorLog log_;
    DocPtr pdf_;
    std::array<HPDF_Font, face_count> fonts_by_face_{};
    std::vector<HPDF_Page> pages_;
    std::string ops_;  // the contents of the page being drawn
    TextMatrix matrix_;
    std::array<std::optional<FontWidths>, face_count> widths_;
    std::unordered_map<HPDF_Dict, std::string> kept_;  // each page's contents, drawn
    std::map<std::string, HPDF_Image> loaded_;
    tagging::ContentMarker marker_;
    std::unique_ptr<tagging::StructureText> structure_;  // written into the file by save()
    std::map<int, std::pair<std::string, float>> link_text_;  // Link node -> text, end of its last run
    std::map<int, tagging::FigureBox> figure_boxes_;
    std::vector<tagging::LinkAnnotation> annotations_;
};

}  // namespace

std::optional<std::string> write_pdf(const LaidOutDocument& doc, const Metadata& meta, const FontSet& fonts,
                                     const std::map<std::string, std::string>& images, std::string& error) {
    return Writer(doc, meta, fonts, images).run(error);
}

}  // namespace planpack::render::pdf
