#include "scaffold/rollover.hpp"

#include <algorithm>
#include <cstdio>
#include <regex>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "data/action_status.hpp"
#include "diag/suggest.hpp"
#include "model/partial_date.hpp"

namespace planpack::scaffold {

namespace fs = std::filesystem;

namespace {

// 2023/24, 2023-24, 2023/2024, 2023-2024: a year and the next.
const std::regex& financial_year() {
    static const std::regex re(R"(\b(20\d\d)([/-])(\d\d(?:\d\d)?)\b)");
    return re;
}

bool is_financial_year(const std::smatch& m) {
    const int first = std::stoi(m[1].str());
    const std::string second = m[3].str();
    const int next = std::stoi(second);
    return second.size() == 2 ? next == (first + 1) % 100 : next == first + 1;
}

std::string fy(int year, char sep, bool long_form) {
    char buf[16];
    if (long_form) std::snprintf(buf, sizeof buf, "%d%c%d", year, sep, year + 1);
    else std::snprintf(buf, sizeof buf, "%d%c%02d", year, sep, (year + 1) % 100);
    return buf;
}

model::Date plus_years(model::Date d, int years) {
    d.year += years;
    if (d.month == 2 && d.day == 29) d.day = 28;
    return d;
}

// Where a word in the text of a Markdown file is, as line and column.
SourcePos where(const std::string& file, const std::string& text, size_t offset) {
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') ++line, start = i + 1;
    return {file, line, static_cast<int>(offset - start) + 1};
}

std::string toml_string(const std::string& s) {
    std::ostringstream out;
    out << toml::value<std::string>(s);
    return out.str();
}

// The action plan for next year: open actions carried forward, each naming the action it
// continues; updates (last year's news) and ratings cleared; finished milestones dropped.
std::optional<std::string> carry_plan(const fs::path& root, const std::string& name,
                                      const data::ActionPlan& plan, int years, Rollover& r, Diagnostics& diags) {
    const fs::path path = root / "data" / (name + ".toml");
    auto text = load::read_file(path, "data/" + name + ".toml", diags);
    if (!text) return std::nullopt;
    toml::table t;
    try {
        t = toml::parse(*text, path.string());
    } catch (const toml::parse_error&) {
        return std::nullopt;  // the build reports it
    }
    if (auto* p = t["plan"].as_table()) {
        if (auto id = (*p)["id"].value<std::string>()) {
            const std::string moved = move_years(*id, years);
            p->insert_or_assign("id", moved == *id ? *id + "-next" : moved);
        }
        if (auto title = (*p)["title"].value<std::string>()) p->insert_or_assign("title", move_years(*title, years));
        for (const char* key : {"period_start", "period_end"})
            if (auto d = (*p)[key].value<toml::date>()) {
                const model::Date moved = plus_years({d->year, d->month, d->day}, years);
                p->insert_or_assign(key, toml::date{moved.year, moved.month, moved.day});
            }
        p->insert_or_assign("previous", name);
    }
    if (auto* actions = t["action"].as_array()) {
        toml::array kept;
        for (auto& node : *actions) {
            auto* a = node.as_table();
            if (!a) continue;
            const std::string id = (*a)["id"].value_or(std::string());
            auto found = std::find_if(plan.actions.begin(), plan.actions.end(), [&](const auto& x) { return x.id == id; });
            const data::Status s = found != plan.actions.end() ? data::derived_status(*found) : data::Status::not_started;
            if (s == data::Status::complete || s == data::Status::deferred) {
                ++r.left;
                continue;
            }
            toml::table next = *a;
            for (const char* key : {"update", "status", "rag", "carried_comment"}) next.erase(key);
            next.insert_or_assign("carried_from", id);
            if (auto* ms = next["milestone"].as_array()) {
                toml::array open;
                for (auto& m : *ms) {
                    const std::string st = m.as_table() ? (*m.as_table())["status"].value_or(std::string()) : "";
                    if (st != "complete" && st != "deferred") open.push_back(m);
                }
                next.insert_or_assign("milestone", std::move(open));
            }
            kept.push_back(std::move(next));
            ++r.carried;
        }
        t.insert_or_assign("action", std::move(kept));
    }
    std::ostringstream out;
    out << "# Carried forward from data/" << name << ".toml by `planpack rollover`: its open actions,\n"
        << "# each with carried_from, without last year's updates and ratings. Add this year's\n"
        << "# actions and milestones, and check every carried action still belongs here.\n\n"
        << toml::toml_formatter(t) << '\n';
    return out.str();
}

}  // namespace

std::string move_years(const std::string& text, int years) {
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), financial_year());
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        if (!is_financial_year(m)) continue;
        out += text.substr(last, static_cast<size_t>(m.position(0)) - last);
        out += fy(std::stoi(m[1].str()) + years, m[2].str()[0], m[3].length() == 4);
        last = static_cast<size_t>(m.position(0) + m.length(0));
    }
    return out + text.substr(last);
}

