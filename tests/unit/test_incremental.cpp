// Incremental rebuilds give exactly the pages a full build gives, after every kind of
// edit a writer makes, and redo only what the edit touched.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "incremental/rebuild.hpp"

namespace unit_incremental {

namespace fs = std::filesystem;
using namespace planpack;

namespace {

struct Copy {
    fs::path root;
    Copy() {
        root = fs::temp_directory_path() / ("planpack-incremental-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root);
        for (const char* entry : {"planpack.toml", "content", "data", "meetings"})
            if (fs::exists(fs::path(PLANPACK_SOURCE_DIR) / entry))
                fs::copy(fs::path(PLANPACK_SOURCE_DIR) / entry, root / entry, fs::copy_options::recursive);
    }
    ~Copy() { fs::remove_all(root); }
    std::string read(const std::string& rel) const {
        std::ifstream in(root / rel, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    void write(const std::string& rel, const std::string& text) const {
        std::ofstream(root / rel, std::ios::binary) << text;
    }
};

pipeline::Settings settings(const fs::path& root) {
    pipeline::Settings s;
    s.root = root;
    s.templates = fs::path(PLANPACK_SOURCE_DIR) / "templates";
    return s;
}

// A full build from nothing, as `planpack build --format html` makes it.
output::OutputTree full(const fs::path& root) {
    incremental::Rebuilder fresh(settings(root));
    auto r = fresh.build({});
    REQUIRE_MESSAGE(!r.diags.has_errors(), "the full build failed");
    return r.pages;
}

// The paths whose bytes differ, for a readable failure.
std::string differences(const output::OutputTree& a, const output::OutputTree& b) {
    std::string out;
    for (const auto& [path, bytes] : a)
        if (!b.count(path) || b.at(path) != bytes) out += path + " ";
    for (const auto& [path, _] : b)
        if (!a.count(path)) out += path + "(only in full) ";
    return out;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("incremental rebuilds are byte-identical to full builds after edits") {
    Copy copy;
    incremental::Rebuilder rebuilder(settings(copy.root));
    auto first = rebuilder.build({});
    REQUIRE(!first.diags.has_errors());
    CHECK(first.full);
    CHECK(first.pages == full(copy.root));

    const std::string intro = "content/01-introduction.md", context = "content/02-local-context.md";
    const std::string original = copy.read(intro);

    SUBCASE("a paragraph: one file parsed, one page rendered") {
        copy.write(intro, replace(original, "I am pleased to introduce",
                                  "A new sentence for the test. I am pleased to introduce"));
        auto r = rebuilder.build({copy.root / intro});
        REQUIRE(!r.diags.has_errors());
        CHECK_FALSE(r.full);
        CHECK(r.parsed == 1);
        CHECK(r.rendered == 1);
        CHECK(r.predicted.count("youth-justice-plan-2023-24/index.html") == 1);  // its contents page
        const auto expected = full(copy.root);
        CHECK_MESSAGE(r.pages == expected, differences(r.pages, expected));
    }
    SUBCASE("a title: its neighbours' links and the cross-references to it change too") {
        copy.write(context, replace(copy.read(context), "title = \"Local context\"", "title = \"Our town\""));
        auto r = rebuilder.build({copy.root / context});
        REQUIRE(!r.diags.has_errors());
        CHECK(r.parsed == 1);
        CHECK(r.rendered >= 3);  // the section and its previous and next pages
        const auto expected = full(copy.root);
        CHECK_MESSAGE(r.pages == expected, differences(r.pages, expected));
    }
    SUBCASE("a new section and a removed one change the navigation") {
        const std::string added = "content/50-new.md";
        copy.write(added, "+++\ndocument = \"youth-justice-plan-2023-24\"\norder = 50\n"
                          "title = \"A new section\"\n+++\n\nNew text.\n");
        auto r = rebuilder.build({copy.root / added});
        REQUIRE(!r.diags.has_errors());
        CHECK_FALSE(r.full);
        CHECK(r.parsed == 1);
        const auto expected = full(copy.root);
        CHECK_MESSAGE(r.pages == expected, differences(r.pages, expected));
        fs::remove(copy.root / added);
        auto back = rebuilder.build({copy.root / added});
        REQUIRE(!back.diags.has_errors());
        CHECK(back.parsed == 0);
        CHECK_MESSAGE(back.pages == first.pages, differences(back.pages, first.pages));
    }
    SUBCASE("an edit of the same size within the same tick still counts when the watcher names it") {
        const auto when = fs::last_write_time(copy.root / intro);
        const std::string same_size = replace(original, "I am pleased to introduce", "I am PLEASED to introduce");
        REQUIRE(same_size.size() == original.size());
        copy.write(intro, same_size);
        fs::last_write_time(copy.root / intro, when);
        auto r = rebuilder.build({copy.root / intro});
        REQUIRE(!r.diags.has_errors());
        CHECK(r.parsed == 1);
        const auto expected = full(copy.root);
        CHECK_MESSAGE(r.pages == expected, differences(r.pages, expected));
        // Named again but not changed: read and compared, not parsed.
        auto again = rebuilder.build({copy.root / intro});
        CHECK(again.parsed == 0);
        CHECK(again.pages == expected);
    }
    SUBCASE("a content file the watcher did not name is not looked at") {
        // The preview's watcher names every save; a file it did not name is as last read,
        // so a rebuild need not stat a thousand sections.
        copy.write(intro, replace(original, "I am pleased to introduce", "Unseen. I am pleased to introduce"));
        copy.write(context, copy.read(context) + "\nA line the watcher saw.\n");
        auto r = rebuilder.build({copy.root / context});
        REQUIRE(!r.diags.has_errors());
        CHECK(r.parsed == 1);
        CHECK(r.pages.at("youth-justice-plan-2023-24/introduction.html") ==
              first.pages.at("youth-justice-plan-2023-24/introduction.html"));
        auto named = rebuilder.build({copy.root / intro});
        CHECK(named.parsed == 1);
        const auto expected = full(copy.root);
        CHECK_MESSAGE(named.pages == expected, differences(named.pages, expected));
    }
    SUBCASE("an error, then the fix") {
        copy.write(intro, replace(original, "order = 1", "order = \"one"));
        auto broken = rebuilder.build({copy.root / intro});
        CHECK(broken.diags.has_errors());
        copy.write(intro, original);
        auto fixed = rebuilder.build({copy.root / intro});
        REQUIRE(!fixed.diags.has_errors());
        CHECK(fixed.pages == first.pages);
    }
    SUBCASE("a data file rebuilds everything") {
        auto r = rebuilder.build({copy.root / "data/budget.csv"});
        CHECK(r.full);
        CHECK(r.pages == first.pages);
    }
}

}  // namespace unit_incremental
