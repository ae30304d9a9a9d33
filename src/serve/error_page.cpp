#include "serve/error_page.hpp"

#include <fstream>

#include "render/html/escape.hpp"
#include "serve/live_reload.hpp"

namespace planpack::serve {

namespace fs = std::filesystem;

std::string source_line(const fs::path& file, int line) {
    std::ifstream in(file, std::ios::binary);
    std::string text;
    for (int n = 1; n <= line && std::getline(in, text); ++n)
        if (n == line) {
            if (!text.empty() && text.back() == '\r') text.pop_back();
            return text;
        }
    return "";
}

namespace {

// Columns count characters: the caret goes under the right one whatever the UTF-8 before it.
std::string caret_under(const std::string& line, int col) {
    std::string pad;
    int seen = 1;
    for (size_t i = 0; i < line.size() && seen < col; ++i) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        pad += c == '\t' ? '\t' : ' ';
        ++seen;
    }
    return pad + "^";
}

std::string place(const Diagnostic& d) {
    std::string out = d.pos.file;
    if (d.pos.line > 0) out += ":" + std::to_string(d.pos.line);
    if (d.pos.line > 0 && d.pos.col > 0) out += ":" + std::to_string(d.pos.col);
    return out;
}

}  // namespace

std::string error_page(const std::vector<Diagnostic>& diags, const fs::path& root, std::uint64_t generation) {
    using render::html::escape;
    size_t errors = 0;
    for (const auto& d : diags) errors += d.severity == Severity::error;
    std::string body;
    for (const auto& d : diags) {
        const bool error = d.severity == Severity::error;
        body += std::string("<li class=\"") + (error ? "error" : "warning") + "\">\n<p><code class=\"place\">" +
                escape(place(d)) + "</code> <strong>" + (error ? "error" : "warning") + "</strong></p>\n";
        // Messages say what is wrong, then after "; " how to fix it: the fix is the hint.
        const auto split = d.message.find("; ");
        body += "<p class=\"message\">" + escape(d.message.substr(0, split)) + "</p>\n";
        if (split != std::string::npos)
            body += "<p class=\"hint\">Hint: " + escape(d.message.substr(split + 2)) + "</p>\n";
        if (d.pos.line > 0 && !d.pos.file.empty()) {
            const std::string line = source_line(root / d.pos.file, d.pos.line);
            if (!line.empty()) {
                body += "<pre class=\"source\"><span class=\"line-number\">" + std::to_string(d.pos.line) +
                        " | </span>" + escape(line);
                if (d.pos.col > 0)
                    body += "\n<span class=\"line-number\">" + std::string(std::to_string(d.pos.line).size(), ' ') +
                            " | </span><span class=\"caret\">" + escape(caret_under(line, d.pos.col)) + "</span>";
                body += "</pre>\n";
            }
        }
        body += "</li>\n";
    }
    const std::string title = std::to_string(errors) + (errors == 1 ? " error" : " errors") + " in the sources";
    std::string page = R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>planpack: )" + title + R"(</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem 1.5rem; color: #0b0c0c; background: #fff; }
h1 { font-size: 1.5rem; color: #942514; }
ol { padding-left: 1.2rem; }
li { margin-bottom: 1.25rem; border-left: 5px solid #d4351c; padding-left: 0.75rem; }
li.warning { border-left-color: #b58800; }
.place { font-weight: bold; }
.hint { color: #1d4c2a; }
pre.source { background: #f3f2f1; padding: 0.5rem; overflow-x: auto; }
.caret { color: #d4351c; font-weight: bold; }
.line-number { color: #505a5f; }
</style>
</head>
<body>
<main>
<h1 id="planpack-errors">)" + title + R"(</h1>
<p>The site was not rebuilt. Fix what is listed and save: this page reloads by itself.</p>
<ol>
)" + body + R"(</ol>
</main>
</body>
</html>
)";
    return inject_reload(page, generation);
}

}  // namespace planpack::serve
