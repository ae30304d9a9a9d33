#include "data/report_template.hpp"

#include <algorithm>

namespace planpack::data {

std::string normalise_heading(std::string_view heading) {
    std::string out;
    for (char c : heading) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ' && out.back() != '/') out += ' ';
            continue;
        }
        if (c == '/' && !out.empty() && out.back() == ' ') out.pop_back();
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ':' || out.back() == '.')) out.pop_back();
    return out;
}

const Question* ReportTemplate::question(std::string_view key) const {
    auto it = std::find_if(questions.begin(), questions.end(), [&](const Question& q) { return q.key == key; });
    return it == questions.end() ? nullptr : &*it;
}

std::optional<size_t> ReportTemplate::match(std::string_view heading) const {
    const std::string want = normalise_heading(heading);
    for (size_t i = 0; i < sections.size(); ++i) {
        if (normalise_heading(sections[i].heading) == want) return i;
        for (const auto& a : sections[i].accept)
            if (normalise_heading(a) == want) return i;
    }
    return std::nullopt;
}

const std::string& ReportTemplate::answer_text(Answer a) const {
    switch (a) {
        case Answer::yes: return yes;
        case Answer::no: return no;
        case Answer::not_applicable: break;
    }
    return not_applicable;
}

const std::string* Exemptions::description(int paragraph) const {
    for (const auto& [n, text] : paragraphs)
        if (n == paragraph) return &text;
    return nullptr;
}

std::string Exemptions::fill(const std::string& words, int paragraph) const {
    std::string out = words;
    auto replace = [&](std::string_view key, const std::string& value) {
        for (size_t at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
            out.replace(at, key.size(), value);
    };
    const std::string* d = description(paragraph);
    replace("{paragraph}", std::to_string(paragraph));
    replace("{description}", d ? *d : "");
    return out;
}

}  // namespace planpack::data
