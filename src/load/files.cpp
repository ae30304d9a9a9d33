#include "load/files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace planpack::load {

namespace fs = std::filesystem;

namespace {

fs::file_type listed_type(const fs::directory_entry& e, std::error_code& ec) {
    if (e.is_regular_file(ec)) return fs::file_type::regular;
    if (e.is_directory(ec)) return fs::file_type::directory;
    return fs::file_type::unknown;
}

}  // namespace

std::vector<fs::path> files_with_extension(const fs::path& root, const fs::path& dir, std::string_view ext,
                                           Diagnostics& diags) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    auto problem = [&](const fs::path& p, const std::error_code& e, const std::string& fix) {
        diags.error({shown_path(root, p), 0, 0}, "cannot read this: " + e.message() + "; " + fix);
    };
    // Directory symlinks are not followed, so a loop of folders cannot recur forever.
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) problem(dir, ec, "check the folder's permissions");
    for (; !ec && it != fs::end(it); it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() != ext) continue;
        std::error_code st;
        // The entry knows its own type from the directory listing; only a link costs a
        // stat, to follow it to its target.
        const fs::file_status s = it->is_symlink(st) ? it->status(st) : fs::file_status(listed_type(*it, st));
        if (st) {
            problem(p, st, "remove the link or point it at a real file");
        } else if (fs::is_regular_file(s)) {
            out.push_back(p);
        } else if (!fs::is_directory(s)) {
            diags.error({shown_path(root, p), 0, 0},
                        "this is not an ordinary file (a pipe, socket or device); planpack reads only "
                        "ordinary files");
        }
    }
    if (ec) problem(it == fs::end(it) ? dir : it->path(), ec, "check the folder's permissions");
    std::sort(out.begin(), out.end());  // directory order is arbitrary; output must not be
    return out;
}

std::string shown_path(const fs::path& root, const fs::path& p) {
    if (root.empty()) return p.string();
    // A path found by walking under root begins with root as written: cut it off, rather
    // than compare them part by part (the walk of a thousand files asks this of each).
    const std::string& r = root.native();
    const std::string& s = p.native();
    if (!r.empty() && r.back() != '/' && s.size() > r.size() + 1 && s.compare(0, r.size(), r) == 0 &&
        s[r.size()] == '/' && s.find("/.", r.size()) == std::string::npos && s.find("//", r.size()) == std::string::npos)
        return s.substr(r.size() + 1);
    return p.lexically_relative(root).generic_string();
}

// "03-child-first.md" -> "child-first"
std::string default_id(const fs::path& p) {
    std::string stem = p.stem().string();
    size_t i = 0;
    while (i < stem.size() && stem[i] >= '0' && stem[i] <= '9') ++i;
    if (i > 0 && i < stem.size() && stem[i] == '-') return stem.substr(i + 1);
    return stem;
}

std::optional<std::string> read_file(const std::filesystem::path& path, const std::string& shown,
                                     Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error({shown, 0, 0}, "cannot read the file");
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace planpack::load
