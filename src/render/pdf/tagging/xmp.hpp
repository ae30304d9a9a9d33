#pragma once
// The XMP metadata packet PDF/UA-1 asks for (ISO 14289-1, 6.7.11 and 7.1): the title and
// language as in the document information, dates, producer, and pdfuaid:part 1, which is
// how a reader learns that the file claims PDF/UA.
#include <string>

namespace planpack::render::pdf::tagging {

struct XmpFields {
    std::string title, author, subject, keywords, language, producer, creator_tool;
    std::string date;  // ISO 8601, e.g. 2026-04-01T00:00:00Z
};

std::string xmp_packet(const XmpFields& f);

}  // namespace planpack::render::pdf::tagging
