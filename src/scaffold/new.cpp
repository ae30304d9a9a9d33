#include "scaffold/new.hpp"

#include <algorithm>
#include <cstdio>

#include "diag/suggest.hpp"
#include "load/config.hpp"
#include "load/report_template.hpp"
#include "model/partial_date.hpp"

namespace planpack::scaffold {

namespace fs = std::filesystem;

std::string title_from_id(const std::string& id) {
    std::string out = id;
    std::replace(out.begin(), out.end(), '-', ' ');
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::optional<Changes> new_service(const fs::path& templates, Diagnostics& diags) {
    const fs::path dir = templates / "new" / "service";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        diags.error({dir.string(), 0, 0}, "the new-service template is missing from planpack's templates; is "
                                          "planpack installed completely?");
        return std::nullopt;
    }
    Changes c;
    c.create = read_tree(dir, diags);
    if (diags.has_errors()) return std::nullopt;
    return c;
}

std::optional<SectionPlace> section_place(const load::Project& project, const std::string& document,
                                          const std::string& id, bool reuse, Diagnostics& diags) {
    std::vector<std::string> ids;
    for (const auto& d : project.documents) ids.push_back(d.id);
    auto doc = std::find_if(project.documents.begin(), project.documents.end(),
                            [&](const model::Document& d) { return d.id == document; });
    if (doc == project.documents.end()) {
        diags.error({"planpack.toml", 0, 0}, "no [[document]] has id '" + document + "'" + did_you_mean(document, ids));
        return std::nullopt;
    }
    if (!load::valid_id(id)) {
        diags.error({"", 0, 0}, "section id '" + id + "' may hold only lower-case letters, digits and '-'");
        return std::nullopt;
    }
    int order = 0;
    for (const auto& s : doc->sections)
        if (s.kind == model::SectionKind::section) {
            order = std::max(order, s.order);
            if (s.id != id) continue;
            if (reuse) return SectionPlace{s.source.file, s.order};
            diags.error(s.source, "section id '" + id + "' is already used by " + s.source.file);
            return std::nullopt;
        }
    ++order;
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%02d-", order);
    return SectionPlace{"content/" + document + "/" + prefix + id + ".md", order};
}

std::optional<Changes> new_section(const load::Project& project, const std::string& document, const std::string& id,
                                   Diagnostics& diags) {
    auto place = section_place(project, document, id, false, diags);
    if (!place) return std::nullopt;
    Changes c;
    c.create[place->file] = "+++\norder = " + std::to_string(place->order) + "\ntitle = \"" + title_from_id(id) +
                            "\"\n+++\n\n*To write:* what this section is for, in a sentence or two.\n";
    return c;
}

std::optional<Changes> new_meeting(const load::Project& project, const std::string& committee, const std::string& date,
                                   Diagnostics& diags) {
    if (!project.data.committees.count(committee)) {
        std::vector<std::string> names;
        for (const auto& [name, _] : project.data.committees) names.push_back(name);
        diags.error({"data", 0, 0}, "no committee '" + committee + "' in data/ (a file with schema = "
                                                                   "\"committee/1\")" + did_you_mean(committee, names));
        return std::nullopt;
    }
    const auto day = model::parse_iso_date(date);
    if (!day) {
        diags.error({"", 0, 0}, "the meeting's date must be written like 2024-07-11, not '" + date + "'");
        return std::nullopt;
    }
    const std::string id = committee + "-" + date;
    Changes c;
    c.create["meetings/" + id + "/meeting.toml"] =
        "schema = \"meeting/1\"\n\n"
        "# The agenda. Items are numbered in the order written here. Add a report with\n"
        "#   planpack new report REPORT-ID --meeting " + id + "\n\n"
        "[meeting]\nid = \"" + id + "\"\ncommittee = \"" + committee + "\"\ndate = " + date +
        "\ntime = 18:00:00\n# The date the agenda is sent out, before the meeting.\nissued = " + date + "\n\n"
        "[[item]]\nid = \"declarations\"\ntitle = \"Declarations of interest\"\n"
        "purpose = \"Members are asked to declare any interest in the items on this agenda.\"\n";
    return c;
}

std::optional<ReportPlace> report_place(const load::Project& project, const fs::path& templates,
                                        const std::string& meeting, const std::string& id, Diagnostics& diags) {
    const auto& meetings = project.data.papers.meetings;
    auto m = std::find_if(meetings.begin(), meetings.end(), [&](const auto& x) { return x.id == meeting; });
    if (m == meetings.end()) {
        std::vector<std::string> ids;
        for (const auto& x : meetings) ids.push_back(x.id);
        diags.error({"meetings", 0, 0}, "no meeting '" + meeting + "' in meetings/" + did_you_mean(meeting, ids));
        return std::nullopt;
    }
    if (!load::valid_id(id)) {
        diags.error({"", 0, 0}, "report id '" + id + "' may hold only lower-case letters, digits and '-'");
        return std::nullopt;
    }
    auto all = load::load_committee_templates(templates, diags);
    if (!all) return std::nullopt;
    auto standard = all->reports.find("standard");
    if (standard == all->reports.end()) {
        diags.error({(templates / "reports").string(), 0, 0}, "there is no standard report template (standard.toml)");
        return std::nullopt;
    }
    ReportPlace place;
    place.report_template = standard->second;
    // The report's officer to start with: the committee's contact officer.
    place.officer = "person-id";
    if (auto c = project.data.committees.find(m->committee_ref.id); c != project.data.committees.end())
        place.officer = c->second.contact_officer.id;
    place.file = (fs::path(m->file).parent_path() / (id + ".md")).generic_string();
    place.meeting_file = m->file;
    place.on_agenda = std::any_of(m->items.begin(), m->items.end(), [&](const auto& i) { return i.report == id; });
    return place;
}

std::string agenda_item(const std::string& id, const std::string& title) {
    std::string quoted = "\"";
    for (char ch : title) {
        if (ch == '"' || ch == '\\') quoted += '\\';
        quoted += ch == '\n' ? ' ' : ch;
    }
    return "\n[[item]]\nid = \"" + id + "\"\ntitle = " + quoted + "\"\nreport = \"" + id + "\"\n";
}

std::optional<Changes> new_report(const load::Project& project, const fs::path& templates, const std::string& meeting,
                                  const std::string& id, Diagnostics& diags) {
    auto place = report_place(project, templates, meeting, id, diags);
    if (!place) return std::nullopt;
    const data::ReportTemplate& t = place->report_template;
    std::string text = "+++\nmeeting = \"" + meeting + "\"\ntitle = \"" + title_from_id(id) +
                       "\"\nofficers = [\"" + place->officer + "\"]   # who wrote it: ids from data/people.toml\n\n[answers]\n";
    for (const auto& q : t.questions) text += "# " + q.text + "\n" + q.key + " = \"no\"\n";
    text += "+++\n";
    for (const auto& s : t.sections) {
        text += "\n## " + s.heading + "\n\n";
        if (s.required) text += "*To write:* this section must be written.\n";
    }
    Changes c;
    c.create[place->file] = text;
    c.append[place->meeting_file] = agenda_item(id, title_from_id(id));
    return c;
}

}  // namespace planpack::scaffold
