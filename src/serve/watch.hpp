#pragma once
// Tells the preview server that the sources changed: inotify on the source folders, with a
// quiet period so an editor's burst of writes (temp file, rename, chmod) is one rebuild.
// The period is short once every file touched has been closed after writing or renamed
// into place, and long while one is still open or has just gone (it may be replaced).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace planpack::serve {

class Watcher {
public:
    // trees: folders watched with everything below them (new subfolders too); files:
    // single files, watched through their folder. Folders that do not exist are skipped.
    static std::optional<Watcher> open(const std::vector<std::filesystem::path>& trees,
                                       const std::vector<std::filesystem::path>& files, std::string& error);
    Watcher(Watcher&& other) noexcept;
    Watcher& operator=(Watcher&&) = delete;
    Watcher(const Watcher&) = delete;
    ~Watcher();

    // Waits up to timeout for a change; once one comes, goes on reading until nothing has
    // happened for quiet, or only for settle when every file touched is complete (closed
    // after writing, renamed into place). Returns the paths that changed (empty: nothing
    // did); an empty path among them: the kernel dropped events, so anything may have changed.
    std::set<std::filesystem::path> wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet,
                                         std::chrono::milliseconds settle);

private:
    explicit Watcher(int fd) : fd_(fd) {}
    void add_tree(const std::filesystem::path& dir);
    bool read_events(std::set<std::filesystem::path>& changed, std::set<std::filesystem::path>& open,
                     std::map<uint32_t, std::filesystem::path>& renamed);

    int fd_ = -1;
    std::map<int, std::filesystem::path> dirs_;  // watch descriptor -> folder
    std::set<int> recursive_;                    // descriptors whose new subfolders are watched
    std::set<std::filesystem::path> files_;      // the single files, by full path
};

}  // namespace planpack::serve
