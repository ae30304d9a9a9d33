#pragma once
// The preview's HTTP side (cpp-httplib): serves a SiteState from memory. Only files in the
// site can be asked for: a path is a key of the site's tree, never a file on disk, and a
// path that tries to climb (/../planpack.toml) is a 404 before it is looked up.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "serve/site_state.hpp"

namespace httplib {
class Server;
}

namespace planpack::serve {

// The tree key a request path names ("/plan/" -> "plan/index.html"); nullopt for a path
// with "." or ".." segments, backslashes, NULs or doubled slashes.
std::optional<std::string> site_key(const std::string& path);

// Whether address is a loopback address (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& address);

class HttpServer {
public:
    // root: the service root, for the source lines error pages quote.
    HttpServer(const SiteState& state, std::filesystem::path root);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds to address:port (port 0: any free one); returns the port, or nullopt.
    std::optional<int> bind(const std::string& address, int port);
    // Serves until stop(); call from its own thread.
    void run();
    bool running() const;
    void stop();

private:
    const SiteState& state_;
    std::filesystem::path root_;
    std::string address_;
    int port_ = 0;
    std::unique_ptr<httplib::Server> http_;
};

}  // namespace planpack::serve
