#include "render/opendata/open_data.hpp"

#include <cstdio>
#include <map>
#include <tuple>
#include <variant>
#include <vector>

#include "model/paths.hpp"
#include "publish/sha256.hpp"

namespace planpack::render::opendata {

namespace {

// One table, written both ways: JSON (an array of objects) and CSV (RFC 4180).
using Value = std::variant<std::monostate, bool, long, std::string>;
struct Table {
    std::string name;  // "meetings": the CSV file's name and the JSON key
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
};

void json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (ch == '"') out += "\\\"";
        else if (ch == '\\') out += "\\\\";
        else if (ch == '\n') out += "\\n";
        else if (ch == '\r') out += "\\r";
        else if (ch == '\t') out += "\\t";
        else if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else out += ch;
    }
    out += '"';
}

void json_value(std::string& out, const Value& v) {
    if (std::holds_alternative<std::monostate>(v)) out += "null";
    else if (const bool* b = std::get_if<bool>(&v)) out += *b ? "true" : "false";
    else if (const long* n = std::get_if<long>(&v)) out += std::to_string(*n);
    else json_string(out, std::get<std::string>(v));
}

std::string csv_field(const Value& v) {
    if (std::holds_alternative<std::monostate>(v)) return "";
    if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    if (const long* n = std::get_if<long>(&v)) return std::to_string(*n);
    const std::string& s = std::get<std::string>(v);
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv(const Table& t) {
    std::string out;
    for (size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + t.columns[i];
    out += "\r\n";
    for (const auto& row : t.rows) {
        for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
        out += "\r\n";
    }
    return out;
}

void json_table(std::string& out, const Table& t) {
    out += "  ";
    json_string(out, t.name);
    out += ": [";
    for (size_t r = 0; r < t.rows.size(); ++r) {
        out += r ? ",\n    {" : "\n    {";
        for (size_t i = 0; i < t.columns.size(); ++i) {
            out += i ? ", " : "";
            json_string(out, t.columns[i]);
            out += ": ";
            json_value(out, t.rows[r][i]);
        }
        out += "}";
    }
    out += t.rows.empty() ? "]" : "\n  ]";
}

Value text(const std::string& s) { return s.empty() ? Value{} : Value{s}; }
Value date(const std::optional<model::Date>& d) { return d ? Value{model::format_iso(*d)} : Value{}; }
Value time(const std::optional<model::Time>& t) {
    if (!t) return {};
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t->hour % 100, t->minute % 100);
    return std::string(buf);
}

class Builder {
public:
    Builder(const load::Config& cfg, const model::Civic& civic, const output::OutputTree& tree,
            const publish::Record& record)
        : cfg_(cfg), civic_(civic), tree_(tree), record_(record) {}

    // A page or file of the site as open data addresses it: from base_url.
    std::string url(const std::string& site_path) const { return cfg_.base_url + site_path; }
    Value page(const std::optional<model::Target>& t) const {
        return t ? Value{url(model::site_path(*t))} : Value{};
    }

    Table committees() const {
        Table t{"committees", {"id", "name", "council", "venue", "url", "calendar", "feed"}, {}};
        for (const auto& c : civic_.committees)
            t.rows.push_back({c.id, c.name, c.council, text(c.venue), url(model::site_path(model::contents(c.folder))),
                              url(model::calendar_path(c.folder)), url(model::feed_path(c.folder))});
        return t;
    }

    Table meetings() const {
        Table t{"meetings", {"id", "committee", "title", "municipal_year", "date", "start", "end", "venue", "status",
                             "cancelled", "agenda_issued", "agenda_url", "minutes_url", "calendar"}, {}};
        for (const auto& m : civic_.meetings)
            t.rows.push_back({m.id, m.committee, m.title, m.year, model::format_iso(m.date), time(m.start), time(m.end),
                              text(m.venue), std::string(m.cancelled ? "cancelled" : m.has_minutes ? "held" : "scheduled"),
                              date(m.cancelled), model::format_iso(m.issued), url(model::site_path(m.agenda)),
                              page(m.minutes), url(model::meeting_calendar_path(m.folder))});
        return t;
    }

    Table items() const {
        Table t{"items", {"meeting", "number", "id", "title", "exempt", "exemption_notice", "url"}, {}};
        for (const auto& m : civic_.meetings)
            for (const auto& i : m.items)
                t.rows.push_back({m.id, long{i.number}, i.id, i.title, !i.notice.empty(), text(i.notice), page(i.page)});
        return t;
    }

    Table decisions() const {
        Table t{"decisions", {"meeting", "item", "kind", "text", "minutes_url"}, {}};
        for (const auto& m : civic_.meetings)
            for (const auto& d : m.decisions) t.rows.push_back({m.id, long{d.item}, d.kind, d.text, page(m.minutes)});
        return t;
    }

    Table members() const {
        Table t{"members", {"id", "name", "kind", "url"}, {}};
        for (const auto& p : civic_.people)
            t.rows.push_back({p.id, p.name, p.kind, url(model::site_path(model::contents(model::member_folder(p.id))))});
        return t;
    }

    Table memberships() const {
        Table t{"memberships", {"committee", "member", "role", "type", "from", "to"}, {}};
        for (const auto& c : civic_.committees)
            for (const auto& m : c.members) t.rows.push_back({c.id, m.person, m.role, text(m.type), date(m.from), date(m.to)});
        return t;
    }

    Table attendance() const {
        Table t{"attendance", {"meeting", "committee", "member", "role", "expected", "status", "substitute"}, {}};
        for (const auto& m : civic_.meetings)
            for (const auto& a : m.attendance)
                t.rows.push_back({m.id, m.committee, a.person, a.role, a.expected, std::string(model::key(a.status)),
                                  text(a.substitute)});
        return t;
    }

    Table totals() const {
        std::map<std::tuple<std::string, std::string, std::string>, model::AttendanceTally> tallies;
        for (const auto& m : civic_.meetings)
            for (const auto& a : m.attendance) model::count(a, tallies[{a.person, m.committee, m.year}]);
        Table t{"attendance_totals", {"member", "committee", "municipal_year", "expected", "present", "apologies",
                                      "absent", "substituted", "as_substitute"}, {}};
        for (const auto& [key, n] : tallies)
            t.rows.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), long{n.expected}, long{n.present},
                              long{n.apologies}, long{n.absent}, long{n.substituted}, long{n.as_substitute}});
        return t;
    }

    // Every public file of each meeting's folder: its agenda pack, pages and appendix files.
    Table documents() const {
        Table t{"documents", {"meeting", "path", "url", "media_type", "bytes", "sha256", "recorded"}, {}};
        for (const auto& m : civic_.meetings) {
            const publish::Publication* p = record_.find(m.id);
            const std::string folder = m.folder + "/";
            for (auto it = tree_.lower_bound(folder); it != tree_.end() && it->first.compare(0, folder.size(), folder) == 0;
                 ++it) {
                const publish::FileRecord* f = nullptr;
                if (p)
                    for (const auto& x : p->files)
                        if (x.path == it->first) f = &x;
                t.rows.push_back({m.id, it->first, url(it->first), model::media_type(it->first), static_cast<long>(it->second.size()),
                                  f ? f->sha256 : publish::sha256_hex(it->second), f != nullptr});
            }
        }
        return t;
    }

