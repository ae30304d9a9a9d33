#include "load/project.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "diag/suggest.hpp"
#include "load/action_plan.hpp"
#include "load/board.hpp"
#include "load/board_pack.hpp"
#include "load/files.hpp"
#include "load/markdown_file.hpp"
#include "load/markdown.hpp"
#include "load/meeting.hpp"
#include "load/meeting_links.hpp"
#include "load/people.hpp"
#include "load/report.hpp"
#include "util/parallel_for.hpp"

namespace planpack::load {

namespace fs = std::filesystem;

// A section with where its id and order were written, for duplicate checks that point at
// the key itself. document_id is set as soon as the front matter names a document, even
// when the file is rejected, so "document has no content" is never said of it. Outside
// the anonymous namespace: SectionCache::Entry, which has external linkage, holds one.
struct LoadedSection {
    model::Section section;
    SourcePos id_pos, order_pos;
};

namespace {

bool listed(const Config& cfg, const std::string& id) {
    return std::any_of(cfg.documents.begin(), cfg.documents.end(), [&](const DocumentConfig& d) { return d.id == id; });
}

// The document a file belongs to when its front matter does not say: the folder it is in
// (content/<document-id>/...), or the only document there is. So a document id is written
// once, in planpack.toml and the folder name, and renaming it touches one place.
std::optional<std::string> inherited_document(const fs::path& root, const fs::path& path, const Config& cfg) {
    const fs::path rel = path.lexically_relative(root / "content");
    if (std::distance(rel.begin(), rel.end()) > 1 && listed(cfg, rel.begin()->string())) return rel.begin()->string();
    if (cfg.documents.size() == 1) return cfg.documents.front().id;
    return std::nullopt;
}

std::optional<LoadedSection> load_section(const fs::path& root, const fs::path& path,
                                          const Config& cfg, std::string& document_id,
                                          std::string& section_id, Diagnostics& diags) {
    section_id = default_id(path);
    const auto folder_document = inherited_document(root, path, cfg);
    if (folder_document) document_id = *folder_document;
    auto file = read_markdown_file(root, path, diags);
    if (!file) return std::nullopt;
    const std::string& shown = file->shown;
    TableReader r(file->front_matter, file->origin, diags, "the front matter");
    model::Section s;
    s.source = {shown, 1, 1};
    auto document = r.string("document", false);
    auto kind = r.string("kind", false).value_or("section");
    auto order = r.integer("order", true);
    auto id = r.string("id", false).value_or(default_id(path));
    auto title = r.string("title", true);
    const bool landscape = r.boolean("landscape", false).value_or(false);
    const bool draft = r.boolean("draft", false).value_or(false);
    // A board pack's item: who leads it (a seat of the board, checked once data/ is read)
    // and what the board is asked to do with it.
    s.lead_seat = r.string("lead", false).value_or("");
    s.lead_pos = r.pos_of("lead");
    const auto purpose = r.string("purpose", false);
    const auto duration = r.integer("duration", false);
    s.duration_pos = r.pos_of("duration");
    s.minutes_of = r.string("minutes", false).value_or("");
    s.minutes_pos = r.pos_of("minutes");
    r.finish();
    bool ok = true;
    if (duration) {
        if (*duration < 1 || *duration > 480) {
            diags.error(s.duration_pos, "duration is the item's time on the agenda in whole minutes, from 1 to 480, "
                                        "not " + std::to_string(*duration));
            ok = false;
        } else {
            s.duration = static_cast<int>(*duration);
        }
    }
    if (purpose) {
        static const std::vector<std::string> purposes = {"decision", "discussion", "information"};
        if (*purpose == "decision") s.purpose = model::Purpose::decision;
        else if (*purpose == "discussion") s.purpose = model::Purpose::discussion;
        else if (*purpose == "information") s.purpose = model::Purpose::information;
        else {
            diags.error(r.pos_of("purpose"), "purpose must be \"decision\", \"discussion\" or \"information\", "
                                             "not \"" + *purpose + "\"" + did_you_mean(*purpose, purposes));
            ok = false;
        }
    }
    section_id = id;
    if (!document && !folder_document)
        diags.error(r.pos(), "the front matter does not say which document this belongs to: put the file in "
                             "content/<document-id>/, or add document = \"...\"");
    const fs::path rel = path.lexically_relative(root / "content");
    // Only a folder named after a document overrules; the only document is a default.
    if (document && folder_document && *document != *folder_document && std::distance(rel.begin(), rel.end()) > 1 &&
        rel.begin()->string() == *folder_document) {
        diags.error(r.pos_of("document"), "this file is in content/" + *folder_document + "/ but says document = \"" +
                                              *document + "\"; delete the document line (the folder says it) or "
                                              "move the file");
        document = std::nullopt;
    }
    if (!document) document = folder_document;
    // Named only now: a document line the folder overrules must not be where the section goes.
    if (document) document_id = *document;

    ok = ok && document && order && title;
    if (document && !listed(cfg, *document)) {
        std::vector<std::string> ids;
        for (const auto& d : cfg.documents) ids.push_back(d.id);
        diags.error(r.pos_of("document"), "document '" + *document +
                                              "' is not listed in planpack.toml's [[document]]" +
                                              did_you_mean(*document, ids));
        ok = false;
    }
    if (kind == "section") s.kind = model::SectionKind::section;
    else if (kind == "appendix") s.kind = model::SectionKind::appendix;
    else {
        diags.error(r.pos_of("kind"), "kind must be \"section\" or \"appendix\", not \"" + kind + "\"");
        ok = false;
    }
    if (id == "index") {
        diags.error(file->front_matter.contains("id") ? r.pos_of("id") : SourcePos{shown, 1, 1},
                    "section id 'index' is the document's contents page; give this section "
                    "another id (front matter: id = \"...\")");
        ok = false;
    } else if (!valid_id(id)) {
        diags.error(r.pos_of("id"), "section id '" + id +
                                        "' may hold only lower-case letters, digits and '-'; "
                                        "set id in the front matter");
        ok = false;
    }
    if (title && title->empty()) {
        diags.error(r.pos_of("title"), "title must not be empty");
        ok = false;
    }
    auto body = parse_markdown(file->body, shown, file->body_line, diags);
    if (!ok || !body) return std::nullopt;
    s.id = id;
    s.order = static_cast<int>(*order);
    s.title = *title;
    s.landscape = landscape;
    s.draft = draft;
    s.blocks = std::move(body->blocks);
    s.footnotes = std::move(body->footnotes);
    s.source = {shown, file->front_matter_line, 1};
    const SourcePos id_pos = file->front_matter.contains("id") ? r.pos_of("id") : SourcePos{shown, 1, 1};
    return LoadedSection{std::move(s), id_pos, r.pos_of("order")};
}

}  // namespace

// What stat says of a file. While it is unchanged, and no watcher named the file, the
// text is not read again: 1,000 reads are most of a rebuild that parses one file.
struct FileStamp {
    std::int64_t size = 0, seconds = 0, nanoseconds = 0;
    bool operator==(const FileStamp&) const = default;
};

std::optional<FileStamp> stamp_of(const fs::path& path) {
    struct ::stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;  // one call, where std::filesystem makes two
    return FileStamp{st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec};
}

struct SectionCache::Entry {
    std::optional<FileStamp> stamp;  // none: read the text again to know
    std::string text;
    std::optional<LoadedSection> loaded;
    std::string document_id;
    std::string section_id;
    Diagnostics diags;
};
SectionCache::SectionCache() = default;
SectionCache::~SectionCache() = default;

void SectionCache::changed(const fs::path& path) {
    if (auto it = entries.find(path.string()); it != entries.end()) it->second.stamp.reset();
}

namespace {

constexpr const char* known_schemas =
    "action-plan/1, board/1, indicators/1, people/1, committee/1, tracker/1";

// Dispatches a TOML data file on its schema key. Returns false when it did not load.
bool load_typed(const std::string& name, const toml::table& table, const TomlOrigin& origin,
                DataSet& data, Diagnostics& diags) {
    const toml::node* schema = table.get("schema");
    if (!schema || !schema->is_string()) {
        diags.error(schema ? origin.at(*schema) : SourcePos{origin.file, 1, 1},
                    "a TOML data file must say what it holds, e.g. schema = \"action-plan/1\"");
        return false;
    }
    const std::string kind = schema->as_string()->get();
    if (kind == "action-plan/1") {
        auto plan = parse_action_plan(table, origin, name, diags);
        if (plan) data.action_plans.emplace(name, std::move(*plan));
        return plan.has_value();
    }
    if (kind == "board/1") {
        if (data.broken.count(name)) return false;
        auto board = parse_board(table, origin, name, data.csv, diags);
        if (board) data.boards.emplace(name, std::move(*board));
        return board.has_value();
    }
    if (kind == "indicators/1") {
        if (name != "indicators") {
            diags.error(origin.at(*schema), "the indicator catalogue must be data/indicators.toml");
            return false;
        }
        return true;  // read by load_indicators once every CSV is in
    }
    if (kind == "people/1") {
        auto people = parse_people(table, origin, diags);
        if (!people) data.people_broken = true;
        if (people)
            for (auto& p : people->persons) {
                if (const data::Person* other = data.people.find(p.id))
                    diags.error(p.pos, "person id '" + p.id + "' is also used in " + other->pos.file);
                else data.people.persons.push_back(std::move(p));
            }
        return people.has_value();
    }
    if (kind == "committee/1") {
        auto committee = parse_committee(table, origin, name, diags);
        if (committee) data.committees.emplace(name, std::move(*committee));
        return committee.has_value();
    }
    if (kind == "tracker/1") {
        auto tracker = parse_tracker(table, origin, name, diags);
        if (tracker) data.trackers.emplace(name, std::move(*tracker));
        return tracker.has_value();
    }
    diags.error(origin.at(*schema), "unknown schema '" + kind + "' (known: " + known_schemas + ")");
    return false;
}

// A CSV whose header is that of an indicator values file (docs/format.md).
bool looks_like_values(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string_view header = text.substr(0, text.find('\n'));
    if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
    std::string expected;
    for (auto col : value_columns()) expected += (expected.empty() ? "" : ",") + std::string(col);
    return header == expected;
}

// data/indicators.toml, when there is one: the catalogue, and the names of the CSV files
// holding its values, with where that list is written.
std::optional<IndicatorSet> load_catalogue(DataSet& data, std::vector<std::string>& value_files,
                                           SourcePos& values_pos, Diagnostics& diags) {
    if (data.broken.count("indicators")) {
        data.indicators_broken = true;
        return std::nullopt;
    }
    auto catalogue = data.toml.find("indicators");
    if (catalogue == data.toml.end()) return std::nullopt;
    auto set = read_catalogue(catalogue->second.table, catalogue->second.origin, value_files, diags);
    if (!set) data.indicators_broken = true;
    Diagnostics unused;
    values_pos = TableReader(catalogue->second.table, catalogue->second.origin, unused, "").pos_of("values");
    return set;
}

// In three steps. TOML is parsed first, so the indicator catalogue can say which CSV files
// are its values: those are read row by row straight into the indicator set (they can be
// large) and never become tables in data.csv. Then the other CSV files. Last, the TOML
// files are read into their types, because some name CSV files (a board's grid).
// meetings/: agendas and minutes by their schema, reports by their extension.
void load_meeting_papers(const fs::path& root, MeetingPapers& papers, Diagnostics& diags) {
    const fs::path dir = root / "meetings";
    for (const auto& path : files_with_extension(root, dir, ".toml", diags)) {
        const std::string shown = shown_path(root, path);
        auto text = read_file(path, shown, diags);
        if (!text) continue;
        const TomlOrigin origin{shown, 0};
        auto table = parse_toml(*text, origin, diags);
        if (!table) continue;
        const toml::node* schema = table->get("schema");
        const std::string kind = schema && schema->is_string() ? schema->as_string()->get() : "";
        if (kind == "meeting/1") {
            const PaperPlace place{root, fs::path(shown).parent_path().generic_string()};
            if (auto m = parse_meeting(*table, origin, place, diags)) papers.meetings.push_back(std::move(*m));
            else if (auto id = table->at_path("meeting.id").value<std::string>()) papers.broken.insert(*id);
        } else if (kind == "minutes/1") {
            if (auto m = parse_minutes(*table, origin, diags)) papers.minutes.push_back(std::move(*m));
        } else {
            diags.error(schema ? origin.at(*schema) : SourcePos{shown, 1, 1},
                        "a TOML file in meetings/ is a meeting's agenda (schema = \"meeting/1\") or its "
                        "minutes (schema = \"minutes/1\"); other data belongs in data/");
        }
    }
    for (const auto& path : files_with_extension(root, dir, ".md", diags)) {
        std::string id;
        if (auto r = load_report(root, path, id, diags)) papers.reports.push_back(std::move(*r));
        else papers.broken.insert(id);
    }
    std::stable_sort(papers.meetings.begin(), papers.meetings.end(),
                     [](const data::CommitteeMeeting& a, const data::CommitteeMeeting& b) { return a.date < b.date; });
}

void load_data(const fs::path& root, DataSet& data, Diagnostics& diags) {
    const fs::path dir = root / "data";
    for (const auto& path : files_with_extension(root, dir, ".toml", diags)) {
        const std::string shown = shown_path(root, path);
        auto text = read_file(path, shown, diags);
        if (!text) continue;
        TomlOrigin origin{shown, 0};
        if (auto table = parse_toml(*text, origin, diags))
            data.toml.emplace(path.stem().string(), TomlData{std::move(*table), origin});
        else
            data.broken.insert(path.stem().string());
    }
    std::vector<std::string> value_files;
    SourcePos values_pos;
    auto indicators = load_catalogue(data, value_files, values_pos, diags);
    std::set<std::string> csv_names;
    for (const auto& path : files_with_extension(root, dir, ".csv", diags)) {
        const std::string shown = shown_path(root, path);
        const std::string name = path.stem().string();
        csv_names.insert(name);
        const bool values =
            std::find(value_files.begin(), value_files.end(), name) != value_files.end();
        auto text = read_file(path, shown, diags);
        if (!text) {
            if (indicators && values) indicators->values_ok = false;
            continue;
        }
        if (values) {
            if (indicators) read_values(*indicators, *text, shown, diags);
        } else if (looks_like_values(*text)) {
            // Found by what it holds, not only by the list: a new year's figures must not
            // sit unread because nobody added them to data/indicators.toml.
            diags.error({shown, 1, 1}, "'" + path.filename().string() + "' holds indicator values (its columns are "
                                       "those of a values file), but data/indicators.toml does not list it: add \"" +
                                       name + "\" to values there");
            data.broken.insert(name);
        } else if (auto table = parse_csv(*text, shown, diags)) {
            data.csv.emplace(name, std::move(*table));
        } else {
            data.broken.insert(name);
        }
    }
    for (const auto& name : csv_names)
        if (data.toml.count(name))
            diags.error({"data/" + name + ".toml", 0, 0},
                        "data name '" + name + "' is used by both a .csv and a .toml file");

    for (auto it = data.toml.begin(); it != data.toml.end();) {
        if (load_typed(it->first, it->second.table, it->second.origin, data, diags)) {
            ++it;
        } else {
            data.broken.insert(it->first);
            it = data.toml.erase(it);
        }
    }
    for (auto& [name, board] : data.boards) read_board_minutes(root, board, diags);
    for (const auto& [name, plan] : data.action_plans) {
        if (plan.previous.empty()) continue;
        auto prev = data.action_plans.find(plan.previous);
        if (prev != data.action_plans.end()) check_against_previous(plan, prev->second, diags);
        else if (!data.broken.count(plan.previous))
            diags.error(plan.previous_pos, "previous = \"" + plan.previous + "\" names no action plan in data/");
    }

    if (!indicators) return;
    for (const auto& name : value_files)
        if (!csv_names.count(name)) {
            indicators->values_ok = false;
            diags.error(values_pos, "no data/" + name + ".csv for the indicator values");
        }
    if (indicators->values_ok) finish_values(*indicators, diags);  // else rows are missing
    data.indicators = std::move(*indicators);
}

}  // namespace

std::optional<Project> load_project(const fs::path& root, Diagnostics& diags, SectionCache* cache) {
    const fs::path config_path = root / "planpack.toml";
    std::error_code ec;
    if (!fs::exists(config_path, ec)) {
        diags.error({"planpack.toml", 0, 0},
                    "no planpack.toml in " + root.string() + " (is --root right?)");
        return std::nullopt;
    }
    auto text = read_file(config_path, "planpack.toml", diags);
    if (!text) return std::nullopt;
    auto cfg = parse_config(*text, "planpack.toml", diags);
    if (!cfg) return std::nullopt;

    Project project;
    project.config = std::move(*cfg);
    for (const auto& d : project.config.documents) {
        model::Document doc;
        doc.id = d.id;
        doc.kind = d.kind;
        doc.title = d.title;
        doc.period_start = d.period_start;
        doc.period_end = d.period_end;
        doc.published = d.published;
        doc.as_of = d.as_of;
        doc.draft = d.draft;
        doc.undated = d.undated;
        doc.corrections = d.corrections;
        project.documents.push_back(std::move(doc));
    }
    std::set<std::string> named;  // documents some content file names, loaded or not
    if (cache) cache->parsed = cache->reused = 0;
    // The file that first took each section id and each order, by document.
    std::map<std::pair<std::string, std::string>, std::string> ids;
    std::map<std::tuple<std::string, model::SectionKind, int>, std::string> orders;
    // Three passes: decide which files need parsing (the cache may hold the rest), parse
    // those on every core, then take every file in path order, so messages, ids and the
    // order of sections never depend on which thread finished first.
    const auto paths = files_with_extension(root, root / "content", ".md", diags);
    std::vector<SectionCache::Entry> parsed(paths.size());
    std::vector<SectionCache::Entry*> entries(paths.size());  // parsed now, or the cache's
    std::vector<size_t> to_parse;
    for (size_t i = 0; i < paths.size(); ++i) {
        const fs::path& path = paths[i];
        if (!cache) {
            entries[i] = &parsed[i];
            to_parse.push_back(i);
            continue;
        }
        // Size and time stand for the text until they change or a watcher names the
        // file; then the text decides, so a save within one tick of the clock counts.
        auto it = cache->entries.find(path.string());
        // Under a watcher an entry it did not name is the file as last read: no stat
        // for each of a thousand sections on every save.
        const bool unnamed = cache->watched && it != cache->entries.end() && it->second.stamp;
        const auto stamp = unnamed ? it->second.stamp : stamp_of(path);
        std::optional<std::string> text;
        bool same = false;
        if (it != cache->entries.end()) {
            if (stamp && it->second.stamp == stamp) {
                same = true;
            } else {
                Diagnostics unread;
                text = read_file(path, path.string(), unread);
                same = text && it->second.text == *text;
            }
        }
        if (same) {
            ++cache->reused;
            it->second.stamp = stamp;
            entries[i] = &it->second;
            continue;
        }
        if (!text) {
            Diagnostics unread;
            text = read_file(path, path.string(), unread);
        }
        ++cache->parsed;
        parsed[i].stamp = stamp;
        parsed[i].text = text.value_or("");
        entries[i] = &parsed[i];
        to_parse.push_back(i);
    }
    util::parallel_for(to_parse.size(), [&](size_t k) {
        SectionCache::Entry& e = parsed[to_parse[k]];
        e.loaded = load_section(root, paths[to_parse[k]], project.config, e.document_id, e.section_id, e.diags);
    });
    for (size_t i = 0; i < paths.size(); ++i) {
        SectionCache::Entry& entry = *entries[i];
        diags.append(entry.diags);
        const std::string& document_id = entry.document_id;
        const std::string& section_id = entry.section_id;
        // The cache keeps its own copy; a build without one moves the section out.
        std::optional<LoadedSection> kept;
        if (cache && entry.loaded) kept = entry.loaded;
        std::optional<LoadedSection>& loaded = cache ? kept : entry.loaded;
        named.insert(document_id);
        if (!loaded) {
            for (auto& doc : project.documents)
                if (doc.id == document_id || document_id.empty()) doc.unloaded_sections.insert(section_id);
            continue;
        }
        const model::Section& section = loaded->section;
        auto doc = std::find_if(project.documents.begin(), project.documents.end(),
                                [&](const model::Document& d) { return d.id == document_id; });
        // Looked up, not searched: a plan may have a thousand sections.
        if (auto [other, fresh] = ids.try_emplace({document_id, section.id}, section.source.file); !fresh)
            diags.error(loaded->id_pos, "section id '" + section.id + "' is also used by " + other->second);
        else if (auto [same, first] =
                     orders.try_emplace({document_id, section.kind, section.order}, section.source.file);
                 !first)
            diags.error(loaded->order_pos,
                        "order " + std::to_string(section.order) + " is also used by " + same->second +
                            "; give each " +
                            (section.kind == model::SectionKind::appendix ? "appendix" : "section") +
                            " its own order");
        doc->draft = doc->draft || loaded->section.draft;
        doc->sections.push_back(std::move(loaded->section));
    }
    if (cache) {  // files that are gone are forgotten
        std::map<std::string, SectionCache::Entry> seen;
        for (size_t i = 0; i < paths.size(); ++i)
            seen.insert_or_assign(paths[i].string(), std::move(*entries[i]));
        cache->entries = std::move(seen);
    }
    for (size_t i = 0; i < project.documents.size(); ++i)
        if (!named.count(project.documents[i].id))
            diags.error(project.config.documents[i].pos,
                        "document '" + project.documents[i].id +
                            "' has no content: no file in content/ names it");
    load_data(root, project.data, diags);
    load_meeting_papers(root, project.data.papers, diags);
    resolve_board_packs(project, diags);
    check_meeting_links(project, diags);
    return project;
}

}  // namespace planpack::load
