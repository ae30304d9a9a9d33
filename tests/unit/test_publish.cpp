#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/output_tree.hpp"

using namespace planpack;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("planpack-publish-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_SUITE("publish") {
TEST_CASE("replaces the whole directory, dropping stale files") {
    TempDir tmp;
    const fs::path site = tmp.path / "site";
    Diagnostics d;
    REQUIRE(output::publish({{"a.html", "one"}, {"old/stale.html", "x"}}, site, d));
    REQUIRE(output::publish({{"a.html", "two"}, {"b/c.html", "three"}}, site, d));
    CHECK(slurp(site / "a.html") == "two");
    CHECK(slurp(site / "b/c.html") == "three");
    CHECK_FALSE(fs::exists(site / "old/stale.html"));
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path)) ++entries;
    CHECK(entries == 1);  // no staging or retired directory left behind
}

TEST_CASE("a failed write leaves the previous site as it was") {
    TempDir tmp;
    const fs::path site = tmp.path / "site";
    Diagnostics d;
    REQUIRE(output::publish({{"index.html", "good"}}, site, d));
    // A path that cannot be a file: "index.html/x" needs index.html to be a directory
    // while "index.html" is also written as a file.
    Diagnostics d2;
    CHECK_FALSE(output::publish({{"index.html", "bad"}, {"index.html/x", "y"}}, site, d2));
    CHECK(d2.has_errors());
    CHECK(slurp(site / "index.html") == "good");
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path)) ++entries;
    CHECK(entries == 1);
}
}
