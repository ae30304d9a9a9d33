#include "publish/compare.hpp"

#include <algorithm>
#include <optional>

#include "diag/suggest.hpp"
#include "model/find_by.hpp"
#include "publish/sha256.hpp"
#include "publish/text.hpp"

namespace planpack::publish {

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// What a reader reads in the file: a page's text, a PDF planpack laid out; nullopt for
// anything else (a workbook, an appendix file published as it is), compared byte for byte.
std::optional<Text> readable(const std::string& path, const std::string& bytes, const PdfText& pdf_text) {
    if (ends_with(path, ".html")) return html_text(bytes);
    if (auto it = pdf_text.find(path); it != pdf_text.end()) return publish::pdf_text(it->second);
    return std::nullopt;
}

// A line as a message quotes it: whole, or its first words.
std::string quote(const std::string& line) {
    constexpr size_t most = 90;
    if (line.size() <= most) return "\"" + line + "\"";
    size_t cut = line.rfind(' ', most);
    if (cut == std::string::npos || cut < most / 2) cut = most;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return "\"" + line.substr(0, cut) + " ...\"";
}

// Where the new text first differs from the recorded one, in words a reader can find.
std::string first_difference(const FileRecord& old, const std::optional<Text>& now) {
    if (!now) return old.path + " (its contents differ)";
    const Text& text = *now;
    const auto prints = line_prints(text);
    size_t i = 0;
    while (i < prints.size() && i < old.lines.size() && prints[i] == old.lines[i]) ++i;
    auto where = [&](size_t line) {
        return text[line].page > 0 ? old.path + ", page " + std::to_string(text[line].page) : old.path;
    };
    if (i < text.size()) return where(i) + ", would now read " + quote(text[i].text);
    if (text.empty()) return old.path + " would now be empty";
    return where(text.size() - 1) + ", would now end at " + quote(text.back().text);
}

std::string how_to_correct(const Edition& e) {
    return "a published paper may change only for a stated correction: add a [[correction]] with its date "
           "and reason to " + e.source + " (the paper then prints it as an erratum), or undo the change";
}

std::string heading(const Edition& e) {
    return e.noun + ", published " + model::format_long(e.published) + ", would change: ";
}

bool all_recorded(const std::vector<model::Correction>& stated, const std::vector<Correction>& recorded) {
    return std::all_of(stated.begin(), stated.end(), [&](const model::Correction& c) {
        return std::find(recorded.begin(), recorded.end(), c) != recorded.end();
    });
}

const Edition* find(const std::vector<Edition>& editions, const std::string& id) {
    return model::find_by(editions, &Edition::id, id);
}

}  // namespace

FileRecord fingerprint(const std::string& path, const std::string& bytes, const PdfText& pdf_text) {
    FileRecord f;
    f.path = path;
    f.sha256 = sha256_hex(bytes);
    if (auto text = readable(path, bytes, pdf_text)) {
        f.text = text_digest(*text);
        f.lines = line_prints(*text);
    } else {
        f.text = f.sha256;
    }
    return f;
}

Comparison compare(const Record& record, const std::vector<Edition>& editions, const output::OutputTree& tree,
                   const PdfText& pdf_text, const output::Formats& built_formats, Diagnostics& diags) {
    Comparison out;
    for (const auto& p : record.publications) {
        const Edition* e = find(editions, p.id);
        if (!e) {
            diags.error(p.pos, "'" + p.id + "', published " + model::format_long(p.published) +
                                   ", is no longer built: a published paper is not withdrawn silently; restore "
                                   "its source, or, to withdraw it, delete its [[publication]] here");
            continue;
        }
        if (!all_recorded(e->corrections, p.corrections)) {
            out.corrected.push_back(e->id);
            continue;
        }
        for (const auto& f : p.files) {
            auto it = tree.find(f.path);
            if (it == tree.end()) {
                const auto format = output::format_of(f.path);
                if (!format || built_formats.count(*format))
                    diags.error(f.pos, heading(*e) + f.path + " would no longer be published; " + how_to_correct(*e));
                continue;
            }
            const FileRecord now = fingerprint(f.path, it->second, pdf_text);
            if (now.text == f.text) continue;
            diags.error(f.pos, heading(*e) + first_difference(f, readable(f.path, it->second, pdf_text)) + "; " +
                                   how_to_correct(*e));
        }
        for (const auto& path : e->files)
            if (std::none_of(p.files.begin(), p.files.end(), [&](const FileRecord& f) { return f.path == path; }))
                diags.error(p.pos, heading(*e) + path + " would be added to it; " + how_to_correct(*e));
    }
    return out;
}

Record republish(const Record& record, const std::vector<Edition>& editions, const output::OutputTree& tree,
                 const PdfText& pdf_text, const std::vector<std::string>& ids, Diagnostics& diags) {
    std::vector<const Edition*> chosen;
    if (ids.empty())
        for (const auto& e : editions) chosen.push_back(&e);
    for (const auto& id : ids) {
        if (const Edition* e = find(editions, id)) {
            chosen.push_back(e);
            continue;
        }
        std::vector<std::string> known;
        for (const auto& e : editions) known.push_back(e.id);
        diags.error({"planpack publish", 0, 0},
                    "there is no document or meeting '" + id + "' to publish" + did_you_mean(id, known));
    }
    for (const Edition* e : chosen) {
        if (e->draft)
            diags.error(e->pos, "'" + e->id + "' is a draft (draft = true), and a draft cannot be published: when "
                                "it is agreed, remove draft = true and give the date it is published "
                                "(published = YYYY-MM-DD); to publish other papers now, name them: planpack "
                                "publish ID ...");
        for (const auto& d : e->drafts_bound)
            diags.error(e->pos, e->noun + " binds '" + d + "', which is a draft (draft = true), so it cannot be "
                                          "published until that document is agreed");
    }
    Record out = record;
    if (diags.has_errors()) return out;
    for (const Edition* e : chosen) {
        const Publication* old = record.find(e->id);
        if (old && all_recorded(e->corrections, old->corrections)) continue;  // as published: keep its record
        Publication p;
        p.id = e->id;
        p.published = e->published;
        p.corrections = e->corrections;
        for (const auto& path : e->files) p.files.push_back(fingerprint(path, tree.at(path), pdf_text));
        auto it = std::find_if(out.publications.begin(), out.publications.end(),
                               [&](const Publication& x) { return x.id == e->id; });
        if (it != out.publications.end()) *it = std::move(p);
        else out.publications.push_back(std::move(p));
    }
    std::sort(out.publications.begin(), out.publications.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

}  // namespace planpack::publish
