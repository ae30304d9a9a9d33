#include "render/docx/numbering.hpp"

#include <algorithm>

#include "render/docx/xml.hpp"

namespace planpack::render::docx {

namespace {

// One level of a list: its number format and text, indented by level.
std::string numbering_level(int level, const std::string& format, const std::string& text, int left, int hanging,
                            int start = 1) {
    std::string out = "<w:lvl w:ilvl=\"" + std::to_string(level) + "\"><w:start w:val=\"" + std::to_string(start) +
                      "\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"" + xml(text) +
                      "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" + std::to_string(left) +
                      "\" w:hanging=\"" + std::to_string(hanging) + "\"/></w:pPr>";
    if (format == "bullet") out += "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:hint=\"default\"/></w:rPr>";
    return out + "</w:lvl>";
}

}  // namespace

int Numbering::ordered_list(int start, int level) {
    nums_.push_back({1, std::max(start, 0), level});
    return static_cast<int>(nums_.size());
}

int Numbering::report_paragraph(const std::string& number) {
    const size_t dot = number.rfind('.');
    const std::string prefix = dot == std::string::npos ? "" : number.substr(0, dot + 1);
    int last = 0;
    try {
        last = std::stoi(number.substr(dot == std::string::npos ? 0 : dot + 1));
    } catch (...) {
        last = 1;
    }
    auto it = runs_.find(prefix);
    if (it != runs_.end() && it->second.last + 1 == last) {
        it->second.last = last;
        return it->second.num;
    }
    int abstract = 0;
    for (size_t i = 0; i < prefixes_.size(); ++i)
        if (prefixes_[i] == prefix) abstract = static_cast<int>(i) + 2;
    if (abstract == 0) {
        prefixes_.push_back(prefix);
        abstract = static_cast<int>(prefixes_.size()) + 1;
    }
    nums_.push_back({abstract, last, 0});
    runs_[prefix] = {static_cast<int>(nums_.size()), last};
    return static_cast<int>(nums_.size());
}

std::string Numbering::xml() const {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n";
    static const char* const marks[] = {"\u2022", "\u25E6", "\u25AA"};
    out += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>";
    for (int l = 0; l < 9; ++l) out += numbering_level(l, "bullet", marks[l % 3], 720 + 360 * l, 360);
    out += "</w:abstractNum>\n";
    static const char* const formats[] = {"decimal", "lowerLetter", "lowerRoman"};
    out += "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>";
    for (int l = 0; l < 9; ++l)
        out += numbering_level(l, formats[l % 3], "%" + std::to_string(l + 1) + ".", 720 + 360 * l, 360);
    out += "</w:abstractNum>\n";
    // Report paragraphs: the number hangs in the margin of the first line, as printed
    // reports set "6.2"; its section's number is fixed text, its own part counts.
    for (size_t i = 0; i < prefixes_.size(); ++i) {
        const int depth = static_cast<int>(std::count(prefixes_[i].begin(), prefixes_[i].end(), '.'));
        out += "<w:abstractNum w:abstractNumId=\"" + std::to_string(i + 2) +
               "\"><w:multiLevelType w:val=\"singleLevel\"/>" +
               numbering_level(0, "decimal", prefixes_[i] + "%1", 567 + 284 * depth, 567 + 284 * depth) +
               "</w:abstractNum>\n";
    }
    for (size_t i = 0; i < nums_.size(); ++i) {
        out += "<w:num w:numId=\"" + std::to_string(i + 1) + "\"><w:abstractNumId w:val=\"" +
               std::to_string(nums_[i].abstract) + "\"/>";
        if (nums_[i].start > 0)
            out += "<w:lvlOverride w:ilvl=\"" + std::to_string(nums_[i].level) + "\"><w:startOverride w:val=\"" +
                   std::to_string(nums_[i].start) + "\"/></w:lvlOverride>";
        out += "</w:num>\n";
    }
    return out + "</w:numbering>\n";
}

}  // namespace planpack::render::docx
