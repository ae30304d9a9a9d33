#include "load/assets.hpp"

#include "load/project.hpp"

namespace planpack::load {

namespace fs = std::filesystem;

std::optional<std::string> asset_path(const std::string& md_file, const std::string& url) {
    if (url.empty() || url.find(':') != std::string::npos || url[0] == '/' || url[0] == '#')
        return std::nullopt;
    std::string clean = url.substr(0, url.find_first_of("?#"));
    const fs::path p = (fs::path(md_file).parent_path() / clean).lexically_normal();
    const std::string s = p.generic_string();
    if (s.empty() || s == "." || s.rfind("..", 0) == 0) return std::nullopt;
    return s;
}

namespace {

// Figures at any depth: inside list items and block quotes too.
template <typename F>
void each_figure(const model::Blocks& blocks, F&& f) {
    for (const auto& b : blocks) {
        if (const auto* fig = std::get_if<model::Figure>(&b.value)) f(*fig);
        else if (const auto* q = std::get_if<model::BlockQuote>(&b.value)) each_figure(q->content, f);
        else if (const auto* n = std::get_if<model::Numbered>(&b.value)) each_figure(n->content, f);
        else if (const auto* l = std::get_if<model::List>(&b.value))
            for (const auto& item : l->items) each_figure(item.content, f);
    }
}

}  // namespace

std::map<std::string, std::string> load_images(const fs::path& root,
                                               const std::vector<model::Document>& documents,
                                               Diagnostics& diags) {
    std::map<std::string, std::string> out;
    for (const auto& doc : documents)
        for (const auto& s : doc.sections) {
            if (!s.url.empty()) continue;  // borrowed from a document whose images are loaded with it
            each_figure(s.blocks, [&](const model::Figure& fig) {
                const auto key = asset_path(s.source.file, fig.image.url);
                if (!key) {
                    diags.warning(s.source, "image '" + fig.image.url +
                                                "' is not a file beside the content, so the PDF "
                                                "shows its description instead");
                    return;
                }
                if (out.count(*key)) return;
                if (auto bytes = read_file(root / *key, *key, diags)) out.emplace(*key, std::move(*bytes));
            });
        }
    return out;
}

}  // namespace planpack::load
