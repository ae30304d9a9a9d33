// The walk shared by both imports: the title from the Word file's Title paragraph or first
// top-level heading, headings by level, captions found for tables, list items, footnotes.
// A report adds its rules: "## " headings matched to the template (ReportTemplate::match,
// as the report's own check does), the template's questions read as the front matter's
// answers, the sections planpack writes itself (council priority, appendices, background
// papers) read into the front matter, typed paragraph numbers taken out.
#include "import/docx/import.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "import/docx/body_writer.hpp"
#include "import/docx/markdown_writer.hpp"

namespace planpack::import_docx {

namespace {

std::string trimmed(std::string s) {
    s.erase(0, std::min(s.find_first_not_of(" \t"), s.size()));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

std::string lowered(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// A TOML basic string.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20) out += ' ';
        else out += c;
    }
    return out + "\"";
}

// "Table 1: Budget" -> "Budget": Word's caption label and number (planpack captions carry none).
void drop_caption_label(std::vector<Span>& spans) {
    if (spans.empty() || spans.front().kind != Span::Kind::text) return;
    std::string& t = spans.front().text;
    for (const char* label : {"Table ", "Figure "}) {
        if (t.rfind(label, 0) != 0) continue;
        size_t i = std::char_traits<char>::length(label);
        const size_t digits = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == digits) return;
        while (i < t.size() && (t[i] == ':' || t[i] == '.' || t[i] == '-' || t[i] == ' ')) ++i;
        t.erase(0, i);
        if (t.empty()) spans.erase(spans.begin());
        return;
    }
}

bool typed_total(const Table& t) {
    if (t.rows.size() < 2) return false;
    for (const auto& cell : t.rows.back()) {
        const std::string text = lowered(trimmed(plain_text(cell)));
        if (text.empty()) continue;
        return text.rfind("total", 0) == 0 || text.rfind("grand total", 0) == 0 || text.rfind("sub-total", 0) == 0 ||
               text.rfind("subtotal", 0) == 0;
    }
    return false;
}

// The first words of a paragraph, cut at a character's start (UTF-8).
std::string opening(const std::string& s) {
    size_t n = std::min<size_t>(s.size(), 60);
    while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

// A paragraph that could be a caption: some words, short, and no picture.
bool short_text(const std::vector<Span>& spans) {
    const std::string text = trimmed(plain_text(spans));
    return !text.empty() && text.size() <= 150 &&
           std::none_of(spans.begin(), spans.end(), [](const Span& s) { return s.kind == Span::Kind::image; });
}

// What the report adds to the shared walk.
struct Rules {
    int section_level = 2;  // the Word heading level written as "## "
    bool report = false;
    std::function<void(int level, std::vector<Span>& spans, SourcePos at)> heading;
    std::function<bool(Paragraph& p, SourcePos at)> take;  // true: the paragraph is not written
};

struct Walked {
    std::string body;
    std::string title;
    std::vector<Span> title_spans;
};

Walked walk(WordFile& w, Rules& rules, const std::string& file, Diagnostics& notes) {
    Walked out;
    auto& blocks = w.blocks;
    // Captions first: a Caption paragraph just before or after a table, else a short
    // paragraph just before it.
    std::map<size_t, std::vector<Span>> captions;
    std::set<size_t> used;
    std::set<size_t> guessed;
    auto para = [&](size_t i) { return i < blocks.size() ? std::get_if<Paragraph>(&blocks[i]) : nullptr; };
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (!std::holds_alternative<Table>(blocks[i])) continue;
        size_t from = blocks.size();
        if (i > 0 && !used.count(i - 1) && para(i - 1) && para(i - 1)->kind == Paragraph::Kind::caption) from = i - 1;
        else if (para(i + 1) && para(i + 1)->kind == Paragraph::Kind::caption) from = i + 1;
        else if (i > 0 && !used.count(i - 1) && para(i - 1) && para(i - 1)->kind == Paragraph::Kind::body &&
                 short_text(para(i - 1)->spans))
            from = i - 1, guessed.insert(i);
        if (from == blocks.size()) continue;
        used.insert(from);
        captions[i] = para(from)->spans;
        drop_caption_label(captions[i]);
    }

    BodyWriter body(file, 1);
    const Paragraph* title_para = nullptr;
    for (const Block& b : blocks)
        if (const auto* p = std::get_if<Paragraph>(&b); p && p->kind == Paragraph::Kind::title) {
            title_para = p;
            break;
        }
    if (title_para) out.title_spans = title_para->spans;
    bool have_title = title_para != nullptr;
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (used.count(i)) continue;
        if (auto* t = std::get_if<Table>(&blocks[i])) {
            const SourcePos at = body.next();
            if (typed_total(*t))
                notes.warning(at, "the last row of this table is a typed total: planpack computes totals, so "
                                  "they always add up. Put the figures in a CSV file under data/ and show them "
                                  "with a ```planpack table``` block with totals = true (or row_total = \"...\"), "
                                  "or delete the row");
            auto c = captions.find(i);
            if (c == captions.end()) {
                body.table(*t, "TODO: a caption that says what this table shows");
                notes.warning({file, body.next().line - 2, 1},
                              "this table had no caption in the Word file; write one on its \"Table:\" line "
                              "(a caption tells a screen-reader user what the table is before they enter it)");
            } else {
                body.table(*t, inline_markdown(c->second, true));
                if (guessed.count(i))
                    notes.warning({file, body.next().line - 2, 1},
                                  "the paragraph before this table was taken as its caption (the Word file had no "
                                  "Caption paragraph); check it reads as one");
            }
            continue;
        }
        Paragraph& p = std::get<Paragraph>(blocks[i]);
        const SourcePos at = body.next();
        switch (p.kind) {
            case Paragraph::Kind::title:
                if (&p != title_para) body.paragraph(p.spans);
                break;
            case Paragraph::Kind::heading:
                if (p.level < rules.section_level) {
                    if (!have_title) {
                        out.title_spans = p.spans;
                        have_title = true;
                        break;
                    }
                    notes.warning(at, "another top-level heading (Heading " + std::to_string(p.level) +
                                          ") after the title: written as a \"## \" heading");
                }
                if (rules.heading) rules.heading(std::max(p.level, rules.section_level), p.spans, at);
                body.heading(std::max(p.level, rules.section_level) - rules.section_level + 2, p.spans);
                break;
            case Paragraph::Kind::list_item:
                if (rules.take && rules.take(p, at)) break;
                body.list_item(p);
                break;
            case Paragraph::Kind::caption:
            case Paragraph::Kind::body:
                if (rules.take && rules.take(p, at)) break;
                if (!p.spans.empty()) body.paragraph(p.spans);
                break;
        }
    }
    body.footnotes(w.footnotes);
    out.body = body.text();
    for (const std::string& s : w.skipped)
        notes.warning({file, 1, 1}, "left out of the import: " + s);
    out.title = trimmed(plain_text(out.title_spans));
    if (out.title.empty()) out.title = trimmed(w.title);
    return out;
}

