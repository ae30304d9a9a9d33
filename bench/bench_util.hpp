#pragma once
// What every bench/ program needs: a service tree in a temporary directory, the real
// build run in-process, and honest figures (wall time, peak resident memory).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/build.hpp"

namespace planpack::bench {

struct TempTree {
    std::filesystem::path root;
    explicit TempTree(const std::string& name) {
        root = std::filesystem::temp_directory_path() / ("planpack-bench-" + name);
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(root / "content");
        std::filesystem::create_directories(root / "data");
    }
    ~TempTree() { std::filesystem::remove_all(root); }
    void write(const std::string& rel, const std::string& text) const {
        std::ofstream(root / rel, std::ios::binary) << text;
    }
};

inline std::string config(const std::string& doc_title) {
    return "[service]\nname = \"Bench YJS\"\nlocal_authority = \"Bench Council\"\n\n[[document]]\n"
           "id = \"plan\"\nkind = \"annual_plan\"\ntitle = \"" + doc_title + "\"\n"
           "period_start = 2023-04-01\nperiod_end = 2024-03-31\npublished = 2023-06-26\n";
}

inline long peak_rss_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// Runs `planpack build` on the tree `runs` times and prints the best and median times.
inline int time_build(const TempTree& tree, const output::Formats& formats, int runs,
                      const char* what) {
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        cli::Options o;
        o.command = cli::Command::build;
        o.root = tree.root.string();
        o.out = (tree.root / "site").string();
        o.templates = PLANPACK_SOURCE_DIR "/templates";
        o.formats = formats;
        std::ostringstream out, err;
        const auto start = std::chrono::steady_clock::now();
        const int rc = cli::run_build(o, out, err);
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (rc != 0) {
            std::fprintf(stderr, "build failed:\n%s", err.str().c_str());
            return rc;
        }
    }
    std::sort(seconds.begin(), seconds.end());
    std::string fmt;
    for (output::Format f : formats) fmt += std::string(fmt.empty() ? "" : ",") + std::string(output::name(f));
    std::printf("%s [%s]: best %.3f s, median %.3f s over %d runs, peak RSS %.1f MB\n", what,
                fmt.c_str(), seconds.front(), seconds[seconds.size() / 2], runs,
                static_cast<double>(peak_rss_kb()) / 1024.0);
    return 0;
}

}  // namespace planpack::bench
