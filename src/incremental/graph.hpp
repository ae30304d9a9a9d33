#pragma once
// Which outputs read which inputs, from a built model: each content file is read by its
// section's page, its neighbours' pages (previous/next links), the document's contents
// page and PDF. Everything else a build reads (planpack.toml, templates and styles, data/,
// meetings/) is read by every output as far as a rebuild is concerned, because totals and
// suppression run across files. Images in content/ are read again by every build.
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "pipeline/pipeline.hpp"

namespace planpack::incremental {

class DependencyGraph {
public:
    static DependencyGraph of(const pipeline::Model& m);

    // Whether a change to input (relative to the root) can be rebuilt file by file: a file
    // under content/ (a Markdown file, known or new, an image, an editor's temporary
    // file). Anything else rebuilds everything.
    static bool local(const std::string& input);

    // The outputs that read input directly (empty for inputs read by everything).
    std::set<std::string> readers(const std::string& input) const;

private:
    std::map<std::string, std::set<std::string>> readers_;
};

}  // namespace planpack::incremental
