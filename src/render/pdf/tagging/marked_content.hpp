#pragma once
// Marked content (ISO 32000-1, 14.6 and 14.8.2.2): every item a page draws is inside
// either a tagged sequence `/P <</MCID n>> BDC ... EMC` that a structure element points
// at, or an `/Artifact` sequence. The marker only says which operators open and close
// sequences and records which node each MCID belongs to; the writer puts the operators
// into the content stream, so this file knows nothing of libharu.
#include <cstddef>
#include <string>
#include <vector>

#include "render/pdf/boxes.hpp"

namespace planpack::render::pdf::tagging {

// What an artifact is (ISO 32000-1, table 330): running heads, footers and page numbers
// are pagination; rules, fills and leaders are layout.
enum class ArtifactKind { pagination, layout };

// One tagged sequence: its page, its MCID on that page and the structure node it marks.
// Recorded in drawing order.
struct MarkedRun {
    int node = artifact;
    size_t page = 0;
    int mcid = 0;
};

class ContentMarker {
public:
    explicit ContentMarker(const StructTree& tree) : tree_(tree) {}

    // Starts a page; the previous page must have been finished.
    void begin_page(size_t page);
    // The operators to write before an item of `node` (artifact: kind says which), or an
    // empty string when the open sequence already covers it.
    const std::string& enter(int node, ArtifactKind kind);
    // Closes the open sequence, if any, at the end of a page.
    const std::string& finish_page();

    const std::vector<MarkedRun>& runs() const { return runs_; }
    // How many MCIDs each page has: its ParentTree array's length.
    const std::vector<int>& mcids_per_page() const { return per_page_; }

private:
    const StructTree& tree_;
    std::vector<MarkedRun> runs_;
    std::vector<int> per_page_;
    size_t page_ = 0;
    bool open_ = false;
    int open_node_ = artifact;
    ArtifactKind open_kind_ = ArtifactKind::layout;
    std::string ops_;
};

}  // namespace planpack::render::pdf::tagging
