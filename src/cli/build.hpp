#pragma once
// planpack build and check: options into pipeline settings, the build, and its messages.
#include <ostream>

#include "cli/options.hpp"
#include "pipeline/pipeline.hpp"

namespace planpack::cli {

// Runs check or build; prints diagnostics to err and returns the exit status.
// What the pipeline reads from the command line.
pipeline::Settings settings(const Options& o);

int run_build(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace planpack::cli
