#pragma once
// The PDF renderer's public face: a document in, PDF bytes out. Like the HTML renderer it
// writes nothing to disk; the CLI puts the bytes into the output tree.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"
#include "model/document.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/style.hpp"

namespace planpack::render::pdf {

// The restylable part: templates/pdf/style.toml and the fonts it names.
struct Resources {
    Style style;
    FontSet fonts;
};

std::optional<Resources> load_resources(const std::filesystem::path& templates_dir, Diagnostics& diags);

struct Options {
    // SOURCE_DATE_EPOCH, when the build sets it: the PDF's creation date. Otherwise the
    // document's published date. Never the clock.
    std::optional<std::int64_t> source_date_epoch;
    // Every build writes tagged PDF (docs/pdf-accessibility.md); false only lets the
    // benchmarks measure what tagging costs.
    bool tagged = true;
};

struct Rendered {
    std::string bytes;
    size_t pages = 0;
    std::vector<std::vector<std::string>> text;  // per page, its lines (page_text.hpp)
};

// images: file bytes by load::asset_path. Problems are reported as errors naming the
// document's entry in planpack.toml.
std::optional<Rendered> render_document(const load::Config& config, const model::Document& doc,
                                        const Resources& resources,
                                        const std::map<std::string, std::string>& images,
                                        const Options& options, Diagnostics& diags);

}  // namespace planpack::render::pdf
