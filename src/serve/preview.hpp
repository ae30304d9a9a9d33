#pragma once
// The preview as one object: the site in memory, the HTTP server, the builder and the
// watch loop, each on its thread. `planpack serve` runs one until a signal; the
// benchmark runs one in-process.
#include <atomic>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>

#include "serve/builder.hpp"
#include "serve/http.hpp"
#include "serve/serve.hpp"
#include "serve/site_state.hpp"
#include "serve/watch.hpp"

namespace planpack::serve {

class Preview {
public:
    // log: a line per rebuild, and the errors; written from the watch thread.
    Preview(ServeOptions options, std::ostream& log);
    ~Preview();  // stops
    Preview(const Preview&) = delete;
    Preview& operator=(const Preview&) = delete;

    // Listens, watches, builds once and starts serving; returns the port, or nullopt with
    // the reason in error.
    std::optional<int> start(std::string& error);
    void stop();

    // What is being served (for the benchmark, which waits for the PDFs between edits).
    const SiteState& state() const { return state_; }

private:
    void watch_loop();

    ServeOptions options_;
    std::ostream& log_;
    SiteState state_;
    HttpServer http_;
    std::optional<Watcher> watcher_;
    std::unique_ptr<Builder> builder_;
    std::atomic<bool> stopping_{false};
    std::thread server_, watch_;
};

}  // namespace planpack::serve
