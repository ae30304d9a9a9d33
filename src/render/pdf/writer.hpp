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
    model::DateTime created{{1970, 1, 1}};
    bool tagged = true;  // structure tree, marked content, XMP: see pdf.hpp's Options
};

// Returns the PDF, or nullopt with error describing what libharu reported.
std::optional<std::string> write_pdf(const LaidOutDocument& doc, const Metadata& meta,
                                     const FontSet& fonts,
                                     const std::map<std::string, std::string>& images,
                                     std::string& error);

}  // namespace planpack::render::pdf
