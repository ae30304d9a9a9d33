#include "model/paths.hpp"

#include <algorithm>

namespace planpack::model {

namespace {

constexpr const char* page_extension = ".html";
constexpr const char* contents_page = "index";
constexpr const char* media_folder = "media";

}  // namespace

Target page(const Document& doc, const Section& s, std::string fragment) {
    return Target{folder(doc), s.id, std::move(fragment), {}};
}

Target contents(const Document& doc) { return contents(folder(doc)); }

Target contents(const std::string& folder) { return Target{folder, contents_page, {}, {}}; }

Target shown_at(const Document& doc, const Section& s) { return s.elsewhere ? *s.elsewhere : page(doc, s); }

std::string file_path(const std::string& folder, const std::string& name) {
    return folder.empty() ? name : folder + "/" + name;
}

std::string site_path(const Target& t) {
    return file_path(t.document, t.file.empty() ? t.section + page_extension : t.file);
}

std::string page_path(const Document& doc, const Section& s) { return site_path(page(doc, s)); }

std::string index_path(const Document& doc) { return site_path(contents(doc)); }

std::string home_path() { return site_path(Target{{}, contents_page, {}, {}}); }

std::string pdf_path(const Document& doc) { return file_path(folder(doc), doc.id + ".pdf"); }

std::string docx_path(const Document& doc) { return file_path(folder(doc), doc.id + ".docx"); }

std::string workbook_path(const Document& doc, const std::string& name) {
    return file_path(folder(doc), name + ".xlsx");
}

std::string media_path(const std::string& asset) { return file_path(media_folder, asset); }

std::string relative(const std::string& from, const std::string& to) {
    const size_t slash = from.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : from.substr(0, slash + 1);
    if (to.compare(0, dir.size(), dir) == 0) return to.substr(dir.size());
    std::string up;
    for (size_t n = static_cast<size_t>(std::count(from.begin(), from.end(), '/')); n > 0; --n) up += "../";
    return up + to;
}

std::string href(const std::string& from, const Target& to) {
    const std::string path = site_path(to);
    const std::string anchor = to.fragment.empty() ? "" : "#" + to.fragment;
    if (path == from && !anchor.empty()) return anchor;
    return relative(from, path) + anchor;
}

}  // namespace planpack::model