// The pictures the Markdown shows: one in a paragraph that was left out (a logo above the
// report's first section) is not written, as a file no page names is an error.
std::vector<Picture> shown_pictures(std::vector<Picture> all, const std::string& markdown) {
    std::vector<Picture> out;
    for (auto& p : all)
        if (markdown.find("](" + p.name + ")") != std::string::npos) out.push_back(std::move(p));
    return out;
}

// Diagnostics about the body, moved down by the front matter's lines.
void shift(const Diagnostics& from, int lines, Diagnostics& into) {
    for (Diagnostic d : from.all()) {
        if (d.pos.line > 1 || d.message.rfind("left out", 0) != 0) d.pos.line += lines;
        if (d.severity == Severity::error) into.error(d.pos, d.message);
        else into.warning(d.pos, d.message);
    }
}

int lines_in(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

// The Word heading level whose headings the template names most often: the sections.
int section_level(const WordFile& w, const data::ReportTemplate& t) {
    std::map<int, int> matches;
    for (const Block& b : w.blocks)
        if (const auto* p = std::get_if<Paragraph>(&b); p && p->kind == Paragraph::Kind::heading) {
            std::vector<Span> spans = p->spans;
            strip_typed_number(spans, true);
            if (t.match(trimmed(plain_text(spans)))) ++matches[p->level];
        }
    int best = 2, most = 0;
    for (const auto& [level, n] : matches)
        if (n > most) best = level, most = n;
    return best;
}

// A paragraph that asks one of the template's questions: its key and the answer, if given.
struct Asked {
    std::string key;
    std::string answer;  // after the question: "No", or "" when the next paragraph answers
};

// Word types typographic quotes ("Council’s") where the template has straight ones.
std::string straight_quotes(std::string s) {
    for (const char* curly : {"\u2018", "\u2019"})
        for (size_t at = s.find(curly); at != std::string::npos; at = s.find(curly, at + 1)) s.replace(at, 3, "'");
    for (const char* curly : {"\u201c", "\u201d"})
        for (size_t at = s.find(curly); at != std::string::npos; at = s.find(curly, at + 1)) s.replace(at, 3, "\"");
    return s;
}

std::optional<Asked> asks(const data::ReportTemplate& t, const std::string& text) {
    const std::string said = data::normalise_heading(straight_quotes(text));
    for (const auto& q : t.questions) {
        const std::string question = data::normalise_heading(straight_quotes(q.text));
        if (question.empty() || said.rfind(question, 0) != 0) continue;
        std::string rest = said.substr(question.size());
        while (!rest.empty() && (rest[0] == ' ' || rest[0] == '?' || rest[0] == ':' || rest[0] == '-'))
            rest.erase(0, 1);
        return Asked{q.key, trimmed(rest)};
    }
    return std::nullopt;
}

std::optional<std::string> answer_word(const data::ReportTemplate& t, const std::string& text) {
    const std::string a = data::normalise_heading(text);
    if (a == lowered(t.yes) || a == "yes") return "yes";
    if (a == lowered(t.no) || a == "no") return "no";
    if (a == lowered(t.not_applicable) || a == "n.a" || a == "n/a" || a == "not applicable") return "n.a.";
    return std::nullopt;
}

}  // namespace

