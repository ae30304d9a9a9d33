#include "scaffold/files.hpp"

#include <fstream>

#include "load/project.hpp"

namespace planpack::scaffold {

namespace fs = std::filesystem;

namespace {

// The whole text at path, by way of a file beside it renamed over it.
bool replace_file(const fs::path& path, const std::string& text) {
    const fs::path temp = path.string() + ".planpack-new";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            out.close();
            std::error_code ec;
            fs::remove(temp, ec);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) fs::remove(temp, ec);
    return !ec;
}

}  // namespace

bool apply(const fs::path& root, const Changes& changes, Diagnostics& diags, bool overwrite) {
    std::error_code ec;
    for (const auto& [path, _] : changes.create)
        if (!overwrite && fs::exists(root / path, ec)) {
            diags.error({path, 0, 0}, "already exists; planpack never writes over a file (move it away or pick "
                                      "another name)");
            return false;
        }
    std::map<std::string, std::string> appended;
    for (const auto& [path, text] : changes.append) {
        if (!fs::is_regular_file(root / path, ec)) {
            diags.error({path, 0, 0}, "cannot add to this file: it does not exist");
            return false;
        }
        auto old = load::read_file(root / path, path, diags);
        if (!old) return false;
        appended[path] = *old + text;
    }
    for (const auto& [path, text] : changes.create) {
        fs::create_directories((root / path).parent_path(), ec);
        if (!replace_file(root / path, text)) {
            diags.error({path, 0, 0}, "cannot write the file");
            return false;
        }
    }
    for (const auto& [path, text] : appended)
        if (!replace_file(root / path, text)) {
            diags.error({path, 0, 0}, "cannot add to the file");
            return false;
        }
    return true;
}

std::map<std::string, std::string> read_tree(const fs::path& dir, Diagnostics& diags) {
    std::map<std::string, std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it); it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        const std::string rel = it->path().lexically_relative(dir).generic_string();
        if (auto text = load::read_file(it->path(), it->path().string(), diags)) out[rel] = std::move(*text);
    }
    if (ec) diags.error({dir.string(), 0, 0}, "cannot read the folder: " + ec.message());
    return out;
}

}  // namespace planpack::scaffold
