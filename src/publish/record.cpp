#include "publish/record.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include <toml++/toml.h>

#include "load/toml_reader.hpp"
#include "model/find_by.hpp"

namespace planpack::publish {

namespace {

bool is_hex(std::string_view s, size_t length) {
    return s.size() == length &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A digest key: 64 lower-case hex digits, as planpack writes them.
std::string digest(load::TableReader& r, std::string_view key) {
    auto value = r.string(key, true);
    if (!value) return "";
    if (!is_hex(*value, 64)) {
        r.diags().error(r.pos_of(key), std::string(key) + " must be a SHA-256 digest (64 hexadecimal digits, "
                                                         "as planpack publish writes it); this record was edited by hand");
        return "";
    }
    return *value;
}

FileRecord read_file(const toml::table& t, const load::TomlOrigin& origin, Diagnostics& diags) {
    load::TableReader r(t, origin, diags, "[[publication.file]]");
    FileRecord f;
    f.pos = r.pos();
    f.path = r.string("path", true).value_or("");
    if (!f.path.empty()) f.pos = r.pos_of("path");
    f.sha256 = digest(r, "sha256");
    f.text = digest(r, "text");
    std::istringstream lines(r.string("lines", true).value_or(""));
    for (std::string print; lines >> print;) {
        if (!is_hex(print, line_print_length)) {
            diags.error(r.pos_of("lines"), "lines must be " + std::to_string(line_print_length) +
                                               "-digit hexadecimal fingerprints separated by spaces, not '" + print +
                                               "'; this record was edited by hand");
            break;
        }
        f.lines.push_back(print);
    }
    r.finish();
    return f;
}

Publication read_publication(const toml::table& t, const load::TomlOrigin& origin, Diagnostics& diags) {
    load::TableReader r(t, origin, diags, "[[publication]]");
    Publication p;
    p.pos = r.pos();
    p.id = r.string("id", true).value_or("");
    if (!p.id.empty()) p.pos = r.pos_of("id");
    p.published = r.date("published", true).value_or(model::Date{});
    r.each_table("correction", false, [&](const toml::table& c) {
        load::TableReader cr(c, origin, diags, "[[publication.correction]]");
        Correction k;
        k.pos = cr.pos();
        k.date = cr.date("date", true).value_or(model::Date{});
        k.reason = cr.string("reason", true).value_or("");
        cr.finish();
        p.corrections.push_back(std::move(k));
    });
    std::map<std::string, SourcePos> seen;
    r.each_table("file", true, [&](const toml::table& f) {
        FileRecord file = read_file(f, origin, diags);
        if (file.path.empty()) return;
        if (auto [it, added] = seen.emplace(file.path, file.pos); !added)
            diags.error(file.pos, "'" + file.path + "' is recorded twice for " + p.id + " (first at line " +
                                      std::to_string(it->second.line) + ")");
        else p.files.push_back(std::move(file));
    });
    r.finish();
    std::sort(p.files.begin(), p.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return p;
}

// A TOML basic string, as planpack writes every string of the record.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
        else if (c == '\n') out += "\\n";
        else if (c < 0x20 || c == 0x7F) {
            static constexpr char hex[] = "0123456789ABCDEF";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else out += static_cast<char>(c);
    }
    return out + "\"";
}

}  // namespace

const Publication* Record::find(std::string_view id) const {
    return model::find_by(publications, &Publication::id, id);
}

std::optional<Record> parse_record(std::string_view text, const std::string& shown, Diagnostics& diags) {
    const load::TomlOrigin origin{shown, 0};
    auto table = load::parse_toml(text, origin, diags);
    if (!table) return std::nullopt;
    load::TableReader top(*table, origin, diags, shown);
    if (auto schema = top.string("schema", true); schema && *schema != "published/1")
        diags.error(top.pos_of("schema"), "unknown schema '" + *schema + "': " + shown +
                                              " is planpack's publication record, schema = \"published/1\"");
    Record record;
    std::map<std::string, SourcePos> seen;
    top.each_table("publication", false, [&](const toml::table& t) {
        Publication p = read_publication(t, origin, diags);
        if (p.id.empty()) return;
        if (auto [it, added] = seen.emplace(p.id, p.pos); !added)
            diags.error(p.pos, "'" + p.id + "' is recorded twice (first at line " + std::to_string(it->second.line) +
                                   "); keep one [[publication]] for it");
        else record.publications.push_back(std::move(p));
    });
    top.finish();
    std::sort(record.publications.begin(), record.publications.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    return record;
}

std::string write_record(const Record& record) {
    std::ostringstream out;
    out << "# The publication record (docs/publishing.md), written by `planpack publish`: what was\n"
           "# published, when, and a fingerprint of every file. Commit it with the sources. Every\n"
           "# build compares: a published file that would now read differently is an error, unless\n"
           "# the document states a [[correction]], which it then prints as an erratum.\n"
           "schema = \"published/1\"\n";
    for (const auto& p : record.publications) {
        out << "\n[[publication]]\nid = " << quoted(p.id) << "\npublished = " << model::format_iso(p.published)
            << '\n';
        for (const auto& c : p.corrections)
            out << "\n  [[publication.correction]]\n  date = " << model::format_iso(c.date)
                << "\n  reason = " << quoted(c.reason) << '\n';
        for (const auto& f : p.files) {
            out << "\n  [[publication.file]]\n  path = " << quoted(f.path) << "\n  sha256 = \"" << f.sha256
                << "\"\n  text = \"" << f.text << "\"\n  lines = \"\"\"";
            for (size_t i = 0; i < f.lines.size(); ++i) out << (i % 8 ? " " : "\n  ") << f.lines[i];
            out << "\n  \"\"\"\n";
        }
    }
    return out.str();
}

}  // namespace planpack::publish
