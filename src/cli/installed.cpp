#include "cli/installed.hpp"

namespace planpack::cli {

namespace fs = std::filesystem;

std::optional<fs::path> executable_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return std::nullopt;
    return exe.parent_path();
}

std::optional<fs::path> installed_templates() {
    const auto dir = executable_dir();
    if (!dir) return std::nullopt;
    for (const fs::path& candidate : {*dir / ".." / "share" / "planpack" / "templates",
                                      *dir / "share" / "planpack" / "templates"}) {
        std::error_code ec;
        if (fs::is_directory(candidate / "html", ec)) return candidate.lexically_normal();
    }
    return std::nullopt;
}

fs::path templates_dir(const Options& o) {
    if (!o.templates.empty()) return o.templates;
    const fs::path local = fs::path(o.root) / "templates";
    std::error_code ec;
    if (fs::is_directory(local / "html", ec)) return local;
    // Not found: the loaders then name this path in their "cannot read" message.
    return installed_templates().value_or(fs::path("share/planpack/templates"));
}

}  // namespace planpack::cli
