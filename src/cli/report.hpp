#pragma once
// How every command prints its diagnostics: compiler style, coloured on a terminal.
#include <ostream>

#include "diag/diagnostic.hpp"

namespace planpack::cli {

// Prints diags (the first stage_end, what loading found, first); returns 1 on errors.
int report(const Diagnostics& diags, size_t stage_end, std::ostream& err);

}  // namespace planpack::cli
