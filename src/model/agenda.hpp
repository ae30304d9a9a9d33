#pragma once
// A board pack's agenda as one table every format prints: each item's number, title (a
// link to its page), lead and purpose, and in print the page it starts on.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "model/document.hpp"

namespace planpack::model {

// page_of: the printed page a section starts on; null in formats without pages, which
// then have no Page column.
Table agenda_table(const Document& doc, const std::function<std::string(const Section&)>& page_of = nullptr);

// "Items for the meeting on Thursday 19 October 2023", or without a meeting "Items of business".
std::string agenda_caption(const Document& doc);

// The labelled facts a document's cover states, in order: a plan's period and publication
// date; a board pack's board, meeting date, time and venue (those it has) and publication
// date. The PDF cover and the HTML landing page both print these.
std::vector<std::pair<std::string, std::string>> cover_details(const Document& doc);

}  // namespace planpack::model
