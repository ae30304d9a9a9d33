#pragma once
// docProps/core.xml and app.xml: title, author, subject, keywords, language and dates, worded
// as the PDF's document information is (render/pdf/document_metadata.hpp).
#include <cstdint>
#include <optional>
#include <string>

#include "load/config.hpp"
#include "model/document.hpp"

namespace planpack::render::docx {

struct Properties {
    std::string title, author, subject, keywords, language;
    std::int64_t time = 0;  // seconds since 1970, UTC: created and modified
    std::string stamp;      // the same, as core.xml writes it: "2023-06-26T00:00:00Z"
};

Properties properties(const load::Config& config, const model::Document& doc,
                      const std::optional<std::int64_t>& source_date_epoch);
std::string core_xml(const Properties& p);
std::string app_xml();

}  // namespace planpack::render::docx
