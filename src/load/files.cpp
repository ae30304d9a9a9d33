#include "load/files.hpp"

#include <algorithm>

namespace planpack::load {

namespace fs = std::filesystem;

std::vector<fs::path> files_with_extension(const fs::path& dir, std::string_view ext) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec))
        if (it->is_regular_file() && it->path().extension() == ext) out.push_back(it->path());
    std::sort(out.begin(), out.end());  // directory order is arbitrary; output must not be
    return out;
}

std::string shown_path(const fs::path& root, const fs::path& p) {
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

}  // namespace planpack::load
