#include "transform/directives/board_formulas.hpp"

#include "diag/concat.hpp"

namespace planpack::transform::directives {

namespace {

using data::Presence;
using model::CellRange;

constexpr size_t first_meeting_column = 2;

std::string ref(size_t n) { return "{" + std::to_string(n) + "}"; }

std::string countif(const std::string& range, Presence p) {
    return concat("COUNTIF(", range, ",\"", data::label(p), "\")");
}

// Cells that count as present (data::present), and as expected (data::expected).
std::string present_in(const std::string& range) {
    return countif(range, Presence::attended) + "+" + countif(range, Presence::deputy);
}
std::string expected_in(const std::string& range) {
    return concat(present_in(range), "+", countif(range, Presence::apologies), "+",
                  countif(range, Presence::absent));
}

std::variant<double, std::string> cached(const data::Rate& r) {
    if (auto v = r.value()) return *v;
    return std::string("Not applicable");
}

// present / expected over one block of the grid, "Not applicable" when nothing is expected.
model::Formula rate_over(CellRange range, const data::Rate& r) {
    return {concat("IFERROR((", present_in(ref(0)), ")/(", expected_in(ref(0)), "),\"Not applicable\")"),
            {std::move(range)},
            cached(r)};
}

CellRange meetings_of(const data::Board& b, const std::string& grid, size_t seat, size_t last_seat) {
    return {grid, CellRange::Part::body, seat, first_meeting_column, last_seat,
            first_meeting_column + b.meetings.size() - 1};
}

std::vector<size_t> seats_of(const data::Board& b, data::Statutory k) {
    std::vector<size_t> out;
    for (size_t s = 0; s < b.seats.size(); ++s)
        if (b.seats[s].statutory == k) out.push_back(s);
    return out;
}

// "(A="Attended")+(A="Deputy attended")+(B=...)": non-zero where any of the ranges
// first..first+n-1 holds a present seat.
std::string any_present(size_t first, size_t n) {
    std::string out;
    for (size_t i = first; i < first + n; ++i)
        for (Presence p : {Presence::attended, Presence::deputy})
            out += concat(out.empty() ? "" : "+", "(", ref(i), "=\"", data::label(p), "\")");
    return out;
}

// Meetings at which partner k was represented: its seats' rows as ranges from `first` on.
std::string represented_count(size_t first, size_t n) {
    return concat("SUMPRODUCT(--((", any_present(first, n), ")>0))");
}

}  // namespace

model::Formula seat_rate_formula(const data::Board& b, const std::string& grid, size_t seat) {
    return rate_over(meetings_of(b, grid, seat, seat), data::seat_rate(b, seat));
}

model::Formula meeting_rate_formula(const data::Board& b, const std::string& grid, size_t meeting) {
    const size_t col = first_meeting_column + meeting;
    return rate_over({grid, CellRange::Part::body, 0, col, b.seats.size() - 1, col}, data::meeting_rate(b, meeting));
}

model::Formula overall_rate_formula(const data::Board& b, const std::string& grid) {
    data::Rate overall;
    for (size_t m = 0; m < b.meetings.size(); ++m) {
        const data::Rate r = data::meeting_rate(b, m);
        overall.present += r.present;
        overall.expected += r.expected;
    }
    return rate_over(meetings_of(b, grid, 0, b.seats.size() - 1), overall);
}

model::Formula quorate_formula(const data::Board& b, const std::string& grid, size_t meeting) {
    const size_t col = first_meeting_column + meeting;
    model::Formula f;
    f.ranges.push_back({grid, CellRange::Part::body, 0, col, b.seats.size() - 1, col});
    std::string partners = "0";
    for (data::Statutory k : data::all_statutory) {
        const auto seats = seats_of(b, k);
        if (seats.empty()) continue;
        std::string any;
        for (size_t s : seats) {
            const std::string cell = ref(f.ranges.size());
            f.ranges.push_back({grid, CellRange::Part::body, s, col, s, col});
            for (Presence p : {Presence::attended, Presence::deputy})
                any += concat(any.empty() ? "" : ",", cell, "=\"", data::label(p), "\"");
        }
        partners += "+OR(" + any + ")";  // "0+" makes TRUE a number before it is compared
    }
    std::string test = concat(present_in(ref(0)), ">=", std::to_string(b.quorum.members));
    if (b.quorum.statutory_partners > 0)
        test = concat("AND(", test, ",", partners, ">=", std::to_string(b.quorum.statutory_partners), ")");
    f.excel = concat("IF(", test, ",\"Yes\",\"No\")");
    f.cached = std::string(data::quorate(b, meeting) ? "Yes" : "No");
    return f;
}

model::Formula statutory_rate_formula(const data::Board& b, const std::string& grid, data::Statutory k) {
    model::Formula f;
    for (size_t s : seats_of(b, k)) f.ranges.push_back(meetings_of(b, grid, s, s));
    f.excel = concat(represented_count(0, f.ranges.size()), "/COLUMNS(", ref(0), ")");
    f.cached = cached(data::statutory_rate(b, k));
    return f;
}

model::Formula statutory_overall_formula(const data::Board& b, const std::string& grid) {
    model::Formula f;
    std::string counts;
    size_t partners = 0;
    for (data::Statutory k : data::all_statutory) {
        const auto seats = seats_of(b, k);
        if (seats.empty()) continue;
        ++partners;
        counts += concat(counts.empty() ? "" : "+", represented_count(f.ranges.size(), seats.size()));
        for (size_t s : seats) f.ranges.push_back(meetings_of(b, grid, s, s));
    }
    if (partners == 0) {
        f.excel = "\"Not applicable\"";
        f.cached = std::string("Not applicable");
        return f;
    }
    f.excel = concat("(", counts, ")/(COLUMNS(", ref(0), ")*", std::to_string(partners), ")");
    f.cached = cached(data::statutory_rate_overall(b));
    return f;
}

}  // namespace planpack::transform::directives
