// The whole pipeline, load to every format, on a small service written from the input:
//   @@@ planpack.toml
//   ...its text...
//   @@@ content/01-intro.md
//   ...
// Paths must be under content/, data/ or meetings/ (or be planpack.toml); the tree lives in
// one temporary folder per process, emptied before each run.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/build.hpp"

namespace fs = std::filesystem;

namespace {

bool allowed(const std::string& path) {
    if (path == "planpack.toml") return true;
    if (path.find("..") != std::string::npos || path.size() > 80) return false;
    for (char c : path)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '_' || c == '.')) return false;
    return path.rfind("content/", 0) == 0 || path.rfind("data/", 0) == 0 || path.rfind("meetings/", 0) == 0;
}

const fs::path& work_dir() {
    static const fs::path dir = [] {
        std::string t = (fs::temp_directory_path() / "planpack-fuzz-XXXXXX").string();
        if (!mkdtemp(t.data())) std::abort();
        return fs::path(t);
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const fs::path root = work_dir() / "root";
    std::error_code ec;
    fs::remove_all(root, ec);
    fs::remove_all(work_dir() / "site", ec);
    fs::create_directories(root);
    std::ofstream* out = nullptr;
    std::ofstream file;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("@@@ ", 0) == 0) {
            file.close();
            out = nullptr;
            const std::string path = line.substr(4);
            if (!allowed(path)) continue;
            fs::create_directories((root / path).parent_path(), ec);
            file.open(root / path, std::ios::binary);
            if (file) out = &file;
            continue;
        }
        if (out) *out << line << '\n';
    }
    file.close();
    planpack::cli::Options o;
    o.command = planpack::cli::Command::build;
    o.root = root.string();
    o.out = (work_dir() / "site").string();
    o.formats = {planpack::output::Format::html, planpack::output::Format::pdf, planpack::output::Format::xlsx};
    std::ostringstream sink_out, sink_err;
    planpack::cli::run_build(o, sink_out, sink_err);
    return 0;
}
