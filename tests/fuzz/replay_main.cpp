// Runs a libFuzzer harness over files without libFuzzer, so the GCC test build (and CI)
// replays every seed and every tests/bad input through each harness under ASan and UBSan;
// scripts/fuzz.sh uses it to write the seed corpora.
//
// usage: HARNESS_replay [--ext=.md] [--prefixes=N] [--trees] [--write-corpus=DIR] PATH...
//   --ext        only files with this extension
//   --prefixes   each input N times, after each byte 0..N-1 (fuzz_toml_schemas picks a
//                loader with its first byte)
//   --trees      each folder under PATH holding a planpack.toml is a service, packed into
//                the "@@@ path" format fuzz_pipeline reads
//   --write-corpus  write the inputs to DIR instead of running them
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<fs::path> walk(const fs::path& top) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(top, ec)) return {top};
    for (auto it = fs::recursive_directory_iterator(top, ec); !ec && it != fs::end(it); it.increment(ec))
        if (std::error_code e; it->is_regular_file(e) && !it->is_symlink(e)) out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string pack(const fs::path& tree) {
    std::string out;
    for (const auto& f : walk(tree)) {
        const std::string rel = f.lexically_relative(tree).generic_string();
        if (rel == "expected.txt") continue;
        out += "@@@ " + rel + "\n" + read(f);
        if (!out.empty() && out.back() != '\n') out += '\n';
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::string ext, corpus;
    int prefixes = 0;
    bool trees = false;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--ext=", 0) == 0) ext = a.substr(6);
        else if (a.rfind("--prefixes=", 0) == 0) prefixes = std::stoi(a.substr(11));
        else if (a == "--trees") trees = true;
        else if (a.rfind("--write-corpus=", 0) == 0) corpus = a.substr(15);
        else if (trees) {
            std::error_code ec;
            for (auto it = fs::recursive_directory_iterator(a, ec); !ec && it != fs::end(it); it.increment(ec))
                if (std::error_code e; it->is_directory(e) && fs::exists(it->path() / "planpack.toml", e))
                    inputs.push_back(pack(it->path()));
            if (std::error_code e; fs::exists(fs::path(a) / "planpack.toml", e)) inputs.push_back(pack(a));
        } else {
            for (const auto& f : walk(a))
                if (ext.empty() || f.extension() == ext) inputs.push_back(read(f));
        }
    }
    if (prefixes > 0) {
        std::vector<std::string> each;
        for (const auto& in : inputs)
            for (int p = 0; p < prefixes; ++p) each.push_back(std::string(1, static_cast<char>(p)) + in);
        inputs = std::move(each);
    }
    if (!corpus.empty()) {
        fs::create_directories(corpus);
        for (size_t i = 0; i < inputs.size(); ++i) std::ofstream(fs::path(corpus) / ("seed-" + std::to_string(i)), std::ios::binary) << inputs[i];
        std::printf("%zu seeds written to %s\n", inputs.size(), corpus.c_str());
        return 0;
    }
    for (const auto& in : inputs) LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(in.data()), in.size());
    std::printf("%zu inputs replayed\n", inputs.size());
    return inputs.empty() ? 1 : 0;
}
