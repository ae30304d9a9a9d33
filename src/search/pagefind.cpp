#include "search/pagefind.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace planpack::search {

namespace fs = std::filesystem;

namespace {

bool is_program(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// npm installs the binary for this machine as @pagefind/<os>-<cpu>/bin/pagefind_extended
// (older releases: bin/pagefind); there is one such package on a machine.
std::optional<fs::path> npm_copy(const fs::path& root) {
    const fs::path scope = root / "tools" / "pagefind" / "node_modules" / "@pagefind";
    std::error_code ec;
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(scope, ec))
        for (const char* name : {"pagefind_extended", "pagefind"})
            if (is_program(e.path() / "bin" / name)) found.push_back(e.path() / "bin" / name);
    if (found.empty()) return std::nullopt;
    std::sort(found.begin(), found.end());
    return found.front();
}

std::optional<fs::path> on_path(const char* name) {
    const char* path = std::getenv("PATH");
    if (!path) return std::nullopt;
    std::stringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && is_program(fs::path(dir) / name)) return fs::path(dir) / name;
    return std::nullopt;
}

// A private folder, removed with everything in it however the indexing ends.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "planpack-search-XXXXXX").string();
        if (::mkdtemp(pattern.data())) path = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        if (!path.empty()) fs::remove_all(path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
};

bool write_pages(const output::OutputTree& site, const fs::path& dir) {
    for (const auto& [rel, bytes] : site) {
        if (!rel.ends_with(".html")) continue;
        const fs::path path = dir / rel;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (ec || !out) return false;
    }
    return true;
}

// Longer than any site should take (the example: under half a second), so that a Pagefind
// that hangs costs the site its search, never the build.
constexpr auto kIndexTimeout = std::chrono::minutes(5);

// Runs argv[0] in dir, its output to log; its exit status, or -1 when it could not start
// or was stopped after kIndexTimeout.
int run(const std::vector<std::string>& args, const fs::path& dir, const fs::path& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    // In the scratch folder: a pagefind.yml in the caller's folder must not change the index.
    posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + kIndexTimeout;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) return -1;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The last lines Pagefind printed, to say why it failed.
std::string tail(const fs::path& log) {
    std::ifstream in(log, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text.size() > 400) text = "..." + text.substr(text.size() - 400);
    return text;
}

}  // namespace

std::optional<fs::path> find_pagefind(const fs::path& given, const fs::path& root) {
    if (!given.empty()) return is_program(given) ? std::optional(given) : std::nullopt;
    if (auto p = npm_copy(root)) return p;
    if (auto p = on_path("pagefind")) return p;
    return on_path("pagefind_extended");
}

output::OutputTree index_site(const fs::path& pagefind, const output::OutputTree& site, Diagnostics& diags) {
    output::OutputTree index;
    auto fail = [&](const std::string& why) {
        diags.warning({pagefind.string(), 0, 0}, "the site is published without its search index: " + why);
        return output::OutputTree{};
    };
    ScratchDir scratch;
    if (scratch.path.empty()) return fail("cannot make a temporary folder");
    if (!write_pages(site, scratch.path / "site")) return fail("cannot write the pages to " + scratch.path.string());
    const fs::path log = scratch.path / "pagefind.log";
    // --keep-index-url: results link to ".../index.html", as the site's own links do, so
    // they work on a host that does not map a folder to its index.html.
    const int status = run({fs::absolute(pagefind).string(), "--site", "site", "--output-path", "index",
                            "--keep-index-url", "--quiet"},
                           scratch.path, log);
    if (status != 0)
        return fail(status < 0 ? "Pagefind did not start, or did not finish within 5 minutes"
                               : "Pagefind failed (exit status " + std::to_string(status) + "): " + tail(log));
    std::error_code ec;
    const fs::path out = scratch.path / "index";
    for (auto it = fs::recursive_directory_iterator(out, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in && !in.eof()) return fail("cannot read back " + it->path().string());
        index[index_folder + it->path().lexically_relative(out).generic_string()] = std::move(bytes);
    }
    if (ec || index.empty()) return fail("Pagefind wrote no index");
    return index;
}

}  // namespace planpack::search
