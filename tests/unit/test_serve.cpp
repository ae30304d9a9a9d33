// The preview server's pieces that do not need a socket: which paths name site files,
// the reload script's injection, the error page, the site state and the source watcher.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "serve/error_page.hpp"
#include "serve/http.hpp"
#include "serve/live_reload.hpp"
#include "serve/site_state.hpp"
#include "serve/watch.hpp"

namespace unit_serve {

namespace fs = std::filesystem;
using namespace planpack;
using namespace planpack::serve;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("planpack-serve-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("site_key maps request paths to site files and refuses climbing out") {
    CHECK(site_key("/") == "index.html");
    CHECK(site_key("/plan/") == "plan/index.html");
    CHECK(site_key("/plan/intro.html") == "plan/intro.html");
    CHECK(site_key("/media/content/img/a.png") == "media/content/img/a.png");
    CHECK_FALSE(site_key("/../planpack.toml"));
    CHECK_FALSE(site_key("/plan/../../planpack.toml"));
    CHECK_FALSE(site_key("/./index.html"));
    CHECK_FALSE(site_key("//etc/passwd"));
    CHECK_FALSE(site_key("/plan//intro.html"));
    CHECK_FALSE(site_key("/..\\planpack.toml"));
    CHECK_FALSE(site_key(std::string("/a\0b", 4)));
    CHECK_FALSE(site_key("planpack.toml"));
    CHECK_FALSE(site_key(""));
}

TEST_CASE("only loopback names count as loopback") {
    CHECK(is_loopback("127.0.0.1"));
    CHECK(is_loopback("127.1.2.3"));
    CHECK(is_loopback("::1"));
    CHECK(is_loopback("localhost"));
    CHECK_FALSE(is_loopback("0.0.0.0"));
    CHECK_FALSE(is_loopback("192.168.1.10"));
    CHECK_FALSE(is_loopback("127.0.0.1.evil.example"));
}

TEST_CASE("the reload script goes before </body>, naming the generation") {
    const std::string page = "<html><body><p>x</p></body></html>";
    const std::string served = inject_reload(page, 7);
    CHECK(served == "<html><body><p>x</p><script src=\"/__planpack/reload.js\" data-generation=\"7\"></script>\n"
                    "</body></html>");
    CHECK(inject_reload("<p>no body</p>", 2).rfind("<p>no body</p><script", 0) == 0);
    CHECK(event(12) == "data: 12\n\n");
    CHECK(reload_script().find("/__planpack/events") != std::string::npos);
}

TEST_CASE("the error page quotes the source line with a caret under the column") {
    TempDir dir;
    write(dir.path / "content/intro.md", "+++\ntitle = \"Intro\"\norder = \"one\n+++\n");
    std::vector<Diagnostic> diags = {
        {Severity::error, {"content/intro.md", 3, 9}, "the string is not closed; add a \" at the end of the line"},
    };
    const std::string page = error_page(diags, dir.path, 4);
    CHECK(page.find("<code class=\"place\">content/intro.md:3:9</code>") != std::string::npos);
    CHECK(page.find("<p class=\"message\">the string is not closed</p>") != std::string::npos);
    CHECK(page.find("<p class=\"hint\">Hint: add a &quot; at the end of the line</p>") != std::string::npos);
    CHECK(page.find("3 | </span>order = &quot;one\n") != std::string::npos);
    CHECK(page.find("<span class=\"caret\">        ^</span>") != std::string::npos);
    CHECK(page.find("1 error in the sources") != std::string::npos);
    CHECK(page.find("data-generation=\"4\"") != std::string::npos);
    // The caret counts characters, not bytes.
    write(dir.path / "content/pound.md", "£12 x\n");
    CHECK(source_line(dir.path / "content/pound.md", 1) == "£12 x");
    const std::string pound = error_page({{Severity::error, {"content/pound.md", 1, 5}, "bad"}}, dir.path, 1);
    CHECK(pound.find("<span class=\"caret\">    ^</span>") != std::string::npos);
}

TEST_CASE("a new generation only when what pages show changes") {
    SiteState state;
    state.publish_pages({{"index.html", "a"}}, false);
    const auto first = state.current()->generation;
    state.publish_pages({{"index.html", "a"}}, false);
    CHECK(state.current()->generation == first);
    state.publish_pages({{"index.html", "b"}}, false, true);  // quiet
    CHECK(state.current()->generation == first);
    state.publish_errors({{Severity::error, {"content/a.md", 1, 1}, "bad"}});
    CHECK(state.current()->generation == first + 1);
    CHECK(state.current()->pages->at("index.html") == "b");  // kept for the assets
    state.publish_errors({{Severity::error, {"content/a.md", 1, 1}, "bad"}});
    CHECK(state.current()->generation == first + 1);
    state.publish_pages({{"index.html", "b"}}, false);  // fixed: same pages, but errors went
    CHECK(state.current()->generation == first + 2);
    CHECK(state.current()->errors.empty());
    CHECK(state.wait_for_change(first, std::chrono::milliseconds(1)) == first + 2);
}

TEST_CASE("the watcher reports a burst of writes once, and files in new folders") {
    TempDir dir;
    write(dir.path / "content/a.md", "a");
    write(dir.path / "planpack.toml", "x");
    std::string error;
    auto watcher = Watcher::open({dir.path / "content", dir.path / "data"}, {dir.path / "planpack.toml"}, error);
    REQUIRE(watcher);
    using std::chrono::milliseconds;
    CHECK(watcher->wait(milliseconds(50), milliseconds(10), milliseconds(10)).empty());
    write(dir.path / "content/a.md", "b");
    write(dir.path / "content/a.md", "c");
    // Quiet for 300 ms ends the burst (generous: a loaded machine may pause between writes).
    auto changed = watcher->wait(milliseconds(2000), milliseconds(300), milliseconds(300));
    CHECK(changed.count(dir.path / "content/a.md") == 1);
    CHECK(watcher->wait(milliseconds(50), milliseconds(10), milliseconds(10)).empty());
    // A neighbour of planpack.toml is not a source; planpack.toml is.
    write(dir.path / "site/index.html", "x");
    CHECK(watcher->wait(milliseconds(100), milliseconds(10), milliseconds(10)).empty());
    write(dir.path / "planpack.toml", "y");
    CHECK(watcher->wait(milliseconds(2000), milliseconds(10), milliseconds(10)).count(dir.path / "planpack.toml") == 1);
    // A folder made after the watch started is watched too.
    fs::create_directories(dir.path / "content/new");
    watcher->wait(milliseconds(2000), milliseconds(30), milliseconds(30));
    write(dir.path / "content/new/b.md", "b");
    CHECK(watcher->wait(milliseconds(2000), milliseconds(30), milliseconds(30)).count(dir.path / "content/new/b.md") == 1);
}

TEST_CASE("the watcher waits out a file still being written or removed, not a closed one") {
    TempDir dir;
    const fs::path a = dir.path / "content/a.md";
    write(a, "a");
    std::string error;
    auto watcher = Watcher::open({dir.path / "content"}, {}, error);
    REQUIRE(watcher);
    using std::chrono::milliseconds;
    using Clock = std::chrono::steady_clock;
    auto since = [](Clock::time_point t) { return std::chrono::duration_cast<milliseconds>(Clock::now() - t); };
    {   // Written, then closed 150 ms later: one batch, ending after the close.
        std::ofstream out(a, std::ios::binary);
        out << "half" << std::flush;
        std::thread closer([&] {
            std::this_thread::sleep_for(milliseconds(150));
            out << " and the rest";
            out.close();
        });
        const auto start = Clock::now();
        const auto changed = watcher->wait(milliseconds(5000), milliseconds(3000), milliseconds(1));
        const auto took = since(start);
        closer.join();
        CHECK(changed.count(a) == 1);
        CHECK(took >= milliseconds(150));  // not cut short while the file was open
        CHECK(took < milliseconds(2500));  // nor held for the long quiet once it was closed
        CHECK(watcher->wait(milliseconds(50), milliseconds(10), milliseconds(10)).empty());
    }
    {   // An editor's atomic save: a temporary file renamed over the section.
        write(dir.path / "content/.a.md.tmp", "saved");
        fs::rename(dir.path / "content/.a.md.tmp", a);
        const auto start = Clock::now();
        const auto changed = watcher->wait(milliseconds(5000), milliseconds(3000), milliseconds(1));
        CHECK(changed.count(a) == 1);
        CHECK(since(start) < milliseconds(2500));
    }
    {   // A file removed may be about to be replaced: the long quiet applies.
        fs::remove(a);
        const auto start = Clock::now();
        CHECK(watcher->wait(milliseconds(5000), milliseconds(300), milliseconds(1)).count(a) == 1);
        CHECK(since(start) >= milliseconds(300));
    }
}

}  // namespace unit_serve
