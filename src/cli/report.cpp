#include "cli/report.hpp"

#include <iostream>

namespace planpack::cli {

int report(const Diagnostics& diags, size_t stage_end, std::ostream& err) {
    const bool colour = &err == &std::cerr && use_colour(2);
    for (const auto& d : diags.sorted(stage_end)) err << format(d, colour) << '\n';
    return diags.has_errors() ? 1 : 0;
}

}  // namespace planpack::cli
