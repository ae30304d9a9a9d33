#pragma once
// Inlines as plain words: for alt text, ids, titles and summaries, and slugs made from them.
#include <string>
#include <string_view>

#include "model/document.hpp"

namespace planpack::model {

// The words of inlines without markup: for alt text, ids, titles and summaries.
std::string plain_text(const Inlines& inlines);

// "Child First: the four tenets" -> "child-first-the-four-tenets"; ASCII letters and
// digits survive, everything else collapses to one '-'. Never empty.
std::string slug(std::string_view text);

}  // namespace planpack::model
