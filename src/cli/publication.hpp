#pragma once
// The publication record's part in build, check and publish (docs/publishing.md): every
// build compares what it made with ROOT/published.toml; publish also records it.
#include <optional>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "output/output_tree.hpp"
#include "pipeline/pipeline.hpp"
#include "publish/record.hpp"

namespace planpack::cli {

struct RecordCheck {
    std::optional<publish::Record> updated;  // publish: the record to write
    std::vector<std::string> recorded;       // publish: papers newly recorded, or again after a correction
    std::vector<std::string> corrected;      // papers stating a correction not yet recorded
};

// Reads ROOT/published.toml with the sources: an empty record when there is none (or
// under --as-of, which builds papers as at another date than they were published on);
// nullopt when it is malformed (reported).
std::optional<publish::Record> read_record(const Options& o, Diagnostics& diags);

// Compares the build with the record; publishing, works out the record to write.
RecordCheck check_record(const Options& o, const pipeline::Model& m, const output::OutputTree& tree,
                         const pipeline::Printed& printed, const publish::Record& record, Diagnostics& diags);

// Writes the record into the root: a temporary file renamed over the old one, so a failed
// write leaves the old record whole.
bool write_record(const Options& o, const publish::Record& record, Diagnostics& diags);

}  // namespace planpack::cli
