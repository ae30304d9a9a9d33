#include "render/docx/styles.hpp"

#include <fstream>
#include <sstream>

#include "render/docx/package.hpp"

namespace planpack::render::docx {

namespace {

// The value of attribute `name` ("w:w") in the first element `tag` ("<w:pgSz") of xml.
std::optional<int> styles_attribute(const std::string& xml, const std::string& tag, const std::string& name) {
    const size_t at = xml.rfind(tag + ' ');  // the last: the document's final section
    if (at == std::string::npos) return std::nullopt;
    const size_t end = xml.find('>', at);
    const std::string element = xml.substr(at, end == std::string::npos ? std::string::npos : end - at);
    const size_t a = element.find(' ' + name + "=\"");
    if (a == std::string::npos) return std::nullopt;
    try {
        return std::stoi(element.substr(a + name.size() + 3));
    } catch (...) {
        return std::nullopt;
    }
}

PageSetup page_from(const std::string& document) {
    PageSetup p;
    auto take = [&](int& into, const char* tag, const char* name) {
        if (auto v = styles_attribute(document, tag, name); v && *v > 0) into = *v;
    };
    take(p.width, "<w:pgSz", "w:w");
    take(p.height, "<w:pgSz", "w:h");
    if (p.width > p.height) std::swap(p.width, p.height);  // the portrait page; sections turn it
    take(p.top, "<w:pgMar", "w:top");
    take(p.right, "<w:pgMar", "w:right");
    take(p.bottom, "<w:pgMar", "w:bottom");
    take(p.left, "<w:pgMar", "w:left");
    take(p.header, "<w:pgMar", "w:header");
    take(p.footer, "<w:pgMar", "w:footer");
    return p;
}

// Each <w:style ...>...</w:style> of a styles part, with its id.
std::vector<std::pair<std::string, std::string>> style_elements(const std::string& xml) {
    std::vector<std::pair<std::string, std::string>> out;
    for (size_t at = xml.find("<w:style "); at != std::string::npos; at = xml.find("<w:style ", at + 1)) {
        const size_t end = xml.find("</w:style>", at);
        if (end == std::string::npos) break;
        const std::string element = xml.substr(at, end + 10 - at);
        const size_t id = element.find("w:styleId=\"");
        if (id == std::string::npos) continue;
        const size_t close = element.find('"', id + 11);
        out.emplace_back(element.substr(id + 11, close - id - 11), element);
    }
    return out;
}

// The w:sz of a style (in half-points), if it sets one.
std::optional<int> style_size(const std::string& styles, const std::string& id) {
    for (const auto& [sid, element] : style_elements(styles))
        if (sid == id) return styles_attribute(element, "<w:sz", "w:val");
    return std::nullopt;
}

}  // namespace

std::string merge_styles(const std::string& reference, const std::string& own) {
    std::string out = reference;
    const size_t end = out.rfind("</w:styles>");
    if (end == std::string::npos) return own;
    std::string missing;
    for (const auto& [id, element] : style_elements(own))
        if (out.find("w:styleId=\"" + id + "\"") == std::string::npos) missing += element + "\n";
    out.insert(end, missing);
    return out;
}

std::optional<Template> load_template(const std::filesystem::path& templates_dir, Diagnostics& diags) {
    const auto dir = templates_dir / "docx";
    const auto styles_file = dir / "styles.xml";
    std::ifstream in(styles_file, std::ios::binary);
    if (!in) {
        diags.error({styles_file.string(), 0, 0}, "cannot read the Word styles template");
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    Template t;
    t.styles = ss.str();
    if (t.styles.find("</w:styles>") == std::string::npos) {
        diags.error({styles_file.string(), 0, 0}, "not a Word styles part: it has no </w:styles>");
        return std::nullopt;
    }
    if (auto size = style_size(t.styles, "TableText"); size && *size > 0) t.table_text_size = *size;
    const auto reference = dir / "reference.docx";
    std::error_code ec;
    if (!std::filesystem::exists(reference, ec)) return t;
    std::string error;
    auto parts = read_package(reference, {"word/styles.xml", "word/document.xml"}, error);
    if (!parts) {
        diags.error({reference.string(), 0, 0}, "cannot read the reference document: " + error);
        return std::nullopt;
    }
    if (auto it = parts->find("word/styles.xml"); it != parts->end()) t.styles = merge_styles(it->second, t.styles);
    if (auto size = style_size(t.styles, "TableText"); size && *size > 0) t.table_text_size = *size;
    if (auto it = parts->find("word/document.xml"); it != parts->end()) t.page = page_from(it->second);
    auto furniture = reference_furniture(reference, diags);
    if (!furniture) return std::nullopt;
    t.furniture = std::move(*furniture);
    return t;
}

}  // namespace planpack::render::docx
