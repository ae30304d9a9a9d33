#pragma once
// planpack import report|section FILE.docx: a Word file brought in as planpack sources.
#include <ostream>

#include "cli/options.hpp"

namespace planpack::cli {

// Reads the Word file, writes the Markdown and its pictures (and the agenda item), then
// checks the whole tree as `planpack check` does; returns the exit status.
int run_import(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace planpack::cli
