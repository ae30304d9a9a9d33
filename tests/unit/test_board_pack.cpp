// A board pack as a board pack: its [[document]] names the board's meeting, whose time and
// venue its cover prints; its items name a lead (a seat of the board) and a purpose. Each
// is read from a copy of the example, broken one way at a time, and every mistake is an
// error at the line and column where it is written.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/project.hpp"
#include "model/agenda.hpp"
#include "model/inline_text.hpp"
#include "transform/transforms.hpp"

namespace unit_board_pack {

namespace fs = std::filesystem;
using namespace planpack;

namespace {

// The example's planpack.toml, content/ and data/ in a folder of their own.
struct Example {
    fs::path root;
    Example() {
        root = fs::temp_directory_path() / ("planpack-board-pack-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root);
        for (const char* entry : {"planpack.toml", "content", "data", "meetings"})
            if (fs::exists(fs::path(PLANPACK_SOURCE_DIR) / entry))
                fs::copy(fs::path(PLANPACK_SOURCE_DIR) / entry, root / entry, fs::copy_options::recursive);
    }
    ~Example() { fs::remove_all(root); }
    Example(const Example&) = delete;
    Example& operator=(const Example&) = delete;

    // Replaces the first `from` in the file with `to`; returns "FILE:LINE:COL" of where
    // `to` starts plus `at` characters (the value a message points at).
    std::string replace(const std::string& rel, const std::string& from, const std::string& to, size_t at = 0) {
        std::ifstream in(root / rel, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        const size_t i = text.find(from);
        REQUIRE_MESSAGE(i != std::string::npos, rel << " has no '" << from << "'");
        text.replace(i, from.size(), to);
        std::ofstream(root / rel, std::ios::binary) << text;
        const size_t p = i + at;
        const size_t line_start = text.rfind('\n', p - 1);
        const long line = std::count(text.begin(), text.begin() + static_cast<long>(p), '\n') + 1;
        const size_t col = p - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
        return rel + ":" + std::to_string(line) + ":" + std::to_string(col);
    }

    // The errors a load reports, formatted as the CLI prints them.
    std::vector<std::string> errors(std::optional<load::Project>* out = nullptr) const {
        Diagnostics d;
        auto project = load::load_project(root, d);
        std::vector<std::string> list;
        for (const auto& x : d.all())
            if (x.severity == Severity::error) list.push_back(format(x));
        if (out) *out = std::move(project);
        return list;
    }
};

const model::Document& pack_of(const load::Project& p) {
    for (const auto& d : p.documents)
        if (d.id == "board-pack-2023-10") return d;
    FAIL("the example has no board pack");
    return p.documents.front();
}

std::string only(const std::vector<std::string>& errors) {
    REQUIRE_MESSAGE(errors.size() == 1, doctest::toString(errors.size()) << " errors");
    return errors.front();
}

// The example with one fault (the first `from` in file replaced by `to`): the message of
// the one error it gives, which must point `at` characters into `to`.
std::string fault(const std::string& file, const std::string& from, const std::string& to, size_t at) {
    Example ex;
    const std::string where = ex.replace(file, from, to, at) + ": error: ";
    const std::string e = only(ex.errors());
    REQUIRE_MESSAGE(e.rfind(where, 0) == 0, e << " is not at " << where);
    return e.substr(where.size());
}

}  // namespace

TEST_SUITE("board pack") {
TEST_CASE("the example's pack reads its meeting, and its items' leads by role and purposes") {
    Example ex;
    std::optional<load::Project> project;
    CHECK(ex.errors(&project).empty());
    REQUIRE(project);
    const model::Document& pack = pack_of(*project);
    REQUIRE(pack.meeting);
    CHECK(pack.meeting->board == "Youth Justice Executive Board");
    CHECK(model::format_meeting_date(pack.meeting->date) == "Thursday 19 October 2023");
    REQUIRE(pack.meeting->time);
    CHECK(model::format_time(*pack.meeting->time) == "10.00 am");
    CHECK(pack.meeting->venue == "Blackpool Town Hall");
    bool minutes = false;
    for (const auto& s : pack.sections)
        if (s.id == "minutes") {
            minutes = true;
            CHECK(s.lead == "Independent Chair");
            CHECK(s.purpose == model::Purpose::decision);
        }
    CHECK(minutes);
    // The cover's facts: the meeting, not a plan period.
    std::vector<std::string> labels;
    for (const auto& [label, value] : model::cover_details(pack)) labels.push_back(label);
    CHECK(labels == std::vector<std::string>{"Meeting of", "Date", "Time", "Venue", "Published"});
}

TEST_CASE("a time that is not HH:MM on the 24-hour clock is an error at its value") {
    for (const std::string bad : {"25:00", "10.00", "9:30", "10:60", "10am"})
        CHECK(fault("data/board.toml", "time = \"10:00\"", "time = \"" + bad + "\"", 7) ==
              "time '" + bad + "' is not a time of day on the 24-hour clock; write it as HH:MM, such as "
                               "\"10:00\" or \"18:30\"");
}

TEST_CASE("a meeting the board does not have is an error with the nearest id") {
    CHECK(fault("planpack.toml", "meeting = \"2023-10\"", "meeting = \"2O23-10\"", 10) ==
          "meeting '2O23-10' is not a [[meeting]] of data/board.toml (did you mean '2023-10'?)");
}

TEST_CASE("only a board pack names a meeting") {
    CHECK(fault("planpack.toml", "published = 2023-06-26\n", "published = 2023-06-26\nmeeting = \"2023-10\"\n",
                23 + 10) == "only a board pack names a meeting (kind = \"board_pack\"); this document is annual_plan");
}

TEST_CASE("a lead that is not a seat of the board is an error with the nearest id") {
    CHECK(fault("content/board-pack-2023-10/02-minutes.md", "lead = \"independent-chair\"",
                "lead = \"independant-chair\"", 7) ==
          "lead 'independant-chair' is not a [[seat]] of data/board.toml (did you mean 'independent-chair'?)");
}

TEST_CASE("a purpose outside decision, discussion and information is an error with the nearest word") {
    CHECK(fault("content/board-pack-2023-10/04-performance.md", "purpose = \"information\"",
                "purpose = \"infromation\"", 10) ==
          "purpose must be \"decision\", \"discussion\" or \"information\", not \"infromation\" (did you "
          "mean 'information'?)");
}

TEST_CASE("lead and purpose belong to a board pack's items") {
    CHECK(fault("content/01-introduction.md", "+++\n", "+++\nlead = \"independent-chair\"\n", 4 + 7) ==
          "lead, purpose and duration are printed on a board pack's agenda; document 'youth-justice-plan-2023-24' "
          "is annual_plan, so delete them from this file's front matter");
    CHECK(fault("content/01-introduction.md", "+++\n", "+++\nduration = 10\n", 4 + 11) ==
          "lead, purpose and duration are printed on a board pack's agenda; document 'youth-justice-plan-2023-24' "
          "is annual_plan, so delete them from this file's front matter");
}

TEST_CASE("a duration is whole minutes from 1 to 480") {
    CHECK(fault("content/board-pack-2023-10/04-performance.md", "duration = 20", "duration = 0", 11) ==
          "duration is the item's time on the agenda in whole minutes, from 1 to 480, not 0");
}

TEST_CASE("the agenda lists every item with its lead, purpose and, in print, its page") {
    Example ex;
    std::optional<load::Project> project;
    ex.errors(&project);
    REQUIRE(project);
    model::Document pack = pack_of(*project);
    for (size_t i = 0; i < pack.sections.size(); ++i) pack.sections[i].number = static_cast<int>(i + 1);
    const model::Table web = model::agenda_table(pack);
    CHECK(web.head.at(0).cells.size() == 5);  // with Time: the example's items give durations
    const model::Table print = model::agenda_table(pack, [](const model::Section& s) { return std::to_string(s.order * 2); });
    REQUIRE(print.body.size() == pack.sections.size());
    const auto& row = print.body.at(1).cells;
    CHECK(model::plain_text(row.at(0).content) == "2");
    CHECK(model::plain_text(row.at(2).content) == "Independent Chair");
    CHECK(model::plain_text(row.at(3).content) == "For decision");
    CHECK(model::plain_text(row.at(4).content) == "10.05 am, 10 minutes");
    CHECK(model::plain_text(row.at(5).content) == "4");
    CHECK(model::plain_text(print.caption) == "Items for the meeting on Thursday 19 October 2023");
}

TEST_CASE("the last meeting's minutes are bound in after the item that asks the board to agree them") {
    Example ex;
    std::optional<load::Project> project;
    CHECK(ex.errors(&project).empty());
    REQUIRE(project);
    model::Document pack = pack_of(*project);
    transform::number_sections(pack);
    REQUIRE(pack.sections.size() == 8);
    CHECK(pack.sections[1].id == "minutes");
    const model::Section& minutes = pack.sections[2];
    CHECK(minutes.id == "minutes-2023-07");
    CHECK(minutes.enclosure);
    CHECK(minutes.title == "Minutes of the meeting on 20 July 2023");
    CHECK(minutes.source.file == "data/minutes/board-2023-07.md");
    CHECK(!minutes.blocks.empty());
    // Lettered by its item and unnumbered; the items after it keep their numbers.
    CHECK(model::label(minutes) == "2(a)");
    CHECK(model::section_heading(minutes) == "Minutes of the meeting on 20 July 2023");
    CHECK(pack.sections[3].number == 3);
    const model::Table agenda = model::agenda_table(pack);
    CHECK(model::plain_text(agenda.body.at(2).cells.at(0).content) == "2(a)");
    CHECK(model::plain_text(agenda.body.at(2).cells.at(2).content).empty());  // no lead of its own
}

TEST_CASE("minutes that do not exist are an error at the line that names them") {
    CHECK(fault("data/board.toml", "minutes = \"minutes/board-2023-07.md\"",
                "minutes = \"minutes/board-2023-7.md\"", 10) ==
          "no file data/minutes/board-2023-7.md for the minutes of meeting '2023-07': write them there as "
          "Markdown, or correct the path (it is written from data/), or delete this line until they are written");
    CHECK(fault("data/board.toml", "minutes = \"minutes/board-2023-07.md\"", "minutes = \"../board-2023-07.md\"",
                10) == "minutes = \"../board-2023-07.md\" must be a path inside data/, written from there, such as "
                       "\"minutes/board-2023-07.md\"");
}

TEST_CASE("an item binds the minutes of an earlier meeting of the board that has them") {
    const std::string item = "content/board-pack-2023-10/02-minutes.md";
    CHECK(fault(item, "minutes = \"2023-07\"", "minutes = \"2023-7\"", 10) ==
          "minutes = \"2023-7\" is not a [[meeting]] of data/board.toml (did you mean '2023-07'?)");
    CHECK(fault(item, "minutes = \"2023-07\"", "minutes = \"2023-10\"", 10) ==
          "minutes = \"2023-10\" names a meeting held on or after this pack's own (2023-10); name an earlier "
          "meeting, whose minutes this one agrees");
    CHECK(fault(item, "minutes = \"2023-07\"", "minutes = \"2023-04\"", 10).rfind(
              "meeting '2023-04' has no minutes to bind in: write them as Markdown in data/ and add minutes = "
              "\"minutes/board-2023-04.md\" to its [[meeting]] in data/board.toml (line ", 0) == 0);
}

TEST_CASE("the agenda times each item from the meeting's start and the durations before it") {
    Example ex;
    std::optional<load::Project> project;
    ex.errors(&project);
    REQUIRE(project);
    model::Document pack = pack_of(*project);
    auto times = [&] {
        std::vector<std::string> out;
        for (const auto& r : model::agenda_table(pack).body) out.push_back(model::plain_text(r.cells.at(4).content));
        return out;
    };
    REQUIRE(pack.sections.size() == 8);  // seven items and the minutes bound in after the second
    CHECK(times().at(0) == "10.00 am, 5 minutes");
    CHECK(times().at(2).empty());  // the minutes are read in their item's time
    CHECK(times().at(3) == "10.15 am, 25 minutes");
    CHECK(times().at(7) == "11.30 am, 10 minutes");
    // An item of unknown length: its start is known, those after it only their durations.
    pack.sections[3].duration = 0;
    CHECK(times().at(3) == "10.15 am");
    CHECK(times().at(4) == "20 minutes");
    // No meeting time: durations alone; no durations at all: no Time column.
    pack.meeting->time.reset();
    CHECK(times().at(0) == "5 minutes");
    for (auto& s : pack.sections) s.duration = 0;
    CHECK(model::agenda_table(pack).head.at(0).cells.size() == 4);
}
}

}  // namespace unit_board_pack
