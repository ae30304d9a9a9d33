#pragma once
// A build against the publication record: a published file that would now read
// differently is an error naming the paper, the file and the first line that changed,
// unless the paper's source states a correction the record has not seen yet. Publishing
// then records what is new or corrected, and leaves everything else exactly as recorded.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "output/format.hpp"
#include "output/output_tree.hpp"
#include "publish/editions.hpp"
#include "publish/record.hpp"

namespace planpack::publish {

// Each PDF's lines, page by page, by site path (pipeline::Printed::text).
using PdfText = std::map<std::string, std::vector<std::vector<std::string>>>;

// The fingerprint of one file as this build makes it.
FileRecord fingerprint(const std::string& path, const std::string& bytes, const PdfText& pdf_text);

struct Comparison {
    // Ids of recorded editions whose source states a correction not yet recorded: they may
    // change, and publishing records them again.
    std::vector<std::string> corrected;
};

// built_formats: the formats this build wrote; a recorded file of a format not built is
// not missed. Errors name record positions in published.toml.
Comparison compare(const Record& record, const std::vector<Edition>& editions, const output::OutputTree& tree,
                   const PdfText& pdf_text, const output::Formats& built_formats, Diagnostics& diags);

// The record after publishing the editions named by ids (empty: all of them): a draft, or
// a paper binding one, is an error; a new or corrected edition is recorded from the tree;
// any other keeps its record as it was. Call after compare found no errors.
Record republish(const Record& record, const std::vector<Edition>& editions, const output::OutputTree& tree,
                 const PdfText& pdf_text, const std::vector<std::string>& ids, Diagnostics& diags);

}  // namespace planpack::publish
