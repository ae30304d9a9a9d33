#pragma once
// The DOCX renderer's public face: a document in, .docx bytes out, written from the same
// model as the HTML, PDF and XLSX (so suppression and exemption apply as they do there).
// Word's built-in styles throughout, so a council's reference document restyles it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"
#include "model/document.hpp"
#include "render/docx/styles.hpp"

namespace planpack::render::docx {

struct Options {
    // SOURCE_DATE_EPOCH, when the build sets it: the file's dates (its properties and every
    // zip entry). Otherwise the document's published date. Never the clock.
    std::optional<std::int64_t> source_date_epoch;
};

// doc: a plan or board pack, or a meeting's agenda pack (kind "meeting"), whose committee
// reports keep their paragraph numbers as Word numbering. images: file bytes by asset.
std::optional<std::string> render_docx(const load::Config& config, const model::Document& doc, const Template& t,
                                       const std::map<std::string, std::string>& images, const Options& options,
                                       Diagnostics& diags);

}  // namespace planpack::render::docx
