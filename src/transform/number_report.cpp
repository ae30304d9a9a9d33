#include "transform/number_report.hpp"

#include <optional>

#include "model/builders.hpp"
#include "model/inline_text.hpp"

namespace planpack::transform {

namespace {

using model::Block;
using model::Blocks;

// The length of a typed paragraph number at the start of text ("6.2 ", "6.4.1. "), if
// there is one. For a paragraph the first figure must be its section's own (so "1.5 million
// children" in section 6 is prose); for a heading any "N.M" counts.
std::optional<size_t> typed_number(std::string_view text, int section) {
    size_t i = 0, groups = 0;
    std::string first;
    while (true) {
        const size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        if (i == start) return std::nullopt;
        if (groups++ == 0) first = std::string(text.substr(start, i - start));
        if (i < text.size() && text[i] == '.' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
            ++i;
            continue;
        }
        break;
    }
    if (groups < 2 || (section > 0 && first != std::to_string(section))) return std::nullopt;
    if (i < text.size() && text[i] == '.') ++i;
    if (i < text.size() && text[i] != ' ' && text[i] != '\t') return std::nullopt;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    return i;
}

// Drops a typed number from the front of inlines, warning at pos. section 0: any.
void drop_typed_number(model::Inlines& content, int section, const SourcePos& pos, Diagnostics& diags) {
    if (content.empty()) return;
    auto* t = std::get_if<model::Text>(&content.front().value);
    if (!t) return;
    auto n = typed_number(t->text, section);
    if (!n) return;
    std::string typed = t->text.substr(0, *n);
    while (!typed.empty() && typed.back() == ' ') typed.pop_back();
    diags.warning(pos, "typed paragraph number '" + typed + "': planpack numbers paragraphs itself; delete it");
    t->text.erase(0, *n);
    if (t->text.empty()) content.erase(content.begin());
}

// The author's blocks of one template section, as written under its "## " heading.
struct Written {
    bool present = false;
    SourcePos pos;  // of the heading
    Blocks blocks;
};

class Numberer {
public:
    Numberer(int section, Blocks& out) : n_(section), out_(out) {}

    void paragraph(Blocks content) {
        if (in_sub_) open(std::to_string(n_) + "." + std::to_string(m_) + "." + std::to_string(++k_));
        else open(std::to_string(n_) + "." + std::to_string(++m_));
        for (auto& b : content) current_->content.push_back(std::move(b));
    }

    void sub_heading(model::Heading h) {
        const std::string number = std::to_string(n_) + "." + std::to_string(++m_);
        h.content.insert(h.content.begin(), model::Inline{model::Text{number + " "}});
        h.id = paragraph_id(number);
        out_.push_back(Block{std::move(h)});
        in_sub_ = true;
        k_ = 0;
        current_ = nullptr;
    }

    // A list, table or quote belongs to the paragraph before it.
    void attach(Block b) {
        if (!current_) {
            paragraph({std::move(b)});
            return;
        }
        current_->content.push_back(std::move(b));
    }

    void other(Block b) {  // a deeper heading, kept as written
        out_.push_back(std::move(b));
        current_ = nullptr;
    }

    void end_sub() { in_sub_ = false; }
    int count() const { return m_; }

private:
    void open(const std::string& number) {
        out_.push_back(Block{model::Numbered{number, paragraph_id(number), {}}});
        current_ = &std::get<model::Numbered>(out_.back().value);
    }

