#include "serve/serve.hpp"

#include <pthread.h>
#include <signal.h>

#include "serve/http.hpp"
#include "serve/preview.hpp"

namespace planpack::serve {

namespace {

// SIGINT and SIGTERM are taken with sigwait, so the threads are stopped in order instead
// of by a handler at an arbitrary point. Blocked before any thread starts, so all inherit it.
struct BlockedSignals {
    sigset_t set;
    sigset_t old;
    BlockedSignals() {
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set, &old);
    }
    ~BlockedSignals() { pthread_sigmask(SIG_SETMASK, &old, nullptr); }
    BlockedSignals(const BlockedSignals&) = delete;
    BlockedSignals& operator=(const BlockedSignals&) = delete;
};

std::string url(const std::string& address, int port) {
    const bool v6 = address.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port) + "/";
}

}  // namespace

int run_serve(const ServeOptions& o, std::ostream& out, std::ostream& err) {
    BlockedSignals signals;
    Preview preview(o, err);
    std::string error;
    const auto port = preview.start(error);
    if (!port) {
        err << "planpack: " << error << '\n';
        return 1;
    }
    if (!is_loopback(o.bind))
        err << "planpack: warning: serving on " << o.bind
            << ", so other machines on the network can read the preview\n";
    out << "planpack: serving " << url(o.bind, *port) << " (Ctrl-C to stop)\n" << std::flush;
    int sig = 0;
    sigwait(&signals.set, &sig);
    preview.stop();
    out << "planpack: stopped\n";
    return 0;
}

}  // namespace planpack::serve
