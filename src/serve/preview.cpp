#include "serve/preview.hpp"

namespace planpack::serve {

namespace {

constexpr auto kPoll = std::chrono::milliseconds(200);  // how often the loop sees a stop
constexpr auto kQuiet = std::chrono::milliseconds(15);  // an editor's save is done when quiet this long
constexpr auto kSettle = std::chrono::milliseconds(2);  // or this long once its files are closed

}  // namespace

Preview::Preview(ServeOptions options, std::ostream& log)
    : options_(std::move(options)), log_(log), http_(state_, options_.settings.root) {}

Preview::~Preview() { stop(); }

std::optional<int> Preview::start(std::string& error) {
    const auto& root = options_.settings.root;
    const auto port = http_.bind(options_.bind, options_.port);
    if (!port) {
        error = "cannot listen on " + options_.bind + " port " + std::to_string(options_.port) +
                "; the port may be in use (give another with --port, or --port 0 for any free one)";
        return std::nullopt;
    }
    auto watcher = Watcher::open({root / "content", root / "data", root / "meetings",
                                  pipeline::templates_dir(options_.settings)},
                                 {root / "planpack.toml"}, error);
    if (!watcher) return std::nullopt;
    watcher_.emplace(std::move(*watcher));
    builder_ = std::make_unique<Builder>(options_.settings, state_);
    builder_->rebuild({}, log_);
    server_ = std::thread([this] { http_.run(); });
    watch_ = std::thread([this] { watch_loop(); });
    return port;
}

void Preview::watch_loop() {
    while (!stopping_) {
        const auto changed = watcher_->wait(kPoll, kQuiet, kSettle);
        if (!changed.empty() && !stopping_) builder_->rebuild(changed, log_);
    }
}

void Preview::stop() {
    if (stopping_.exchange(true)) return;
    state_.stop();  // first: event streams end, so the server's threads can finish
    if (server_.joinable()) {
        // The server may not be listening yet; stop() is only heard once it is.
        for (int i = 0; i < 400 && !http_.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        http_.stop();
        server_.join();
    }
    if (watch_.joinable()) watch_.join();
    builder_.reset();  // waits for the PDFs under way
}

}  // namespace planpack::serve
