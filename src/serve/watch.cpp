#include "serve/watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace planpack::serve {

namespace fs = std::filesystem;

namespace {

// Saves arrive as a write, or as a new file renamed over the old one; deletions matter too.
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                           IN_ATTRIB | IN_DELETE_SELF | IN_ONLYDIR;

}  // namespace

std::optional<Watcher> Watcher::open(const std::vector<fs::path>& trees, const std::vector<fs::path>& files,
                                     std::string& error) {
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) {
        error = std::string("cannot watch the sources for changes: ") + std::strerror(errno);
        return std::nullopt;
    }
    Watcher w(fd);
    std::error_code ec;
    for (const auto& t : trees)
        if (fs::is_directory(t, ec)) w.add_tree(t);
    for (const auto& f : files) {
        const fs::path dir = f.parent_path().empty() ? fs::path(".") : f.parent_path();
        const int wd = inotify_add_watch(fd, dir.c_str(), kMask);
        if (wd >= 0) {
            w.dirs_.emplace(wd, dir);
            w.files_.insert(dir / f.filename());
        }
    }
    if (w.dirs_.empty()) {
        error = "none of the source folders exist, so there is nothing to watch";
        return std::nullopt;
    }
    return w;
}

Watcher::Watcher(Watcher&& other) noexcept
    : fd_(other.fd_), dirs_(std::move(other.dirs_)), recursive_(std::move(other.recursive_)),
      files_(std::move(other.files_)) {
    other.fd_ = -1;
}

Watcher::~Watcher() {
    if (fd_ >= 0) ::close(fd_);
}

void Watcher::add_tree(const fs::path& dir) {
    const int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
    if (wd < 0) return;  // gone already, or the watch limit: the rest still works
    dirs_[wd] = dir;
    recursive_.insert(wd);
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && !it->is_symlink(ec)) add_tree(it->path());
}

// Reads what is queued; false when nothing was. open: the files whose last event leaves
// them incomplete (written but not closed, created, deleted); renamed: where each rename
// started, by cookie, so a temp file renamed over a section counts as complete.
bool Watcher::read_events(std::set<fs::path>& changed, std::set<fs::path>& open,
                          std::map<uint32_t, fs::path>& renamed) {
    alignas(inotify_event) std::array<char, 16384> buf;
    bool any = false;
    for (;;) {
        const ssize_t n = ::read(fd_, buf.data(), buf.size());
        if (n <= 0) return any;
        for (ssize_t off = 0; off < n;) {
            const auto* ev = reinterpret_cast<const inotify_event*>(buf.data() + off);
            off += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
            if (ev->mask & IN_Q_OVERFLOW) {  // events were lost: say "something, not known what"
                changed.insert(fs::path());
                any = true;
                continue;
            }
            auto it = dirs_.find(ev->wd);
            if (it == dirs_.end()) continue;
            const fs::path dir = it->second;
            const bool recursive = recursive_.count(ev->wd) > 0;
            if (ev->mask & IN_IGNORED) {
                dirs_.erase(it);
                recursive_.erase(ev->wd);
                continue;
            }
            const fs::path path = ev->len ? dir / ev->name : dir;
            // A single file's folder reports its neighbours too (site/, build/): only the
            // file counts.
            if (!recursive && !files_.count(path)) continue;
            if (recursive && (ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path);
            changed.insert(path);
            any = true;
            if (ev->mask & IN_ISDIR) continue;
            if (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB)) {
                open.erase(path);
                if (auto from = renamed.find(ev->cookie); ev->cookie && from != renamed.end()) {
                    open.erase(from->second);
                    renamed.erase(from);
                }
            } else {
                open.insert(path);
                if (ev->mask & IN_MOVED_FROM) renamed[ev->cookie] = path;
            }
        }
    }
}

std::set<fs::path> Watcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet,
                                 std::chrono::milliseconds settle) {
    std::set<fs::path> changed, open;
    std::map<uint32_t, fs::path> renamed;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return changed;
    read_events(changed, open, renamed);
    while (::poll(&p, 1, static_cast<int>((open.empty() ? settle : quiet).count())) > 0)
        read_events(changed, open, renamed);
    return changed;
}

}  // namespace planpack::serve
