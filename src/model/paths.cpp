#include "model/paths.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

#include "model/url.hpp"

namespace planpack::model {

namespace {

constexpr const char* page_extension = ".html";
constexpr const char* contents_page = "index";
constexpr const char* accessibility_page = "accessibility";
constexpr const char* search_page = "search";
constexpr const char* workbook_extension = ".xlsx";
constexpr const char* media_folder = "media";
constexpr const char* calendar_file = "calendar.ics";
constexpr const char* feed_file = "feed.atom";

}  // namespace

Target page(const Document& doc, const Section& s, std::string fragment) {
    return Target{folder(doc), s.id, std::move(fragment), {}};
}

Target contents(const Document& doc) { return contents(folder(doc)); }

Target contents(const std::string& folder) { return Target{folder, contents_page, {}, {}}; }

Target shown_at(const Document& doc, const Section& s) { return s.elsewhere ? *s.elsewhere : page(doc, s); }

Target workbook(const Document& doc, const std::string& name) {
    return Target{folder(doc), {}, {}, name + workbook_extension};
}

std::string file_path(const std::string& folder, const std::string& name) {
    return folder.empty() ? name : folder + "/" + name;
}

std::string site_path(const Target& t) {
    return file_path(t.document, t.file.empty() ? t.section + page_extension : t.file);
}

std::string page_path(const Document& doc, const Section& s) { return site_path(page(doc, s)); }

std::string index_path(const Document& doc) { return site_path(contents(doc)); }

std::string home_path() { return site_path(Target{{}, contents_page, {}, {}}); }

std::string accessibility_path() { return site_path(Target{{}, accessibility_page, {}, {}}); }

std::string search_path() { return site_path(Target{{}, search_page, {}, {}}); }

std::string pdf_path(const Document& doc) { return file_path(folder(doc), doc.id + ".pdf"); }

std::string docx_path(const Document& doc) { return file_path(folder(doc), doc.id + ".docx"); }

std::string workbook_path(const Document& doc, const std::string& name) { return site_path(workbook(doc, name)); }

std::string media_path(const std::string& asset) { return file_path(media_folder, asset); }

std::string calendar_path(const std::string& committee_folder) { return file_path(committee_folder, calendar_file); }

std::string meeting_calendar_path(const std::string& meeting_folder) { return meeting_folder + ".ics"; }

std::string feed_path(const std::string& committee_folder) { return file_path(committee_folder, feed_file); }

std::string members_folder() { return "members"; }

std::string member_folder(const std::string& person_id) { return file_path(members_folder(), person_id); }

std::string open_data_path(const std::string& name) {
    return file_path("data/v" + std::to_string(open_data_version), name);
}

std::string media_type(const std::string& path) {
    static constexpr std::pair<std::string_view, std::string_view> types[] = {
        {".html", "text/html"},
        {".css", "text/css"},
        {".js", "text/javascript"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".pdf", "application/pdf"},
        {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {".csv", "text/csv"},
        {".txt", "text/plain"},
        {".json", "application/json"},
        {".ics", "text/calendar"},
        {".atom", "application/atom+xml"},
        {".woff2", "font/woff2"},
        {".ttf", "font/ttf"},
    };
    for (const auto& [extension, type] : types)
        if (path.size() >= extension.size() &&
            path.compare(path.size() - extension.size(), extension.size(), extension) == 0)
            return std::string(type);
    return "application/octet-stream";
}

std::string absolute_url(const std::string& base_url, const std::string& site_path) {
    const auto scheme = url_scheme(base_url);
    if (!scheme || (*scheme != "http" && *scheme != "https")) return "";
    return base_url + site_path;
}

std::string authority(const std::string& base_url, const std::string& contact) {
    auto host = [](std::string_view url) -> std::string {
        const size_t start = url.find("://");
        if (start == std::string_view::npos) return "";
        url.remove_prefix(start + 3);
        url = url.substr(0, url.find_first_of("/:?#"));
        if (const size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
        return std::string(url);
    };
    std::string out = host(base_url);
    if (out.empty()) out = host(contact);
    if (out.empty())
        if (const size_t at = contact.rfind('@'); at != std::string::npos && contact.find(' ') == std::string::npos)
            out = contact.substr(at + 1);
    if (out.empty()) out = "localhost";
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

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
