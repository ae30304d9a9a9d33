#pragma once
// The proof behind small-number suppression: every published figure and every relation the
// document states between figures (a total is the sum of its parts) is a linear equation;
// a withheld figure is safe only if those equations leave it undetermined. Worked out in
// exact rational arithmetic (GMP), so no rounding can hide or invent a disclosure.
#include <string>
#include <unordered_map>
#include <vector>

#include "model/document.hpp"

namespace planpack::transform {

// The withheld figures (keys of `withheld`) that the published figures and stats.sums
// determine uniquely, sorted. A published figure in a sum has its count as its value; a
// sum line's figures without a count are unknowns too.
std::vector<std::string> determined_figures(const model::Statistics& stats,
                                            const std::unordered_map<std::string, std::string>& withheld);

}  // namespace planpack::transform
