#pragma once
// The committees' public record as open data: one JSON file and a CSV per table
// (committees, meetings, items, decisions, members, attendance, attendance totals and
// documents) under a versioned folder (model::open_data_path), with the JSON Schema that
// documents them. Exempt items appear by title and exemption notice only; people only as
// the privacy mode names them. Each document carries its SHA-256: the publication
// record's when the meeting is recorded, else that of the bytes this build publishes.
#include <map>
#include <string>

#include "load/config.hpp"
#include "model/civic.hpp"
#include "output/output_tree.hpp"
#include "publish/record.hpp"

namespace planpack::render::opendata {

// tree: the site as built (its documents are listed and fingerprinted); schema: the text
// of the JSON Schema, published beside the data.
output::OutputTree render_open_data(const load::Config& config, const model::Civic& civic,
                                    const output::OutputTree& tree, const publish::Record& record,
                                    const std::string& schema);

}  // namespace planpack::render::opendata
