#include "render/pdf/tagging/structure_tree.hpp"

#include <hpdf_objects.h>

#include <algorithm>
#include <limits>

#include "render/pdf/tagging/pdf_text.hpp"

namespace planpack::render::pdf::tagging {

namespace {

constexpr size_t none = std::numeric_limits<size_t>::max();

bool is_table_part(Tag t) {
    return t == Tag::THead || t == Tag::TBody || t == Tag::TFoot || t == Tag::TR || t == Tag::TH || t == Tag::TD;
}

class TreeWriter {
public:
    TreeWriter(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const StructTree& tree, const TaggedContent& c)
        : pdf_(pdf), mm_(pdf->mmgr), pages_(pages), nodes_(tree.nodes()), c_(c), own_(nodes_.size()),
          annots_(nodes_.size()), children_(nodes_.size()), key_(nodes_.size(), none), kept_(nodes_.size(), false),
          elems_(nodes_.size(), nullptr) {}

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

    HPDF_Dict attributes(const char* owner) {
        HPDF_Dict a = HPDF_Dict_New(mm_);
        HPDF_Dict_AddName(a, "O", owner);
        return a;
    }

    void element(size_t i, HPDF_Dict parent) {
        // /Type is optional for a structure element (ISO 32000-1, table 323); leaving it
        // out saves 17 bytes on each of the thousands of elements of a long document.
        HPDF_Dict e = indirect_dict(nullptr);
        if (!e) return;
        elems_[i] = e;
        const StructNode& n = nodes_[i];
        HPDF_Dict_AddName(e, "S", tag_name(n.tag));
        HPDF_Dict_Add(e, "P", parent);
        if (n.tag == Tag::Figure) {
            HPDF_Dict_Add(e, "Alt", pdf_text(pdf_, n.alt));
            if (auto it = c_.figure_boxes.find(static_cast<int>(i)); it != c_.figure_boxes.end()) {
                HPDF_Dict a = attributes("Layout");
                HPDF_Dict_AddName(a, "Placement", "Block");
                HPDF_Array box = HPDF_Array_New(mm_);
                for (float v : {it->second.x0, it->second.y0, it->second.x1, it->second.y1})
                    HPDF_Array_AddReal(box, v);
                HPDF_Dict_Add(a, "BBox", box);
                HPDF_Dict_Add(e, "A", a);
            }
        } else if (n.tag == Tag::TH) {
            HPDF_Dict a = attributes("Table");
            HPDF_Dict_AddName(a, "Scope", n.scope.empty() ? "Column" : n.scope.c_str());
            HPDF_Dict_Add(e, "A", a);
        }
    }

    // /K: child elements in the tree's order and the node's own marked content in drawing
    // order, merged by where each first appears, then any link annotations.
    void kids(size_t i) {
        HPDF_Dict e = elems_[i];
        HPDF_Array k = HPDF_Array_New(mm_);
        const std::vector<size_t>& own = own_[i];
        const size_t pg = own.empty() ? none : c_.runs[own.front()].page;
        if (pg != none) HPDF_Dict_Add(e, "Pg", pages_[pg]);
        size_t o = 0;
        for (size_t ch : children_[i]) {
            while (o < own.size() && own[o] < key_[ch]) mcid(k, c_.runs[own[o++]], pg);
            HPDF_Array_Add(k, elems_[ch]);
        }
        while (o < own.size()) mcid(k, c_.runs[own[o++]], pg);
        for (size_t a : annots_[i]) {
            HPDF_Dict r = HPDF_Dict_New(mm_);
            HPDF_Dict_AddName(r, "Type", "OBJR");
            HPDF_Dict_Add(r, "Obj", c_.links[a].annot);
            HPDF_Dict_Add(r, "Pg", pages_[c_.links[a].page]);
            HPDF_Array_Add(k, r);
        }
        HPDF_Dict_Add(e, "K", k);
    }

    void mcid(HPDF_Array k, const MarkedRun& r, size_t pg) {
        if (r.page == pg) {
            HPDF_Array_AddNumber(k, r.mcid);
            return;
        }
        HPDF_Dict m = HPDF_Dict_New(mm_);
        HPDF_Dict_AddName(m, "Type", "MCR");
        HPDF_Dict_Add(m, "Pg", pages_[r.page]);
        HPDF_Dict_AddNumber(m, "MCID", r.mcid);
        HPDF_Array_Add(k, m);
    }

    // Keys 0 .. pages-1 are the pages' /StructParents, the link annotations follow.
    void parent_tree(HPDF_Dict root) {
        std::vector<std::vector<int>> by_page(pages_.size());
        for (size_t p = 0; p < pages_.size() && p < c_.mcids_per_page.size(); ++p)
            by_page[p].assign(static_cast<size_t>(c_.mcids_per_page[p]), 0);
        for (const MarkedRun& r : c_.runs) by_page[r.page][static_cast<size_t>(r.mcid)] = r.node;
        HPDF_Dict tree = indirect_dict(nullptr);  // a number tree node has no /Type
        if (!tree) return;
        HPDF_Array nums = HPDF_Array_New(mm_);
        for (size_t p = 0; p < pages_.size(); ++p) {
            HPDF_Dict_AddNumber(pages_[p], "StructParents", static_cast<HPDF_INT32>(p));
            HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
            HPDF_Array arr = HPDF_Array_New(mm_);
            for (int node : by_page[p]) HPDF_Array_Add(arr, elems_[static_cast<size_t>(node)]);
            HPDF_Array_Add(nums, arr);
        }
        HPDF_INT32 key = static_cast<HPDF_INT32>(pages_.size());
        for (const LinkAnnotation& l : c_.links) {
            if (l.node < 0 || !elems_[static_cast<size_t>(l.node)]) continue;
            HPDF_Dict_AddNumber(l.annot, "StructParent", key);
            HPDF_Array_AddNumber(nums, key++);
            HPDF_Array_Add(nums, elems_[static_cast<size_t>(l.node)]);
        }
        HPDF_Dict_Add(tree, "Nums", nums);
        HPDF_Dict_Add(root, "ParentTree", tree);
        HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key);
    }

    HPDF_Doc pdf_;
    HPDF_MMgr mm_;
    const std::vector<HPDF_Page>& pages_;
    const std::vector<StructNode>& nodes_;
    const TaggedContent& c_;
    std::vector<std::vector<size_t>> own_, annots_, children_;
    std::vector<size_t> key_;
    std::vector<bool> kept_;
    std::vector<HPDF_Dict> elems_;
};

}  // namespace

void write_structure_tree(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, const StructTree& tree,
                          const TaggedContent& content) {
    TreeWriter(pdf, pages, tree, content).run();
}

}  // namespace planpack::render::pdf::tagging
