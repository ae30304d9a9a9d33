#include "output/output_tree.hpp"

#include <fstream>
#include <unistd.h>

namespace planpack::output {

namespace fs = std::filesystem;

// Marks a directory as planpack's output, which a later build may replace whole.
constexpr const char* site_marker = ".planpack-site";

namespace {

// A unique sibling name: same file system as out_dir, so the final renames are atomic.
fs::path sibling(const fs::path& out_dir, const char* tag) {
    return out_dir.parent_path() /
           (out_dir.filename().string() + "." + tag + "-" + std::to_string(::getpid()));
}

bool write_tree(const OutputTree& tree, const fs::path& dir, Diagnostics& diags) {
    for (const auto& [rel, bytes] : tree) {
        const fs::path path = dir / rel;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (ec || !out) {
            diags.error({path.string(), 0, 0}, "cannot write the output file");
            return false;
        }
    }
    return true;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
        if (i == inner.end() || *i != *o) return false;
    return true;
}

// Replacing out_dir deletes what was there: only ever a site planpack wrote, and never the
// sources themselves.
bool safe_to_replace(const fs::path& out_dir, const fs::path& root, Diagnostics& diags) {
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(out_dir, ec);
    const fs::path src = fs::weakly_canonical(root, ec);
    if (is_within(src, out)) {
        diags.error({out_dir.string(), 0, 0}, "the output directory holds the sources (" +
                                                  root.string() + "); choose another --out");
        return false;
    }
    if (fs::is_directory(out_dir, ec) && !fs::is_empty(out_dir, ec) &&
        !fs::exists(out_dir / site_marker, ec)) {
        diags.error({out_dir.string(), 0, 0},
                    "refusing to replace a directory planpack did not write (it has no " +
                        std::string(site_marker) + "); remove it or choose another --out");
        return false;
    }
    return true;
}

}  // namespace

bool publish(const OutputTree& tree_in, const fs::path& out_dir_in, const fs::path& root,
             Diagnostics& diags) {
    fs::path out_dir = fs::absolute(out_dir_in).lexically_normal();
    if (!out_dir.has_filename()) out_dir = out_dir.parent_path();  // "site/"
    if (!safe_to_replace(out_dir, root, diags)) return false;
    OutputTree tree = tree_in;
    tree[site_marker] = "This directory is written by planpack build and replaced whole by the next build.\n";
    const fs::path staging = sibling(out_dir, "new");
    const fs::path retired = sibling(out_dir, "old");
    std::error_code ec;
    fs::remove_all(staging, ec);
    fs::remove_all(retired, ec);
    fs::create_directories(staging, ec);
    if (ec) {
        diags.error({staging.string(), 0, 0}, "cannot create the staging directory: " + ec.message());
        return false;
    }
    if (!write_tree(tree, staging, diags)) {
        fs::remove_all(staging, ec);
        return false;
    }
    const bool had_old = fs::exists(out_dir);
    if (had_old) fs::rename(out_dir, retired, ec);
    if (!ec) fs::rename(staging, out_dir, ec);
    if (ec) {
        diags.error({out_dir.string(), 0, 0}, "cannot move the new output into place: " + ec.message());
        std::error_code ignore;
        if (had_old && !fs::exists(out_dir)) fs::rename(retired, out_dir, ignore);
        fs::remove_all(staging, ignore);
        return false;
    }
    fs::remove_all(retired, ec);
    return true;
}

}  // namespace planpack::output