std::optional<Rollover> rollover(const fs::path& root, const load::Project& project, const std::string& plan_id,
                                 const std::string& to, Diagnostics& diags) {
    const auto& docs = project.config.documents;
    auto doc = std::find_if(docs.begin(), docs.end(), [&](const auto& d) { return d.id == plan_id; });
    if (doc == docs.end()) {
        std::vector<std::string> ids;
        for (const auto& d : docs) ids.push_back(d.id);
        diags.error({"planpack.toml", 0, 0}, "no [[document]] has id '" + plan_id + "'" + did_you_mean(plan_id, ids));
        return std::nullopt;
    }
    std::smatch m;
    if (!std::regex_match(to, m, financial_year()) || !is_financial_year(m)) {
        diags.error({"", 0, 0}, "--to takes the new plan's year, such as 2024-25, not '" + to + "'");
        return std::nullopt;
    }
    const int new_year = std::stoi(m[1].str());
    const int old_year = doc->period_start.year - (doc->period_start.month < 4 ? 1 : 0);
    const int years = new_year - old_year;
    if (years <= 0) {
        diags.error({"", 0, 0}, "--to " + to + " is not after the plan's own year, " + fy(old_year, '/', false));
        return std::nullopt;
    }
    Rollover r;
    r.new_id = move_years(plan_id, years);
    if (r.new_id == plan_id) r.new_id = plan_id + "-" + fy(new_year, '-', false);
    if (std::any_of(docs.begin(), docs.end(), [&](const auto& d) { return d.id == r.new_id; })) {
        diags.error({"planpack.toml", 0, 0}, "there is already a document '" + r.new_id + "'");
        return std::nullopt;
    }

    // The document: a draft until the board agrees it and someone adds its published date.
    r.changes.append["planpack.toml"] =
        "\n# Made by `planpack rollover " + plan_id + " --to " + to + "`: a draft until it is agreed.\n"
        "[[document]]\nid = " + toml_string(r.new_id) + "\nkind = " + toml_string(std::string(model::to_string(doc->kind))) +
        "\ntitle = " + toml_string(move_years(doc->title, years)) +
        "\nperiod_start = " + model::format_iso(plus_years(doc->period_start, years)) +
        "\nperiod_end = " + model::format_iso(plus_years(doc->period_end, years)) + "\ndraft = true\n";

    // Data files named for the plan's year, under next year's names.
    const std::string old_token = fy(old_year, '-', false);
    std::set<std::string> data_names;  // what data/ will hold afterwards
    std::map<std::string, std::string> renamed;
    for (const auto& dir_entry : fs::directory_iterator(root / "data")) {
        const std::string name = dir_entry.path().stem().string();
        data_names.insert(name);
        if (name.find(old_token) != std::string::npos) renamed[name] = move_years(name, years);
    }
    for (const auto& [from, to_name] : renamed) {
        data_names.insert(to_name);
        for (const char* ext : {".csv", ".toml"}) {
            const fs::path src = root / "data" / (from + ext);
            std::error_code ec;
            if (!fs::exists(src, ec)) continue;
            const std::string target = "data/" + to_name + ext;
            if (auto plan = project.data.action_plans.find(from); plan != project.data.action_plans.end()) {
                if (auto text = carry_plan(root, from, plan->second, years, r, diags)) r.changes.create[target] = *text;
            } else if (auto text = load::read_file(src, "data/" + from + ext, diags)) {
                r.changes.create[target] = *text;
                diags.warning({target, 0, 0}, "copied from data/" + from + ext + " unchanged: put in " +
                                                  fy(new_year, '/', false) + "'s figures");
            }
        }
    }

    // Sections, into the new document's folder: the folder names the document.
    const auto& plan = *std::find_if(project.documents.begin(), project.documents.end(),
                                     [&](const auto& d) { return d.id == plan_id; });
    for (const auto& s : plan.sections) {
        auto text = load::read_file(root / s.source.file, s.source.file, diags);
        if (!text) continue;
        const std::string target = "content/" + r.new_id + "/" + move_years(fs::path(s.source.file).filename().string(), years);
        std::string out;
        std::istringstream in(*text);
        std::string line;
        int fences = 0;  // +++ lines seen: 1 inside front matter
        bool directive = false;
        while (std::getline(in, line)) {
            const std::string bare = line.substr(0, line.find_last_not_of("\r") + 1);
            if (fences < 2 && bare == "+++") ++fences;
            else if (fences == 1 && bare.rfind("document", 0) == 0 && bare.find('=') != std::string::npos) continue;
            else if (bare.rfind("```planpack", 0) == 0) directive = true;
            else if (directive && bare.rfind("```", 0) == 0) directive = false;
            else if (directive) {
                // A data name in a directive follows its file when next year's exists.
                const std::string moved = move_years(line, years);
                std::smatch q;
                if (moved != line && std::regex_search(moved, q, std::regex(R"re(=\s*"([^"]*)")re")) &&
                    data_names.count(q[1].str()))
                    line = moved;
            }
            out += line + "\n";
        }
        r.changes.create[target] = out;
        // What only a person can rewrite: old years in prose and directive settings.
        for (auto it = std::sregex_iterator(out.begin(), out.end(), financial_year()); it != std::sregex_iterator(); ++it) {
            const std::smatch& y = *it;
            // The plan's own year and the one before it move on; older years are history.
            const int named = std::stoi(y[1].str());
            if (!is_financial_year(y) || named >= new_year || named < old_year - 1) continue;
            diags.warning(where(target, out, static_cast<size_t>(y.position(0))),
                          "still names " + y[0].str() + "; check the sentence for " + fy(new_year, '/', false));
        }
    }
    return r;
}

}  // namespace planpack::scaffold
