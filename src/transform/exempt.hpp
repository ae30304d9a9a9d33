#pragma once
// Exempt information (Schedule 12A) never reaches public output: the public model is the
// model with every exempt section taken out, made before any renderer runs, and the
// restricted model holds only what was taken out.
#include <vector>

#include "model/document.hpp"

namespace planpack::transform {

// Removes every exempt section; a link to one keeps its words and loses its target.
// Documents left with no sections are dropped.
void remove_exempt(std::vector<model::Document>& docs);

// Only the exempt sections, in their documents (those with none are dropped).
std::vector<model::Document> exempt_only(const std::vector<model::Document>& docs);

}  // namespace planpack::transform
