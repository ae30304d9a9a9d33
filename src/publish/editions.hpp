#pragma once
// What this build would publish, as publications: each planpack.toml document (a plan, a
// board pack) and each meeting's papers (the agenda pack and the meeting's own pages),
// with the files that make it up. A committee's own page and the home page are not
// publications: they list what has been published and grow with it.
#include <string>
#include <vector>

#include "model/document.hpp"
#include "output/output_tree.hpp"
#include "pipeline/pipeline.hpp"

namespace planpack::publish {

struct Edition {
    std::string id;
    std::string noun;  // "the agenda pack for 22 September 2022", "the Youth Justice Plan 2023/24"
    model::Date published;
    bool draft = false;
    std::vector<std::string> drafts_bound;  // ids of draft documents it binds (a pack's appendix)
    std::vector<model::Correction> corrections;
    std::string source;  // where its [[correction]] goes: "planpack.toml", "meetings/.../meeting.toml"
    SourcePos pos;       // where it is declared
    std::vector<std::string> files;  // site paths in the tree, sorted
};

// Every edition the model and tree hold, in the model's order (documents, then meetings).
std::vector<Edition> editions(const pipeline::Model& m, const output::OutputTree& tree);

}  // namespace planpack::publish
