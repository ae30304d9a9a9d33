#pragma once
// Plain words out of inlines: alt text, ids, titles and summaries.
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
