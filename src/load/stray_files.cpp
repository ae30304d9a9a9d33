#include "load/stray_files.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

#include "load/files.hpp"

namespace planpack::load {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// What a service manager is told about a file planpack does not read, by what it looks like.
std::string hint(const std::string& folder, const fs::path& p) {
    const std::string name = p.filename().string();
    const std::string low = lower(name);
    const std::string ext = lower(p.extension().string());
    const std::string stem = p.stem().string();
    static constexpr std::pair<std::string_view, std::string_view> kinds[] = {
        {".md", "Markdown"}, {".toml", "TOML"}, {".csv", "CSV"}};
    for (const auto& [real, kind] : kinds)
        if (ends_with(lower(stem), real) && stem.size() > real.size())
            return "'" + name + "' looks like " + std::string(kind) + " saved with the wrong extension: rename it " +
                   stem;
    if (ext == ".markdown" || ext == ".mdown" || ext == ".mkd" || ext == ".txt")
        if (folder != "data")
            return "'" + name + "' looks like Markdown saved with the wrong extension: planpack reads only .md "
                   "files, so rename it " + stem + ".md";
    if (ext == ".docx" || ext == ".doc" || ext == ".odt" || ext == ".rtf" || ext == ".pages")
        return "'" + name + "' is a word-processor document, which planpack cannot read: save its text as "
               "Markdown (" + stem + ".md)" +
               (folder == "meetings" ? ", or name it as an appendix file in the meeting's agenda" : "");
    if (ext == ".xlsx" || ext == ".xls" || ext == ".ods")
        return "'" + name + "' is a spreadsheet, which planpack cannot read: save the sheet as CSV (" + stem +
               ".csv) in data/";
    if (folder == "data")
        return "'" + name + "' is not used: data/ holds .toml and .csv files, and the minutes a board's "
               "[[meeting]] names (minutes = \"...\"); name it so, move it elsewhere, or save it as one of those";
    return "'" + name + "' is not used: nothing in " + folder + "/ shows or names it (show it as an image "
           "in a page, name it as an appendix in an agenda, or remove it)";
}

bool read_by_extension(const std::string& folder, const fs::path& p) {
    const std::string ext = p.extension().string();
    if (folder == "data") return ext == ".toml" || ext == ".csv";
    if (folder == "meetings") return ext == ".toml" || ext == ".md";
    return ext == ".md";
}

}  // namespace

void report_stray_files(const fs::path& root, const std::set<std::string>& used, Diagnostics& diags) {
    for (const std::string folder : {"content", "data", "meetings"}) {
        const fs::path dir = root / folder;
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> files;
        for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it); it.increment(ec)) {
            // A link loop or a dangling link is reported by the loader's own walk; here it
            // is only not a file.
            std::error_code status;
            if (it->path().filename().string().front() == '.') {
                if (it->is_directory(status)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(status)) files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& p : files) {
            const std::string shown = shown_path(root, p);
            if (read_by_extension(folder, p) || used.count(shown)) continue;
            diags.error({shown, 0, 0}, hint(folder, p));
        }
    }
}

void report_unused_data(const DataSet& data, Diagnostics& diags) {
    // What a data file names is used: a board's attendance grid, a plan's previous plan.
    std::set<std::string> used = data.used;
    for (const auto& [name, board] : data.boards) used.insert(board.attendance_file);
    for (const auto& [name, plan] : data.action_plans) used.insert(plan.previous);
    auto report = [&](const std::string& name, const std::string& file, const std::string& how) {
        if (used.count(name) || data.broken.count(name)) return;
        diags.warning({file, 0, 0}, "'" + fs::path(file).filename().string() +
                                        "' is not used: no page shows it and no other data file names it; " + how +
                                        ", or remove the file");
    };
    for (const auto& [name, table] : data.csv)
        report(name, table.file, "show it with a planpack table or budget block (data = \"" + name + "\")");
    for (const auto& [name, plan] : data.action_plans)
        report(name, plan.pos.file,
               "show it with a planpack action-plan block (plan = \"" + name +
                   "\") or name it as the next plan's previous");
    for (const auto& [name, board] : data.boards)
        report(name, board.pos.file, "show it with a planpack attendance-grid block (board = \"" + name + "\")");
}

}  // namespace planpack::load