    int n_;
    Blocks& out_;
    int m_ = 0, k_ = 0;
    bool in_sub_ = false;
    model::Numbered* current_ = nullptr;  // valid until out_ grows; reset by open()
};

Blocks generated(const data::TemplateSection& ts, const ReportSpec& spec) {
    using model::text;
    Blocks out;
    switch (ts.generated) {
        case data::Generated::none: break;
        case data::Generated::council_priority:
            if (spec.priorities.size() == 1) {
                out.push_back(model::paragraph(text("The relevant Council priority is: \u201c" +
                                                    spec.priorities[0] + "\u201d")));
            } else if (!spec.priorities.empty()) {
                model::List list;
                for (const auto& p : spec.priorities) list.items.push_back({std::nullopt, {model::paragraph(text(p))}});
                out.push_back(model::paragraph(text("The relevant Council priorities are:")));
                out.push_back(Block{std::move(list)});
            }
            break;
        case data::Generated::appendices:
            for (const auto& a : spec.appendices) {
                model::Link link;
                link.url = "xref:" + a.target;
                link.content = text(a.label);
                out.push_back(model::paragraph({model::Inline{std::move(link)}, model::Inline{model::Text{" \u2013 " + a.title}}}));
            }
            break;
        case data::Generated::background_papers:
            for (const auto& b : spec.background_papers) out.push_back(model::paragraph(text(b)));
            break;
    }
    return out;
}

void number_section(int n, const data::TemplateSection& ts, Written& w, const ReportSpec& spec, Blocks& out,
                    Diagnostics& diags) {
    Numberer num(n, out);
    for (Block& b : generated(ts, spec)) {
        if (std::holds_alternative<model::Paragraph>(b.value)) num.paragraph({std::move(b)});
        else num.attach(std::move(b));
    }
    if (ts.generated == data::Generated::appendices || ts.generated == data::Generated::background_papers) {
        if (!w.blocks.empty())
            diags.error(w.pos, "planpack writes '" + ts.heading + "' from the front matter; leave the section empty");
        w.blocks.clear();
    }
    const bool authored = !w.blocks.empty();
    for (Block& b : w.blocks) {
        if (auto* p = std::get_if<model::Paragraph>(&b.value)) {
            drop_typed_number(p->content, n, p->pos, diags);
            num.paragraph({std::move(b)});
        } else if (auto* h = std::get_if<model::Heading>(&b.value); h && h->level == 3) {
            drop_typed_number(h->content, 0, h->pos, diags);
            num.sub_heading(std::move(*h));
        } else if (std::holds_alternative<model::Heading>(b.value)) {
            num.other(std::move(b));
        } else {
            num.attach(std::move(b));
        }
    }
    num.end_sub();
    for (const auto& key : ts.questions) {
        const data::Question* q = spec.tmpl->question(key);
        auto a = spec.answers.find(key);
        if (!q || a == spec.answers.end()) continue;  // a missing answer is reported once, below
        num.paragraph({model::paragraph({model::Inline{model::Text{q->text}}, model::line_break(),
                                         model::strong(spec.tmpl->answer_text(a->second))})});
    }
    if (ts.required && !authored) {
        diags.error(w.present ? w.pos : spec.front_matter,
                    w.present ? "'" + ts.heading + "' must not be empty"
                              : "the report has no '## " + ts.heading + "' section, which the template requires");
        return;
    }
    if (num.count() == 0) num.paragraph({model::paragraph(model::text(spec.tmpl->none))});
}

std::string known_headings(const data::ReportTemplate& t) {
    std::string out;
    for (const auto& s : t.sections) out += (out.empty() ? "" : "; ") + s.heading;
    return out;
}

void check_answers(const ReportSpec& spec, Diagnostics& diags) {
    for (const auto& [key, pos] : spec.answer_pos)
        if (!spec.tmpl->question(key))
            diags.error(pos, "the " + spec.tmpl->name + " template asks no question '" + key + "'");
    for (const auto& ts : spec.tmpl->sections)
        for (const auto& key : ts.questions)
            if (!spec.answers.count(key) && !spec.answer_pos.count(key))
                diags.error(spec.front_matter, "[answers] has no answer to '" + key + "' (" +
                                                   spec.tmpl->question(key)->text + ")");
}

}  // namespace

std::string paragraph_id(const std::string& number) {
    std::string id = "para-" + number;
    for (char& c : id)
        if (c == '.') c = '-';
    return id;
}

void number_report(model::Section& report, const ReportSpec& spec, Diagnostics& diags) {
    const data::ReportTemplate& t = *spec.tmpl;
    check_answers(spec, diags);
    std::vector<Written> written(t.sections.size());
    Written* current = nullptr;
    size_t last = 0;
    bool headed = false, reported_stray = false;
    for (Block& b : report.blocks) {
        auto* h = std::get_if<model::Heading>(&b.value);
        if (h && h->level == 2) {
            headed = true;
            drop_typed_number(h->content, 0, h->pos, diags);
            const std::string heading = model::plain_text(h->content);
            auto i = t.match(heading);
            current = nullptr;  // until this heading proves good; what follows a bad one is dropped
            if (!i) {
                diags.error(h->pos, "'## " + heading + "' is not a section of the " + t.name +
                                        " report template (its sections: " + known_headings(t) + ")");
            } else if (written[*i].present) {
                diags.error(h->pos, "'" + t.sections[*i].heading + "' is already written above, at line " +
                                        std::to_string(written[*i].pos.line));
            } else {
                // Out of order is reported, and still read, so nothing else is reported missing.
                if (*i < last)
                    diags.error(h->pos, "'" + t.sections[*i].heading + "' comes before '" + t.sections[last].heading +
                                            "' in the template: write the sections in its order");
                else last = *i;
                current = &written[*i];
                current->present = true;
                current->pos = h->pos;
            }
            continue;
        }
        if (current) {
            current->blocks.push_back(std::move(b));
        } else if (!headed && !reported_stray) {
            reported_stray = true;
            diags.error(report.source, "text before the first '## ' heading: a report starts with '## " +
                                           t.sections.front().heading + "'");
        }
    }
    Blocks out;
    for (size_t i = 0; i < t.sections.size(); ++i) {
        const int n = static_cast<int>(i) + 1;
        const std::string number = std::to_string(n) + ".0";
        out.push_back(model::heading(2, number + " " + t.sections[i].heading, paragraph_id(number)));
        number_section(n, t.sections[i], written[i], spec, out, diags);
    }
    report.blocks = std::move(out);
}

}  // namespace planpack::transform
