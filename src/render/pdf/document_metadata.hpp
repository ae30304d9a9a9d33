#pragma once
// What a PDF says about itself in its document information (title, subject, keywords),
// worded for its kind from the document's own fields, so a board pack never calls itself
// a youth justice plan and a quarter's pack never gets a plan year such as "2023/23".
#include <string>

#include "load/config.hpp"
#include "model/document.hpp"

namespace planpack::render::pdf {

struct DocumentDescription {
    std::string subject, keywords;
};

DocumentDescription describe(const model::Document& doc, const load::Config& config);

// "2023/24" for a period across two years, "2023" for one within a year.
std::string period_years(const model::Date& start, const model::Date& end);

}  // namespace planpack::render::pdf
