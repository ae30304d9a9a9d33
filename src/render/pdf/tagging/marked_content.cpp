#include "render/pdf/tagging/marked_content.hpp"

namespace planpack::render::pdf::tagging {

void ContentMarker::begin_page(size_t page) {
    page_ = page;
    if (per_page_.size() <= page) per_page_.resize(page + 1, 0);
    open_ = false;
}

const std::string& ContentMarker::enter(int node, ArtifactKind kind) {
    ops_.clear();
    if (open_ && node == open_node_ && (node != artifact || kind == open_kind_)) return ops_;
    if (open_) ops_ = "EMC\n";
    open_ = true;
    open_node_ = node;
    open_kind_ = kind;
    if (node == artifact) {
        ops_ += kind == ArtifactKind::pagination ? "/Artifact <</Type /Pagination>> BDC\n"
                                                 : "/Artifact <</Type /Layout>> BDC\n";
        return ops_;
    }
    const int mcid = per_page_[page_]++;
    runs_.push_back({node, page_, mcid});
    ops_ += '/';
    ops_ += tag_name(tree_.nodes()[static_cast<size_t>(node)].tag);
    ops_ += " <</MCID ";
    ops_ += std::to_string(mcid);
    ops_ += ">> BDC\n";
    return ops_;
}

const std::string& ContentMarker::finish_page() {
    ops_.clear();
    if (open_) ops_ = "EMC\n";
    open_ = false;
    return ops_;
}

}  // namespace planpack::render::pdf::tagging
