#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/output_tree.hpp"

namespace unit_publish {

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
    REQUIRE(output::publish({{"a.html", "one"}, {"old/stale.html", "x"}}, site, tmp.path / "sources", d));
    REQUIRE(output::publish({{"a.html", "two"}, {"b/c.html", "three"}}, site, tmp.path / "sources", d));
    CHECK(slurp(site / "a.html") == "two");
    CHECK(slurp(site / "b/c.html") == "three");
    CHECK_FALSE(fs::exists(site / "old/stale.html"));
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path)) ++entries;
    CHECK(entries == 1);  // no staging or retired directory left behind
    CHECK(fs::exists(site / ".planpack-site"));
}

TEST_CASE("a rebuild keeps each unchanged file's inode and time, and writes changed ones anew") {
    TempDir tmp;
    const fs::path site = tmp.path / "site";
    Diagnostics d;
    REQUIRE(output::publish({{"same.html", "kept"}, {"b/same.html", "kept too"}, {"changed.html", "old"},
                             {"edited.html", "as built"}},
                            site, tmp.path / "sources", d));
    std::ofstream(site / "edited.html", std::ios::trunc) << "edited by hand";
    auto stat_of = [](const fs::path& p) {
        struct stat st {};
        REQUIRE(::stat(p.c_str(), &st) == 0);
        return st;
    };
    const auto same = stat_of(site / "same.html"), nested = stat_of(site / "b/same.html"),
               changed = stat_of(site / "changed.html"), edited = stat_of(site / "edited.html");
    REQUIRE(output::publish({{"same.html", "kept"}, {"b/same.html", "kept too"}, {"changed.html", "new"},
                             {"edited.html", "as built"}},
                            site, tmp.path / "sources", d));
    CHECK(stat_of(site / "same.html").st_ino == same.st_ino);
    CHECK(stat_of(site / "same.html").st_mtim.tv_nsec == same.st_mtim.tv_nsec);
    CHECK(stat_of(site / "same.html").st_nlink == 1);  // the old tree is gone
    CHECK(stat_of(site / "b/same.html").st_ino == nested.st_ino);
    CHECK(stat_of(site / "changed.html").st_ino != changed.st_ino);
    CHECK(slurp(site / "changed.html") == "new");
    // The old file no longer holds what the build would write: never reused.
    CHECK(stat_of(site / "edited.html").st_ino != edited.st_ino);
    CHECK(slurp(site / "edited.html") == "as built");
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("never replaces the sources, nor a directory planpack did not write") {
    TempDir tmp;
    fs::create_directories(tmp.path / "svc" / "content");
    std::ofstream(tmp.path / "svc" / "planpack.toml") << "x";
    Diagnostics d;
    CHECK_FALSE(output::publish({{"index.html", "x"}}, tmp.path / "svc", tmp.path / "svc", d));
    CHECK_FALSE(output::publish({{"index.html", "x"}}, tmp.path, tmp.path / "svc", d));
    CHECK(fs::exists(tmp.path / "svc" / "planpack.toml"));
    fs::create_directories(tmp.path / "docs");
    std::ofstream(tmp.path / "docs" / "mine.txt") << "keep";
    CHECK_FALSE(output::publish({{"index.html", "x"}}, tmp.path / "docs", tmp.path / "svc", d));
    CHECK(slurp(tmp.path / "docs" / "mine.txt") == "keep");
    REQUIRE(d.all().size() == 3);
    CHECK(d.all()[2].message.rfind("refusing to replace a directory planpack did not write", 0) == 0);
    // A trailing separator names the same directory.
    Diagnostics ok;
    CHECK(output::publish({{"index.html", "1"}}, (tmp.path / "site").string() + "/", tmp.path / "svc", ok));
    CHECK(output::publish({{"index.html", "2"}}, (tmp.path / "site").string() + "/", tmp.path / "svc", ok));
    CHECK(slurp(tmp.path / "site" / "index.html") == "2");
}

TEST_CASE("a failed write leaves the previous site as it was") {
    TempDir tmp;
    const fs::path site = tmp.path / "site";
    Diagnostics d;
    REQUIRE(output::publish({{"index.html", "good"}}, site, tmp.path / "sources", d));
    // A path that cannot be a file: "index.html/x" needs index.html to be a directory
    // while "index.html" is also written as a file.
    Diagnostics d2;
    CHECK_FALSE(output::publish({{"index.html", "bad"}, {"index.html/x", "y"}}, site, tmp.path / "sources", d2));
    CHECK(d2.has_errors());
    CHECK(slurp(site / "index.html") == "good");
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path)) ++entries;
    CHECK(entries == 1);
}
}

}  // namespace unit_publish
