// A board of 200 seats and 60 meetings: its attendance grid (with rates, quorum and the
// statutory measure) built to HTML, PDF and XLSX through the real pipeline. Target: < 0.5 s.
//   cmake --build build --target board_bench && ./build/board_bench
#include "bench_util.hpp"

using namespace planpack;

int main() {
    bench::TempTree tree("board");
    tree.write("planpack.toml", bench::config("Bench board"));
    tree.write("content/appendix-board.md",
               "+++\ndocument = \"plan\"\nkind = \"appendix\"\norder = 1\nlandscape = true\n"
               "title = \"Board attendance\"\n+++\n\n```planpack attendance-grid\nboard = \"board\"\n```\n");
    const int seats = 200, meetings = 60;
    const char* statutory[] = {"police", "probation", "health", "education", "social_care"};
    std::string toml = "schema = \"board/1\"\n\n[board]\ntitle = \"Bench board\"\nattendance = \"grid\"\n\n"
                       "[board.quorum]\nmembers = 40\nstatutory_partners = 3\n\n";
    for (int m = 0; m < meetings; ++m) {
        const int year = 2019 + m / 12, month = m % 12 + 1;
        toml += "[[meeting]]\nid = \"m" + std::to_string(m) + "\"\ndate = " + std::to_string(year) + "-" +
                (month < 10 ? "0" : "") + std::to_string(month) + "-15\n\n";
    }
    std::string csv = "seat";
    for (int m = 0; m < meetings; ++m) csv += ",m" + std::to_string(m);
    csv += "\n";
    const char* marks[] = {"\u2713", "Y", "A", "D", "X", "V", "-", "\u2713"};
    for (int s = 0; s < seats; ++s) {
        toml += "[[seat]]\nid = \"s" + std::to_string(s) + "\"\nagency = \"Agency " + std::to_string(s % 23) +
                "\"\nrole = \"Member for area " + std::to_string(s) + "\"\n";
        if (s < 10) toml += "statutory = \"" + std::string(statutory[s % 5]) + "\"\n";
        toml += "\n";
        csv += "s" + std::to_string(s);
        for (int m = 0; m < meetings; ++m) csv += std::string(",") + marks[(s * 7 + m * 3) % 8];
        csv += "\n";
    }
    tree.write("data/board.toml", toml);
    tree.write("data/grid.csv", csv);
    std::printf("generated: %d seats x %d meetings\n", seats, meetings);
    return bench::time_build(tree, {output::Format::html, output::Format::pdf, output::Format::xlsx}, 5, "200-seat, 60-meeting board");
}
