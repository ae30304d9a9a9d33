#include "render/pdf/tagging/structure_tree.hpp"

#include <hpdf_objects.h>

#include <algorithm>
#include <limits>

#include "render/pdf/path_ops.hpp"
#include "render/pdf/tagging/pdf_text.hpp"

namespace planpack::render::pdf::tagging {

namespace {

constexpr size_t none = std::numeric_limits<size_t>::max();

// libharu writes "<<", the dictionary's own entries (none here), then calls this, then
// ">>": the element's entries are the text made for it in kids().
extern "C" HPDF_STATUS write_body(HPDF_Dict d, HPDF_Stream out) {
    const auto* body = static_cast<const std::string*>(d->attr);
    return HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(body->data()),
                             static_cast<HPDF_UINT>(body->size()));
}

// " N 0 R": a reference to an object libharu has numbered (any indirect object).
void ref(std::string& out, const void* obj) {
    out += ' ';
    out += std::to_string(static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF);
    out += " 0 R";
}

bool is_table_part(Tag t) {
    return t == Tag::THead || t == Tag::TBody || t == Tag::TFoot || t == Tag::TR || t == Tag::TH || t == Tag::TD;
}

class TreeWriter {
public:
    TreeWriter(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const StructTree& tree, const TaggedContent& c,
               StructureText& text)
        : pdf_(pdf), mm_(pdf->mmgr), pages_(pages), nodes_(tree.nodes()), c_(c), text_(text), own_(nodes_.size()),
          annots_(nodes_.size()), children_(nodes_.size()), key_(nodes_.size(), none), kept_(nodes_.size(), false),
          elems_(nodes_.size(), nullptr), parents_(nodes_.size(), nullptr) {}

    void run() {
        collect();
        HPDF_Dict root = indirect_dict("StructTreeRoot");
        if (!root) return;
        for (size_t i = 0; i < nodes_.size(); ++i)
            if (kept_[i]) element(i, i == 0 ? root : elems_[static_cast<size_t>(nodes_[i].parent)]);
        for (size_t i = 0; i < nodes_.size(); ++i)
            if (kept_[i] && elems_[i]) kids(i);
        if (elems_[0]) HPDF_Dict_Add(root, "K", elems_[0]);
        parent_tree(root);
        HPDF_Dict_Add(pdf_->catalog, "StructTreeRoot", root);
        HPDF_Dict mark = HPDF_Dict_New(mm_);
        HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
        HPDF_Dict_Add(pdf_->catalog, "MarkInfo", mark);
    }

private:
    // Which content each node holds, and which nodes are worth an element: those with
    // content of their own or beneath them (the root always).
    void collect() {
        for (size_t r = 0; r < c_.runs.size(); ++r) own_[static_cast<size_t>(c_.runs[r].node)].push_back(r);
        for (size_t k = 0; k < c_.links.size(); ++k)
            if (c_.links[k].node >= 0) annots_[static_cast<size_t>(c_.links[k].node)].push_back(k);
        for (size_t i = nodes_.size(); i-- > 0;) {
            if (!own_[i].empty()) key_[i] = std::min(key_[i], own_[i].front());
            kept_[i] = kept_[i] || !own_[i].empty() || !annots_[i].empty();
            if (i == 0 || !kept_[i]) continue;
            const auto p = static_cast<size_t>(nodes_[i].parent);
            kept_[p] = true;
            key_[p] = std::min(key_[p], key_[i]);
        }
        kept_[0] = true;
        // An empty cell stays, so that a table keeps its grid for the reader.
        for (size_t i = 1; i < nodes_.size(); ++i)
            if (is_table_part(nodes_[i].tag) && kept_[static_cast<size_t>(nodes_[i].parent)]) kept_[i] = true;
        for (size_t i = 1; i < nodes_.size(); ++i)
            if (kept_[i]) children_[static_cast<size_t>(nodes_[i].parent)].push_back(i);
    }

    HPDF_Dict indirect_dict(const char* type) {
        HPDF_Dict d = HPDF_Dict_New(mm_);
        if (!d || HPDF_Xref_Add(pdf_->xref, d) != HPDF_OK) return nullptr;
        if (type) HPDF_Dict_AddName(d, "Type", type);
        return d;
    }

    // An element is an empty libharu dictionary, so that it has an object number others
    // can refer to; its entries are text (see write_body), made once every element has
    // its number. libharu's own entries cost about a kilobyte each, and a long document
    // has tens of thousands of elements.
    void element(size_t i, HPDF_Dict parent) {
        HPDF_Dict e = indirect_dict(nullptr);
        if (!e) return;
        elems_[i] = e;
        parents_[i] = parent;
    }

