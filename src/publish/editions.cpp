#include "publish/editions.hpp"

#include <set>

#include "model/paths.hpp"

namespace planpack::publish {

namespace {

bool under(const std::string& path, const std::string& folder) {
    return path.size() > folder.size() + 1 && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/';
}

std::string noun(const model::Document& doc) {
    if (doc.kind == model::DocumentKind::meeting) return "the agenda pack for " + model::format_long(doc.period_start);
    return "the " + doc.title;
}

}  // namespace

std::vector<Edition> editions(const pipeline::Model& m, const output::OutputTree& tree) {
    // Pages that other papers keep in a meeting's folder (its minutes, written after the
    // meeting) are theirs, not the agenda's.
    std::set<std::string> others;
    for (const auto& p : m.papers)
        if (p.kind != model::DocumentKind::meeting) {
            others.insert(model::index_path(p));
            for (const auto& s : p.sections)
                if (!s.elsewhere) others.insert(model::page_path(p, s));
        }
    std::vector<Edition> out;
    auto add = [&](const model::Document& doc, SourcePos pos, std::string source) {
        Edition e;
        e.id = doc.id;
        e.noun = noun(doc);
        e.published = doc.published;
        e.draft = doc.draft;
        e.corrections = doc.corrections;
        e.source = std::move(source);
        e.pos = std::move(pos);
        const std::string folder = model::folder(doc);
        for (const auto& [path, _] : tree)
            if (under(path, folder) && !others.count(path)) e.files.push_back(path);
        // What it binds from elsewhere: a document bound into an agenda pack.
        std::set<std::string> bound;
        for (const auto& s : doc.sections)
            if (s.elsewhere) bound.insert(s.elsewhere->document);
        for (const auto& d : m.project.documents)
            if (d.draft && d.id != doc.id && bound.count(model::folder(d))) e.drafts_bound.push_back(d.id);
        out.push_back(std::move(e));
    };
    for (const auto& d : m.project.documents) {
        SourcePos pos{"planpack.toml", 0, 0};
        for (const auto& c : m.project.config.documents)
            if (c.id == d.id) pos = c.pos;
        add(d, pos, "its [[document]] in planpack.toml");
    }
    for (const auto& p : m.papers) {
        if (p.kind != model::DocumentKind::meeting) continue;
        for (const auto& meeting : m.project.data.papers.meetings)
            if (meeting.id == p.id) add(p, meeting.pos, meeting.file);
    }
    return out;
}

}  // namespace planpack::publish