Imported import_report(WordFile word, const ReportTarget& target, Diagnostics& notes) {
    const data::ReportTemplate& t = *target.report_template;
    Imported result;
    Diagnostics local;
    Rules rules;
    rules.report = true;
    rules.section_level = section_level(word, t);
    const data::TemplateSection* current = nullptr;
    std::map<std::string, std::string> answers;
    std::string pending_question;  // asked, its answer in the next paragraph
    std::vector<std::string> priorities, papers;
    bool appendices_left = false;
    bool in_sections = false;
    std::vector<std::string> before;  // paragraphs before the first section: the report's header
    rules.heading = [&](int level, std::vector<Span>& spans, SourcePos at) {
        const std::string number = strip_typed_number(spans, true);
        if (!number.empty())
            local.warning(at, "typed number '" + number + "' taken out of the heading: planpack numbers the "
                              "report's sections and paragraphs itself");
        if (level != rules.section_level) return;
        in_sections = true;
        const std::string text = trimmed(plain_text(spans));
        if (auto i = t.match(text)) {
            current = &t.sections[*i];
            return;
        }
        current = nullptr;
        result.unmatched.push_back(text);
        local.warning(at, "heading '" + text + "' is not one of the " + t.name +
                              " report template's sections: rename it to one of them "
                              "(templates/reports/" + t.name + ".toml), or make it a \"### \" heading inside one");
    };
    rules.take = [&](Paragraph& p, SourcePos at) {
        const std::string text = trimmed(plain_text(p.spans));
        if (!in_sections) {
            before.push_back(text);
            return true;
        }
        if (!pending_question.empty()) {
            const std::string key = std::exchange(pending_question, "");
            if (auto a = answer_word(t, text)) {
                answers[key] = *a;
                return true;
            }
        }
        if (auto q = asks(t, text)) {
            // planpack asks the question itself, from the answer in the front matter.
            if (q->answer.empty()) pending_question = q->key;
            else if (auto a = answer_word(t, q->answer)) answers[q->key] = *a;
            return true;
        }
        if (current && current->generated != data::Generated::none) {
            if (text == trimmed(t.none)) return true;
            switch (current->generated) {
                case data::Generated::council_priority:
                    for (const auto& pr : *target.priorities)
                        if (data::normalise_heading(text).find(data::normalise_heading(pr.text)) != std::string::npos ||
                            data::normalise_heading(text) == data::normalise_heading(pr.id))
                            priorities.push_back(pr.id);
                    break;
                case data::Generated::background_papers: papers.push_back(text); break;
                case data::Generated::appendices: appendices_left = true; break;
                case data::Generated::none: break;
            }
            return true;
        }
        if (text == trimmed(t.none)) return true;  // planpack prints it for an empty section
        if (p.kind == Paragraph::Kind::body) {
            const std::string number = strip_typed_number(p.spans);
            if (!number.empty())
                local.warning(at, "typed paragraph number '" + number + "' taken out: planpack numbers the "
                                  "report's paragraphs itself, so they stay right when paragraphs move");
        }
        return false;
    };
    Walked w = walk(word, rules, target.file, local);
    result.title = w.title.empty() ? target.id : w.title;

    std::string fm = "+++\nmeeting = " + quoted(target.meeting) + "\ntitle = " + quoted(result.title) + "\n";
    fm += "# TODO: who wrote the report, as ids from data/people.toml (the committee's contact officer to start)\n";
    fm += "officers = [" + quoted(target.officer) + "]\n";
    if (!priorities.empty()) {
        fm += "priorities = [";
        for (size_t i = 0; i < priorities.size(); ++i) fm += (i ? ", " : "") + quoted(priorities[i]);
        fm += "]\n";
    }
    if (!papers.empty()) {
        fm += "background_papers = [";
        for (size_t i = 0; i < papers.size(); ++i) fm += (i ? ", " : "") + quoted(papers[i]);
        fm += "]\n";
    }
    fm += "\n[answers]\n";
    Diagnostics front;
    for (const auto& q : t.questions) {
        if (auto a = answers.find(q.key); a != answers.end()) {
            fm += "# " + q.text + "\n" + q.key + " = " + quoted(a->second) + "\n";
            continue;
        }
        fm += "# TODO: not answered in the Word file: " + q.text + "\n";
        front.warning({target.file, lines_in(fm) + 1, 1},
                      "the Word file does not answer \"" + q.text + "\": answer it here with \"yes\", \"no\" or "
                      "\"n.a.\"");
        fm += q.key + " = \"\"\n";
    }
    fm += "+++\n\n";
    if (!before.empty())
        front.warning({target.file, 1, 1},
                      std::to_string(before.size()) + " paragraph(s) before the first section were left out (\"" +
                          opening(before.front()) + "\"...): planpack prints a report's header (committee, "
                          "officer, date) from the meeting and the front matter; anything else belongs in a section");
    if (appendices_left)
        front.warning({target.file, 1, 1}, "the Word file lists appendices: planpack writes that section from the "
                                           "report's [[appendix]] entries, so add one for each appendix");
    if (w.title.empty())
        front.warning({target.file, 3, 1}, "the Word file has no title (a Title paragraph or a first heading): "
                                           "the title is made from the report's id; change it here");
    result.markdown = fm + w.body + "\n";
    result.pictures = shown_pictures(std::move(word.pictures), result.markdown);
    notes.append(front);
    shift(local, lines_in(fm), notes);
    return result;
}

Imported import_section(WordFile word, const SectionTarget& target, Diagnostics& notes) {
    Imported result;
    Diagnostics local;
    Rules rules;
    // Under a Title paragraph, Heading 1s are the section's own headings.
    const bool titled = std::any_of(word.blocks.begin(), word.blocks.end(), [](const Block& b) {
        const auto* p = std::get_if<Paragraph>(&b);
        return p && p->kind == Paragraph::Kind::title;
    });
    rules.section_level = titled ? 1 : 2;
    Walked w = walk(word, rules, target.file, local);
    result.title = w.title.empty() ? target.id : w.title;
    const std::string fm = "+++\ndocument = " + quoted(target.document) + "\nkind = \"section\"\norder = " +
                           std::to_string(target.order) + "\ntitle = " + quoted(result.title) + "\n+++\n\n";
    if (w.title.empty())
        notes.warning({target.file, 5, 1}, "the Word file has no title (a Title paragraph or a Heading 1): the "
                                           "title is made from the section's id; change it here");
    result.markdown = fm + w.body + "\n";
    result.pictures = shown_pictures(std::move(word.pictures), result.markdown);
    shift(local, lines_in(fm), notes);
    return result;
}

}  // namespace planpack::import_docx
