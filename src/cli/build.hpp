#pragma once
// The build and check commands: load, transform, render, publish; the CLI's only pipeline.
#include <ostream>

#include "cli/options.hpp"

namespace planpack::cli {

// Runs check or build; prints diagnostics to err and returns the exit status.
int run_build(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace planpack::cli
