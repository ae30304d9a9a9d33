#include "output/output_tree.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <optional>

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

// Whether `path` holds exactly `bytes`: a file the last build wrote that this one would
// write again unchanged.
bool holds(const fs::path& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == bytes.size();
    std::string buffer(same ? bytes.size() : 0, '\0');
    for (size_t done = 0; same && done < buffer.size();) {
        const ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
        if (n <= 0) same = false;
        else done += static_cast<size_t>(n);
    }
    ::close(fd);
    return same && buffer == bytes;
}

bool write_file(const fs::path& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    bool ok = true;
    for (size_t done = 0; ok && done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) ok = false;
        else done += static_cast<size_t>(n);
    }
    return ::close(fd) == 0 && ok;
}

// Writes each file of tree under dir. A file whose bytes are those of the same file in
// `previous` (the site being replaced) is hard-linked from it instead: it keeps its inode
// and modification time, so rsync and web caches see it unchanged, and the file system
// creates no inode for it.
bool write_tree(const OutputTree& tree, const fs::path& dir, const std::optional<fs::path>& previous,
                Diagnostics& diags) {
    fs::path made;  // the last folder created: most files share their folder with the one before
    for (const auto& [rel, bytes] : tree) {
        const fs::path path = dir / rel;
        std::error_code ec;
        if (path.parent_path() != made) {
            fs::create_directories(path.parent_path(), ec);
            made = path.parent_path();
        }
        bool written = false;
        if (!ec && previous) {
            const fs::path old = *previous / rel;
            written = holds(old, bytes) && ::link(old.c_str(), path.c_str()) == 0;
        }
        if (!ec && !written) written = write_file(path, bytes);
        if (ec || !written) {
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

bool publish(const OutputTree& tree, const fs::path& out_dir_in, const fs::path& root,
             Diagnostics& diags) {
    fs::path out_dir = fs::absolute(out_dir_in).lexically_normal();
    if (!out_dir.has_filename()) out_dir = out_dir.parent_path();  // "site/"
    if (!safe_to_replace(out_dir, root, diags)) return false;
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
    std::optional<fs::path> previous;
    if (fs::exists(out_dir / site_marker, ec)) previous = out_dir;
    const std::string marker = "This directory is written by planpack build and replaced whole by the next build.\n";
    if (!write_tree(tree, staging, previous, diags) || !write_tree({{site_marker, marker}}, staging, previous, diags)) {
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
