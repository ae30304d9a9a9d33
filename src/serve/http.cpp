#include "serve/http.hpp"

#include <arpa/inet.h>

#include <httplib.h>

#include <algorithm>
#include <array>

#include "model/paths.hpp"
#include "serve/error_page.hpp"
#include "serve/live_reload.hpp"

namespace planpack::serve {

namespace {

constexpr size_t kMaxBody = 1024;            // a preview takes no uploads
constexpr auto kPrintWait = std::chrono::seconds(120);  // a PDF request waits for its build
constexpr auto kKeepAlive = std::chrono::seconds(5);  // a comment on an idle event stream, which
                                                       // also finds streams whose page has gone

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// What planpack writes as text is UTF-8; the header says so, so a browser need not guess.
std::string content_type(const std::string& key) {
    std::string type = model::media_type(key);
    if (type.starts_with("text/")) type += "; charset=utf-8";
    return type;
}

// What the background makes with the PDFs: the PDFs and workbooks, and the calendars,
// feeds and open data (which list and fingerprint the PDFs).
bool printed_kind(const std::string& key) {
    return ends_with(key, ".pdf") || ends_with(key, ".xlsx") || ends_with(key, ".ics") || ends_with(key, ".atom") ||
           key.rfind(model::open_data_path(""), 0) == 0;
}

const std::string* find(const std::shared_ptr<const output::OutputTree>& tree, const std::string& key) {
    if (!tree) return nullptr;
    auto it = tree->find(key);
    return it == tree->end() ? nullptr : &it->second;
}

// The host part of a Host header: "localhost:8080" -> "localhost", "[::1]:80" -> "::1".
std::string host_of(const std::string& header) {
    if (!header.empty() && header[0] == '[') return header.substr(1, header.find(']') - 1);
    return header.substr(0, header.find(':'));
}

std::string not_found_page(const std::string& path, std::uint64_t generation) {
    (void)path;
    return inject_reload(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><meta charset=\"utf-8\"><title>Not found</title></head>\n"
        "<body><main><h1>Not found</h1><p>There is no such page in this site. "
        "<a href=\"/\">Go to the home page</a>.</p></main></body>\n</html>\n",
        generation);
}

}  // namespace

std::optional<std::string> site_key(const std::string& path) {
    if (path.empty() || path[0] != '/') return std::nullopt;
    std::string key;
    size_t start = 1;
    while (start < path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        const std::string segment = path.substr(start, slash - start);
        if (segment.empty() || segment == "." || segment == ".." ||
            segment.find_first_of(std::string("\\\0", 2)) != std::string::npos)
            return std::nullopt;
        if (!key.empty()) key += '/';
        key += segment;
        start = slash + 1;
    }
    // A folder's URL is its index page, as on any web server.
    if (path.back() == '/') key = key.empty() ? model::home_path() : model::file_path(key, model::home_path());
    return key;
}

bool is_loopback(const std::string& address) {
    // 127.0.0.0/8 as an address, never a name that merely starts like one.
    in_addr v4{};
    if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    return address == "localhost" || address == "::1";
}

HttpServer::HttpServer(const SiteState& state, std::filesystem::path root)
    : state_(state), root_(std::move(root)), http_(std::make_unique<httplib::Server>()) {
    auto& http = *http_;
    http.set_payload_max_length(kMaxBody);
    http.set_read_timeout(5, 0);
    http.set_write_timeout(5, 0);
    http.set_keep_alive_timeout(5);
    // Each open page holds one connection for its event stream.
    http.new_task_queue = [] { return new httplib::ThreadPool(32); };
    http.set_default_headers({{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});

    // A page on another site can make a browser ask for a name that resolves to this
    // machine (DNS rebinding); a loopback server answers only to loopback names.
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!is_loopback(address_)) return httplib::Server::HandlerResponse::Unhandled;
        const std::string host = host_of(req.get_header_value("Host"));
        if (is_loopback(host) || host == address_) return httplib::Server::HandlerResponse::Unhandled;
        res.status = 421;
        res.set_content("This preview answers only to localhost.\n", "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    });

    http.Get(kScriptPath, [](const httplib::Request&, httplib::Response& res) {
        res.set_content(reload_script(), "text/javascript; charset=utf-8");
    });

    http.Get(kEventsPath, [this](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, sent = std::optional<std::uint64_t>()](size_t, httplib::DataSink& sink) mutable {
                if (state_.stopped()) return false;
                const std::uint64_t now =
                    sent ? state_.wait_for_change(*sent, kKeepAlive) : state_.current()->generation;
                if (state_.stopped()) return false;
                const std::string message = sent && now == *sent ? std::string(": waiting\n\n") : event(now);
                sent = now;
                return sink.write(message.data(), message.size());
            });
    });

    http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
        auto snapshot = state_.current();
        const auto key = site_key(req.path);
        if (!key) {
            res.status = 404;
            res.set_content(not_found_page(req.path, snapshot->generation), "text/html; charset=utf-8");
            return;
        }
        // While the sources do not build, every page is the list of errors: never a stale page.
        if (!snapshot->errors.empty() && (ends_with(*key, ".html") || !find(snapshot->pages, *key))) {
            res.status = 500;
            res.set_content(error_page(snapshot->errors, root_, snapshot->generation), "text/html; charset=utf-8");
            return;
        }
        const std::string* bytes = find(snapshot->pages, *key);
        if (!bytes && printed_kind(*key)) {
            if (snapshot->printing) snapshot = state_.wait_for_printed(kPrintWait);
            bytes = find(snapshot->printed, *key);
        }
        if (!bytes && find(snapshot->pages, model::file_path(*key, model::home_path()))) {
            res.set_redirect(req.path + "/", 301);
            return;
        }
        if (!bytes) {
            res.status = 404;
            res.set_content(not_found_page(req.path, snapshot->generation), "text/html; charset=utf-8");
            return;
        }
        if (ends_with(*key, ".html"))
            res.set_content(inject_reload(*bytes, snapshot->generation), content_type(*key));
        else
            res.set_content(*bytes, content_type(*key));
    });

    // Nothing can be changed through the preview.
    auto refuse = [](const httplib::Request&, httplib::Response& res) { res.status = 405; };
    http.Post(".*", refuse);
    http.Put(".*", refuse);
    http.Delete(".*", refuse);
    http.Patch(".*", refuse);
}

HttpServer::~HttpServer() = default;

std::optional<int> HttpServer::bind(const std::string& address, int port) {
    address_ = address;
    if (port == 0) {
        const int bound = http_->bind_to_any_port(address);
        if (bound <= 0) return std::nullopt;
        port_ = bound;
    } else {
        if (!http_->bind_to_port(address, port)) return std::nullopt;
        port_ = port;
    }
    return port_;
}

void HttpServer::run() { http_->listen_after_bind(); }

bool HttpServer::running() const { return http_->is_running(); }

void HttpServer::stop() { http_->stop(); }

}  // namespace planpack::serve
