#pragma once
// Where an installed planpack keeps what it ships (templates, styles): found from the
// binary's own location, so the tool works wherever it is installed or unpacked, and never
// depends on the source checkout it was built from.
#include <filesystem>
#include <optional>

#include "cli/options.hpp"

namespace planpack::cli {

// The directory of the running executable (from /proc/self/exe), or nullopt.
std::optional<std::filesystem::path> executable_dir();

// The first of EXE/../share/planpack/templates (an installed tree: bin/ beside share/)
// and EXE/share/planpack/templates (the build tree) that has templates in it; nullopt
// when neither does.
std::optional<std::filesystem::path> installed_templates();

// The templates a command uses: --templates, else ROOT/templates when it has HTML
// templates (a service's own), else the installed ones.
std::filesystem::path templates_dir(const Options& o);

}  // namespace planpack::cli
