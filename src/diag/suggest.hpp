#pragma once
// "Did you mean": the nearest known word to a typo, so a message names the fix.
#include <string>
#include <string_view>
#include <vector>

namespace planpack {

// Edits (insert, delete, substitute, swap two neighbours) turning a into b, ignoring case.
size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a third of the word's length (at least one edit, at most
// three), or "" when none is close enough to be a likely typo.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for the nearest candidate, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace planpack
