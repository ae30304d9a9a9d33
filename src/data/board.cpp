#include "data/board.hpp"

#include <algorithm>
#include <cctype>

namespace planpack::data {

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

struct Word {
    const char* text;
    Presence presence;
};
constexpr Word words[] = {
    {"\u2713", Presence::attended},   {"\u2714", Presence::attended},
    {"y", Presence::attended},        {"yes", Presence::attended},
    {"attended", Presence::attended}, {"a", Presence::apologies},
    {"apologies", Presence::apologies}, {"d", Presence::deputy},
    {"deputy", Presence::deputy},     {"deputy attended", Presence::deputy},
    {"x", Presence::absent},          {"n", Presence::absent},
    {"absent", Presence::absent},     {"v", Presence::vacant},
    {"vacant", Presence::vacant},     {"vacant post", Presence::vacant},
    {"not in post", Presence::vacant}, {"gap in post", Presence::vacant},
    {"", Presence::not_member},       {"-", Presence::not_member},
    {"\u2013", Presence::not_member}, {"nm", Presence::not_member},
    {"not a member", Presence::not_member},
};

struct LookAlike {
    const char* text;
    const char* name;
    const char* means;
};
// Letters from other alphabets that OCR and copy-paste put in attendance grids.
constexpr LookAlike look_alikes[] = {
    {"\u0410", "U+0410 CYRILLIC CAPITAL LETTER A", "A"},
    {"\u0430", "U+0430 CYRILLIC SMALL LETTER A", "A"},
    {"\u0391", "U+0391 GREEK CAPITAL LETTER ALPHA", "A"},
    {"\u03B1", "U+03B1 GREEK SMALL LETTER ALPHA", "A"},
    {"\u0425", "U+0425 CYRILLIC CAPITAL LETTER HA", "X"},
    {"\u03A7", "U+03A7 GREEK CAPITAL LETTER CHI", "X"},
    {"\u0423", "U+0423 CYRILLIC CAPITAL LETTER U", "Y"},
    {"\u03A5", "U+03A5 GREEK CAPITAL LETTER UPSILON", "Y"},
    {"\u04AE", "U+04AE CYRILLIC CAPITAL LETTER STRAIGHT U", "Y"},
    {"\u0392", "U+0392 GREEK CAPITAL LETTER BETA", "B"},
    {"\u039D", "U+039D GREEK CAPITAL LETTER NU", "N"},
    {"\u0412", "U+0412 CYRILLIC CAPITAL LETTER VE", "B"},
};

}  // namespace

std::variant<Presence, std::string> parse_marker(std::string_view raw) {
    const std::string_view t = trim(raw);
    const std::string l = lower_ascii(t);
    for (const Word& w : words)
        if (l == w.text) return w.presence;
    for (const LookAlike& la : look_alikes)
        if (t == la.text)
            return "'" + std::string(t) + "' looks like the letter " + la.means + " but is " +
                   la.name + ": retype it as a plain " + la.means;
    if (t == "1" || t == "\u221A" || t == "l" || t == "I")
        return "'" + std::string(t) + "' is not an attendance marker; if it is a mistyped tick, "
                                      "write \u2713 or Y";
    return "unknown attendance marker '" + std::string(t) +
           "' (use \u2713 or Y attended, A apologies, D deputy attended, X absent, V vacant, "
           "- not a member)";
}

const char* label(Presence p) {
    switch (p) {
        case Presence::attended: return "Attended";
        case Presence::deputy: return "Deputy attended";
        case Presence::apologies: return "Apologies";
        case Presence::absent: return "Absent";
        case Presence::vacant: return "Vacant";
        case Presence::not_member: return "Not a member";
    }
    return "";
}

const char* key(Presence p) {
    switch (p) {
        case Presence::attended: return "attended";
        case Presence::deputy: return "deputy";
        case Presence::apologies: return "apologies";
        case Presence::absent: return "absent";
        case Presence::vacant: return "vacant";
        case Presence::not_member: return "not-member";
    }
    return "";
}

std::optional<Statutory> parse_statutory(std::string_view s) {
    for (Statutory x : all_statutory)
        if (s == key(x)) return x;
    return std::nullopt;
}

const char* label(Statutory s) {
    switch (s) {
        case Statutory::police: return "Police";
        case Statutory::probation: return "Probation";
        case Statutory::health: return "Health";
        case Statutory::education: return "Education";
        case Statutory::social_care: return "Children's social care";
    }
    return "";
}

const char* key(Statutory s) {
    switch (s) {
        case Statutory::police: return "police";
        case Statutory::probation: return "probation";
        case Statutory::health: return "health";
        case Statutory::education: return "education";
        case Statutory::social_care: return "social_care";
    }
    return "";
}

bool present(Presence p) { return p == Presence::attended || p == Presence::deputy; }
bool expected(Presence p) { return p != Presence::vacant && p != Presence::not_member; }

Rate seat_rate(const Board& b, size_t seat) {
    Rate r;
    for (Presence p : b.attendance[seat]) {
        r.expected += expected(p);
        r.present += present(p);
    }
    return r;
}

Rate meeting_rate(const Board& b, size_t meeting) {
    Rate r;
    for (const auto& row : b.attendance) {
        r.expected += expected(row[meeting]);
        r.present += present(row[meeting]);
    }
    return r;
}

std::vector<std::pair<std::string, Rate>> agency_rates(const Board& b) {
    std::vector<std::pair<std::string, Rate>> out;
    for (size_t s = 0; s < b.seats.size(); ++s) {
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const auto& e) { return e.first == b.seats[s].agency; });
        if (it == out.end()) it = out.insert(out.end(), {b.seats[s].agency, Rate{}});
        const Rate r = seat_rate(b, s);
        it->second.present += r.present;
        it->second.expected += r.expected;
    }
    return out;
}

namespace {

bool represented(const Board& b, Statutory kind, size_t meeting) {
    for (size_t s = 0; s < b.seats.size(); ++s)
        if (b.seats[s].statutory == kind && present(b.attendance[s][meeting])) return true;
    return false;
}

bool has_seat(const Board& b, Statutory kind) {
    return std::any_of(b.seats.begin(), b.seats.end(),
                       [&](const Seat& s) { return s.statutory == kind; });
}

}  // namespace

int statutory_present(const Board& b, size_t meeting) {
    return static_cast<int>(std::count_if(std::begin(all_statutory), std::end(all_statutory),
                                          [&](Statutory k) { return represented(b, k, meeting); }));
}

bool quorate(const Board& b, size_t meeting) {
    return meeting_rate(b, meeting).present >= b.quorum.members &&
           statutory_present(b, meeting) >= b.quorum.statutory_partners;
}

Rate statutory_rate(const Board& b, Statutory kind) {
    Rate r;
    if (!has_seat(b, kind)) return r;
    for (size_t m = 0; m < b.meetings.size(); ++m) {
        ++r.expected;
        r.present += represented(b, kind, m);
    }
    return r;
}

Rate statutory_rate_overall(const Board& b) {
    Rate total;
    for (Statutory k : all_statutory) {
        const Rate r = statutory_rate(b, k);
        total.present += r.present;
        total.expected += r.expected;
    }
    return total;
}

}  // namespace planpack::data