    // /S, /P, the attributes, /Pg, then /K: child elements in the tree's order and the
    // node's own marked content in drawing order, merged by where each first appears,
    // then any link annotations. (/Type is optional for a structure element, ISO 32000-1
    // table 323; leaving it out saves 17 bytes on each.)
    void kids(size_t i) {
        const StructNode& n = nodes_[i];
        std::string& b = text_.bodies.emplace_back();
        b += "/S /";
        b += tag_name(n.tag);
        b += "\n/P";
        ref(b, parents_[i]);
        b += '\n';
        if (n.tag == Tag::Figure) {
            b += "/Alt ";
            b += pdf_text_token(n.alt);
            b += '\n';
            if (auto it = c_.figure_boxes.find(static_cast<int>(i)); it != c_.figure_boxes.end()) {
                b += "/A << /O /Layout /Placement /Block /BBox [";
                for (float v : {it->second.x0, it->second.y0, it->second.x1, it->second.y1}) {
                    b += ' ';
                    append_number(b, v);
                }
                b += " ] >>\n";
            }
        } else if (n.tag == Tag::TH) {
            b += "/A << /O /Table /Scope /";
            b += n.scope.empty() ? "Column" : n.scope;
            b += " >>\n";
        }
        const std::vector<size_t>& own = own_[i];
        const size_t pg = own.empty() ? none : c_.runs[own.front()].page;
        if (pg != none) {
            b += "/Pg";
            ref(b, pages_[pg]);
            b += '\n';
        }
        b += "/K [";
        size_t o = 0;
        for (size_t ch : children_[i]) {
            while (o < own.size() && own[o] < key_[ch]) mcid(b, c_.runs[own[o++]], pg);
            ref(b, elems_[ch]);
        }
        while (o < own.size()) mcid(b, c_.runs[own[o++]], pg);
        for (size_t a : annots_[i]) {
            b += " << /Type /OBJR /Obj";
            ref(b, c_.links[a].annot);
            b += " /Pg";
            ref(b, pages_[c_.links[a].page]);
            b += " >>";
        }
        b += " ]\n";
        elems_[i]->attr = &b;
        elems_[i]->write_fn = write_body;
    }

    void mcid(std::string& b, const MarkedRun& r, size_t pg) {
        b += ' ';
        if (r.page == pg) {
            b += std::to_string(r.mcid);
            return;
        }
        b += "<< /Type /MCR /Pg";
        ref(b, pages_[r.page]);
        b += " /MCID ";
        b += std::to_string(r.mcid);
        b += " >>";
    }

    // Keys 0 .. pages-1 are the pages' /StructParents, the link annotations follow.
    void parent_tree(HPDF_Dict root) {
        std::vector<std::vector<int>> by_page(pages_.size());
        for (size_t p = 0; p < pages_.size() && p < c_.mcids_per_page.size(); ++p)
            by_page[p].assign(static_cast<size_t>(c_.mcids_per_page[p]), 0);
        for (const MarkedRun& r : c_.runs) by_page[r.page][static_cast<size_t>(r.mcid)] = r.node;
        HPDF_Dict tree = indirect_dict(nullptr);  // a number tree node has no /Type
        if (!tree) return;
        std::string& b = text_.bodies.emplace_back("/Nums [\n");
        for (size_t p = 0; p < pages_.size(); ++p) {
            HPDF_Dict_AddNumber(pages_[p], "StructParents", static_cast<HPDF_INT32>(p));
            b += std::to_string(p);
            b += " [";
            for (int node : by_page[p]) ref(b, elems_[static_cast<size_t>(node)]);
            b += " ]\n";
        }
        HPDF_INT32 key = static_cast<HPDF_INT32>(pages_.size());
        for (const LinkAnnotation& l : c_.links) {
            if (l.node < 0 || !elems_[static_cast<size_t>(l.node)]) continue;
            HPDF_Dict_AddNumber(l.annot, "StructParent", key);
            b += std::to_string(key++);
            ref(b, elems_[static_cast<size_t>(l.node)]);
            b += '\n';
        }
        b += "]\n";
        tree->attr = &b;
        tree->write_fn = write_body;
        HPDF_Dict_Add(root, "ParentTree", tree);
        HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key);
    }

    HPDF_Doc pdf_;
    HPDF_MMgr mm_;
    const std::vector<HPDF_Page>& pages_;
    const std::vector<StructNode>& nodes_;
    const TaggedContent& c_;
    StructureText& text_;
    std::vector<std::vector<size_t>> own_, annots_, children_;
    std::vector<size_t> key_;
    std::vector<bool> kept_;
    std::vector<HPDF_Dict> elems_, parents_;
};

}  // namespace

std::unique_ptr<StructureText> write_structure_tree(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages,
                                                    const StructTree& tree, const TaggedContent& content) {
    auto text = std::make_unique<StructureText>();
    TreeWriter(pdf, pages, tree, content, *text).run();
    return text;
}

}  // namespace planpack::render::pdf::tagging
