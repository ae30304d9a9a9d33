#pragma once
// planpack new: adding a service, section, meeting or report from templates/new.
#include <ostream>

#include "cli/options.hpp"

namespace planpack::cli {

// planpack new service|section|meeting|report ...; returns the exit status.
int run_new(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace planpack::cli
