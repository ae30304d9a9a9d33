#pragma once
// Exempt information (Schedule 12A) never reaches public output: the public model is the
// model with every exempt section taken out, made before any renderer runs, and the
// restricted model holds only what was taken out.
#include <map>
#include <utility>
#include <vector>

#include "model/document.hpp"

namespace planpack::transform {

// Removes every exempt section; a link to one keeps its words and loses its target.
// Documents left with no sections are dropped.
void remove_exempt(std::vector<model::Document>& docs);

// Only the exempt sections, in their documents (those with none are dropped).
std::vector<model::Document> exempt_only(const std::vector<model::Document>& docs);

// Writes "(Pages 77 - 188)" into an agenda pack's page-range slots from where a paged
// renderer laid out each item: item number -> first and last printed page. An item with no
// pages keeps an empty slot.
void fill_page_ranges(model::Document& pack, const std::map<int, std::pair<int, int>>& pages);

}  // namespace planpack::transform
