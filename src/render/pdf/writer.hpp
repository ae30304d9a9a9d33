#pragma once
// The one place that knows libharu: draws a laid-out document and returns the PDF bytes.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "model/document.hpp"
#include "render/pdf/layout.hpp"

namespace planpack::render::pdf {

struct Metadata {
    std::string title, author, subject, keywords, language;
    // The creation (and modification) date, UTC. Never the clock: the same sources must
    // give the same bytes.
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    bool tagged = true;  // structure tree, marked content, XMP: see pdf.hpp's Options
};

// The date of a PDF: SOURCE_DATE_EPOCH (seconds, UTC) when the build sets it, else the
// document's published date.
void set_date(Metadata& meta, const std::optional<std::int64_t>& source_date_epoch, const model::Date& published);

// Returns the PDF, or nullopt with error describing what libharu reported.
std::optional<std::string> write_pdf(const LaidOutDocument& doc, const Metadata& meta,
                                     const FontSet& fonts,
                                     const std::map<std::string, std::string>& images,
                                     std::string& error);

}  // namespace planpack::render::pdf