private:
    const load::Config& cfg_;
    const model::Civic& civic_;
    const output::OutputTree& tree_;
    const publish::Record& record_;
};

}  // namespace

output::OutputTree render_open_data(const load::Config& config, const model::Civic& civic,
                                    const output::OutputTree& tree, const publish::Record& record,
                                    const std::string& schema) {
    output::OutputTree out;
    if (civic.committees.empty()) return out;
    Builder b(config, civic, tree, record);
    const std::vector<Table> tables = {b.committees(), b.meetings(),    b.items(),  b.decisions(), b.members(),
                                       b.memberships(), b.attendance(), b.totals(), b.documents()};
    std::string json = "{\n  \"version\": " + std::to_string(model::open_data_version) + ",\n  \"publisher\": ";
    json_string(json, config.local_authority);
    json += ",\n  \"schema\": \"schema.json\",\n";
    for (size_t i = 0; i < tables.size(); ++i) {
        json_table(json, tables[i]);
        json += i + 1 < tables.size() ? ",\n" : "\n";
        out[model::open_data_path(tables[i].name + ".csv")] = csv(tables[i]);
    }
    json += "}\n";
    out[model::open_data_path("committee-papers.json")] = std::move(json);
    if (!schema.empty()) out[model::open_data_path("schema.json")] = schema;
    return out;
}

}  // namespace planpack::render::opendata
