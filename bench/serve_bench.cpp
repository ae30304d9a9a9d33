// Save to reload: how long after a one-paragraph edit is saved the preview tells the open
// page to reload, with the page rebuilt. Runs `planpack serve` in-process on 127.0.0.1,
// listens to its event stream like the page's script does, saves an edit and times the
// event, which is sent once the rebuilt pages are being served. Two services: the example, and a generated
// 1,000-section plan. Target: under 50 ms for both. Prints times and peak memory.
//   cmake --build build --target serve_bench && ./build/serve_bench
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "bench_util.hpp"
#include "serve/preview.hpp"

using namespace planpack;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// A socket reading the preview's event stream; RAII for the descriptor.
class Events {
public:
    explicit Events(int port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<uint16_t>(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return;
        const std::string req = "GET /__planpack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        ok_ = ::write(fd_, req.data(), req.size()) == static_cast<ssize_t>(req.size());
    }
    ~Events() {
        if (fd_ >= 0) ::close(fd_);
    }
    Events(const Events&) = delete;
    Events& operator=(const Events&) = delete;
    bool ok() const { return ok_; }
    // The next "data: N" event's N; -1 on error.
    long next() {
        for (;;) {
            if (auto at = buf_.find("data: "); at != std::string::npos) {
                if (auto end = buf_.find("\n\n", at); end != std::string::npos) {
                    const long g = std::stol(buf_.substr(at + 6, end - at - 6));
                    buf_.erase(0, end + 2);
                    return g;
                }
            }
            char chunk[4096];
            const ssize_t n = ::read(fd_, chunk, sizeof chunk);
            if (n <= 0) return -1;
            buf_.append(chunk, static_cast<size_t>(n));
        }
    }

private:
    int fd_ = -1;
    bool ok_ = false;
    std::string buf_;
};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Saves `runs` one-paragraph edits to file, each after the last was served, and prints
// the save-to-event times.
int measure(const char* what, const fs::path& root, const std::string& file, const std::string& anchor, int runs) {
    serve::ServeOptions o;
    o.settings.root = root;
    o.settings.templates = PLANPACK_SOURCE_DIR "/templates";
    o.port = 0;
    std::ostringstream log;
    const auto start = Clock::now();
    serve::Preview preview(o, log);
    std::string error;
    const auto port = preview.start(error);
    if (!port) {
        std::fprintf(stderr, "%s: %s\n", what, error.c_str());
        return 1;
    }
    const double first = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    Events events(*port);
    long generation = events.next();
    if (!events.ok() || generation < 0) {
        std::fprintf(stderr, "%s: no event stream\n", what);
        return 1;
    }
    // Each build's PDFs are made in the background and the first ones add a download link
    // to the contents page (a reload): let them finish before each edit, so an edit is
    // timed alone and its event is its own.
    auto settle = [&] {
        preview.state().wait_for_printed(std::chrono::minutes(5));
        const auto now = static_cast<long>(preview.state().current()->generation);
        while (generation >= 0 && generation != now) generation = events.next();
    };
    const std::string original = read(root / file);
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        std::string text = original;
        const auto at = text.find(anchor);
        if (at == std::string::npos) {
            std::fprintf(stderr, "%s: no '%s' in %s\n", what, anchor.c_str(), file.c_str());
            return 1;
        }
        text.insert(at, "Edit number " + std::to_string(i) + " of the benchmark. ");
        settle();
        const auto saved = Clock::now();
        std::ofstream(root / file, std::ios::binary) << text;
        long next = generation;
        while (next == generation && next >= 0) next = events.next();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - saved).count());
        generation = next;
        if (next < 0) {
            std::fprintf(stderr, "%s: the event stream ended\n", what);
            return 1;
        }
    }
    std::ofstream(root / file, std::ios::binary) << original;
    preview.stop();
    std::sort(ms.begin(), ms.end());
    std::printf("%-28s first build %.0f ms; save to reload over %d edits: best %.1f ms, median %.1f ms, "
                "worst %.1f ms (target < 50 ms)\n",
                what, first, runs, ms.front(), ms[ms.size() / 2], ms.back());
    // The builder's own line for the last edit: what it parsed and rendered.
    const std::string text = log.str();
    const auto last = text.rfind("planpack: rebuilt");
    if (last != std::string::npos) std::printf("  last rebuild: %s", text.substr(last + 10, text.find('\n', last) - last - 9).c_str());
    return 0;
}

}  // namespace

int main() {
    int rc = 0;
    {
        bench::TempTree example("serve-example");
        for (const char* entry : {"planpack.toml", "content", "data", "meetings"})
            if (fs::exists(fs::path(PLANPACK_SOURCE_DIR) / entry))
                fs::copy(fs::path(PLANPACK_SOURCE_DIR) / entry, example.root / entry,
                         fs::copy_options::recursive | fs::copy_options::overwrite_existing);
        rc |= measure("example", example.root, "content/01-introduction.md", "I am pleased to introduce", 15);
    }
    {
        bench::TempTree big("serve-1000");
        big.write("planpack.toml", bench::config("Bench plan"));
        for (int i = 1; i <= 1000; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "content/s%04d.md", i);
            const std::string n = std::to_string(i), next = std::to_string(i % 1000 + 1);
            big.write(name, "+++\ndocument = \"plan\"\norder = " + n + "\ntitle = \"Section " + n +
                                ": how the partnership works with children\"\n+++\n\n## What we found " + n +
                                "\n\nParagraph one of section " + n +
                                ". The partnership met monthly and agreed a shared response with partners, so "
                                "that children get the right help at the right time.\n\n- first point about "
                                "*practice* and **outcomes**\n- second point about the board\n\n## What we will do " +
                                n + "\n\nParagraph two of section " + n +
                                ", with a longer sentence that says what the service will do next year.\n\n"
                                "| Measure | 2022/23 | 2023/24 |\n|---|---|---|\n| First-time entrants | 41 | 38 |\n"
                                "| Reoffending rate | 32% | 30% |\n\nTable: Measures for section " + n + "\n");
        }
        rc |= measure("1,000-section plan", big.root, "content/s0500.md", "Paragraph one of section 500", 15);
    }
    std::printf("peak memory %ld MB\n", bench::peak_rss_kb() / 1024);
    return rc;
}
