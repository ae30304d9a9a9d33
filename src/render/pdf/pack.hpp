#pragma once
// A committee meeting's agenda pack as one PDF, as councils print them: an unnumbered front
// sheet whose agenda gives each item's pages, then each item's papers, each item starting on
// an odd page ("This page is intentionally left blank" before it when needed) with its
// "Agenda Item N" stamp, and a continuous "Page N" footer. The page ranges come from this
// layout: the papers are laid out first, the front sheet last, with the ranges filled in.
#include <map>
#include <optional>
#include <utility>

#include "render/pdf/layout.hpp"
#include "render/pdf/pdf.hpp"

namespace planpack::render::pdf {

struct LaidOutPack {
    LaidOutDocument doc;
    std::map<int, std::pair<int, int>> items;  // item -> its first and last pack page
};

// Writes "(Pages 77 - 188)" into an agenda pack's page-range slots from where its papers
// were laid out: item number -> first and last printed page. An item with no pages keeps
// an empty slot.
void fill_page_ranges(model::Document& pack, const std::map<int, std::pair<int, int>>& pages);

// pack: a document of kind "meeting" (transform::build_committee_papers).
LaidOutPack layout_pack(const model::Document& pack, const DocumentInfo& info, const Style& style,
                        const FontSet& fonts, const std::map<std::string, ImageInfo>& images, Diagnostics& diags);

std::optional<Rendered> render_pack(const load::Config& config, const model::Document& pack,
                                    const Resources& resources, const std::map<std::string, std::string>& images,
                                    const Options& options, Diagnostics& diags);

}  // namespace planpack::render::pdf
