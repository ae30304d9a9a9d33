#pragma once
// planpack rollover: next year's plan from this year's.
#include <ostream>

#include "cli/options.hpp"

namespace planpack::cli {

// planpack rollover PLAN-ID --to YEAR; returns the exit status.
int run_rollover(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace planpack::cli
