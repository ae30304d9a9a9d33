#include "load/report_template.hpp"

#include <set>

#include "load/files.hpp"
#include "load/project.hpp"
#include "load/toml_reader.hpp"

namespace planpack::load {

namespace fs = std::filesystem;

namespace {

std::optional<data::Generated> parse_generated(std::string_view s) {
    if (s == "council_priority") return data::Generated::council_priority;
    if (s == "appendices") return data::Generated::appendices;
    if (s == "background_papers") return data::Generated::background_papers;
    return std::nullopt;
}

data::TemplateSection read_section(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[section]]");
    data::TemplateSection s;
    s.pos = r.pos();
    s.key = r.string("key", true).value_or("");
    s.heading = r.string("heading", true).value_or("");
    for (auto& [a, pos] : r.strings("accept", false)) s.accept.push_back(a);
    for (auto& [q, pos] : r.strings("questions", false)) s.questions.push_back(q);
    if (auto g = r.string("generated", false)) {
        if (auto kind = parse_generated(*g)) s.generated = *kind;
        else diags.error(r.pos_of("generated"), "generated must be \"council_priority\", \"appendices\" or "
                                                "\"background_papers\"");
    }
    s.required = r.boolean("required", false).value_or(false);
    r.finish();
    return s;
}

std::optional<data::Exemptions> parse_exemptions(std::string_view text, const std::string& file,
                                                 Diagnostics& diags) {
    const TomlOrigin origin{file, 0};
    auto root = parse_toml(text, origin, diags);
    if (!root) return std::nullopt;
    const size_t mark = diags.all().size();
    data::Exemptions e;
    TableReader top(*root, origin, diags, file);
    e.pos = top.pos();
    e.notice = top.string("notice", true).value_or("");
    e.restricted_marker = top.string("restricted_marker", true).value_or("");
    e.restricted_notice = top.string("restricted_notice", true).value_or("");
    e.restricted_stamp = top.string("restricted_stamp", true).value_or("");
    top.each_table("paragraph", true, [&](const toml::table& t) {
        TableReader r(t, origin, diags, "[[paragraph]]");
        const int n = static_cast<int>(r.integer("number", true).value_or(0));
        auto description = r.string("description", true).value_or("");
        r.finish();
        if (e.description(n)) diags.error(r.pos_of("number"), "paragraph " + std::to_string(n) + " is listed twice");
        e.paragraphs.emplace_back(n, std::move(description));
    });
    top.finish();
    if (diags.errors_since(mark)) return std::nullopt;
    return e;
}

}  // namespace

std::optional<data::BankHolidays> parse_bank_holidays(std::string_view text, const std::string& file,
                                                      Diagnostics& diags) {
    const TomlOrigin origin{file, 0};
    auto root = parse_toml(text, origin, diags);
    if (!root) return std::nullopt;
    const size_t mark = diags.all().size();
    data::BankHolidays out;
    TableReader top(*root, origin, diags, file);
    out.pos = top.pos();
    std::set<model::Date> seen;
    top.each_table("holiday", true, [&](const toml::table& t) {
        TableReader r(t, origin, diags, "[[holiday]]");
        data::BankHoliday h;
        h.pos = r.pos();
        auto date = r.date("date", true);
        h.name = r.string("name", true).value_or("");
        r.finish();
        if (!date) return;
        h.date = *date;
        if (!seen.insert(h.date).second)
            diags.error(r.pos_of("date"), model::format_long(h.date) + " is listed twice: keep one [[holiday]] for it");
        out.days.push_back(std::move(h));
    });
    top.finish();
    if (diags.errors_since(mark)) return std::nullopt;
    return out;
}

std::optional<data::ReportTemplate> parse_report_template(std::string_view text, const std::string& file,
                                                          const std::string& name, Diagnostics& diags) {
    const TomlOrigin origin{file, 0};
    auto root = parse_toml(text, origin, diags);
    if (!root) return std::nullopt;
    const size_t mark = diags.all().size();
    data::ReportTemplate t;
    t.name = name;
    TableReader top(*root, origin, diags, file);
    t.pos = top.pos();
    t.title = top.string("title", true).value_or("");
    t.none = top.string("none", false).value_or(t.none);
    if (const toml::table* answers = top.table("answers", false)) {
        TableReader r(*answers, origin, diags, "[answers]");
        t.yes = r.string("yes", false).value_or(t.yes);
        t.no = r.string("no", false).value_or(t.no);
        t.not_applicable = r.string("not_applicable", false).value_or(t.not_applicable);
        r.finish();
    }
    top.each_table("question", true, [&](const toml::table& qt) {
        TableReader r(qt, origin, diags, "[[question]]");
        data::Question q{r.string("key", true).value_or(""), r.string("text", true).value_or("")};
        r.finish();
        if (t.question(q.key)) diags.error(r.pos_of("key"), "question '" + q.key + "' is defined twice");
        t.questions.push_back(std::move(q));
    });
    top.each_table("section", true,
                   [&](const toml::table& st) { t.sections.push_back(read_section(st, origin, diags)); });
    top.finish();
    std::set<std::string> keys, headings, asked;
    for (const auto& s : t.sections) {
        if (!keys.insert(s.key).second) diags.error(s.pos, "section key '" + s.key + "' is used twice");
        std::vector<std::string> names = s.accept;
        names.push_back(s.heading);
        for (const auto& h : names)
            if (!headings.insert(data::normalise_heading(h)).second)
                diags.error(s.pos, "heading '" + h + "' matches two sections");
        for (const auto& q : s.questions) {
            if (!t.question(q)) diags.error(s.pos, "section '" + s.key + "' asks question '" + q + "', which no [[question]] defines");
            else if (!asked.insert(q).second) diags.error(s.pos, "question '" + q + "' is asked twice");
        }
    }
    if (diags.errors_since(mark)) return std::nullopt;
    return t;
}

std::optional<CommitteeTemplates> load_committee_templates(const fs::path& dir, Diagnostics& diags) {
    const size_t mark = diags.all().size();
    CommitteeTemplates out;
    for (const auto& path : files_with_extension({}, dir / "reports", ".toml", diags)) {
        const std::string shown = path.string();
        auto text = read_file(path, shown, diags);
        if (!text) continue;
        const std::string name = path.stem().string();
        if (auto t = parse_report_template(*text, shown, name, diags)) out.reports.emplace(name, std::move(*t));
    }
    const fs::path exemptions = dir / "committee" / "exemptions.toml";
    if (auto text = read_file(exemptions, exemptions.string(), diags))
        if (auto e = parse_exemptions(*text, exemptions.string(), diags)) out.exemptions = std::move(*e);
    const fs::path holidays = dir / "committee" / "bank-holidays.toml";
    if (auto text = read_file(holidays, holidays.string(), diags))
        if (auto h = parse_bank_holidays(*text, holidays.string(), diags)) out.bank_holidays = std::move(*h);
    if (out.reports.empty() && !diags.errors_since(mark))
        diags.error({(dir / "reports").string(), 0, 0}, "no report templates (NAME.toml) here");
    if (diags.errors_since(mark)) return std::nullopt;
    return out;
}

}  // namespace planpack::load
