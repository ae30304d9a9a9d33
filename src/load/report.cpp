#include "load/report.hpp"

#include "load/config.hpp"
#include "load/files.hpp"
#include "load/markdown.hpp"
#include "load/markdown_file.hpp"
#include "load/meeting.hpp"
#include "load/people.hpp"

namespace planpack::load {

namespace fs = std::filesystem;

std::optional<data::Report> load_report(const fs::path& root, const fs::path& path, std::string& id,
                                        Diagnostics& diags) {
    id = default_id(path);
    auto file = read_markdown_file(root, path, diags);
    if (!file) return std::nullopt;
    const size_t mark = diags.all().size();
    data::Report report;
    data::ReportMeta& m = report.meta;
    TableReader r(file->front_matter, file->origin, diags, "the report's front matter");
    m.pos = {file->shown, 1, 1};
    m.meeting = r.string("meeting", true).value_or("");
    m.meeting_pos = r.pos_of("meeting");
    m.id = r.string("id", false).value_or(default_id(path));
    id = m.id;
    m.title = r.string("title", true).value_or("");
    m.template_name = r.string("template", false).value_or("standard");
    m.template_pos = r.pos_of("template");
    m.officers = read_refs(r, "officers", true);
    m.cabinet_member = read_ref(r, "cabinet_member", false);
    m.priorities = read_refs(r, "priorities", false);
    if (const toml::table* answers = r.table("answers", true)) {
        // Which keys a template asks is checked against the template later; here each
        // answer must be one of the three words.
        for (const auto& [key, node] : *answers) {
            const SourcePos at = file->origin.at(node);
            m.answer_pos[std::string(key.str())] = at;
            auto a = node.is_string() ? data::parse_answer(node.as_string()->get()) : std::nullopt;
            if (a) m.answers[std::string(key.str())] = *a;
            else diags.error(at, "answer " + std::string(key.str()) + " with \"yes\", \"no\" or \"n.a.\"");
        }
    }
    for (auto& [text, pos] : r.strings("background_papers", false)) m.background_papers.push_back(text);
    const PaperPlace place{root, fs::path(file->shown).parent_path().generic_string()};
    m.appendices = read_appendices(r, place);
    r.finish();
    if (!valid_id(m.id))
        diags.error(file->front_matter.contains("id") ? r.pos_of("id") : m.pos,
                    "report id '" + m.id + "' may hold only lower-case letters, digits and '-'; set id "
                    "in the front matter");
    if (m.id == "index" || m.id == "minutes")
        diags.error(m.pos, "report id '" + m.id + "' is reserved for the meeting's own pages; set another id");
    if (m.title.empty() && file->front_matter.contains("title")) diags.error(r.pos_of("title"), "title must not be empty");
    if (m.officers.empty() && file->front_matter.contains("officers"))
        diags.error(r.pos_of("officers"), "a report names at least one relevant officer");
    auto body = parse_markdown(file->body, file->shown, file->body_line, diags);
    if (!body || diags.errors_since(mark)) return std::nullopt;
    model::Section& s = report.section;
    s.id = m.id;
    s.title = m.title;
    s.blocks = std::move(body->blocks);
    s.footnotes = std::move(body->footnotes);
    s.source = {file->shown, file->front_matter_line, 1};
    return report;
}

}  // namespace planpack::load
