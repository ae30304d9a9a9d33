#include "render/pdf/document_metadata.hpp"

#include <cstdio>

namespace planpack::render::pdf {

std::string period_years(const model::Date& start, const model::Date& end) {
    char years[24];
    if (end.year > start.year)
        std::snprintf(years, sizeof years, "%d/%02d", start.year, end.year % 100);
    else
        std::snprintf(years, sizeof years, "%d", start.year);
    return years;
}

DocumentDescription describe(const model::Document& doc, const load::Config& config) {
    const std::string period =
        model::format_long(doc.period_start) + " to " + model::format_long(doc.period_end);
    const std::string years = period_years(doc.period_start, doc.period_end);
    const std::string who = config.local_authority + "; " + config.service_name;
    if (doc.kind == model::DocumentKind::board_pack)
        return {"Papers for the meeting of " + config.service_name + "'s partnership board: " + doc.title +
                    ", covering " + period,
                "board papers; youth justice; " + who + "; " + years};
    return {"Youth justice plan of " + config.local_authority + " for " + period,
            "youth justice plan; " + who + "; " + years};
}

}  // namespace planpack::render::pdf
