#include "load/assets.hpp"

#include <type_traits>
#include <variant>

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
                const SourcePos at = fig.image.pos.line > 0 ? fig.image.pos : s.source;
                std::error_code ec;
                if (!fs::is_regular_file(root / *key, ec)) {
                    diags.error(at, "image '" + fig.image.url + "' is not there: there is no file " + *key +
                                        " (the path is read from the folder of " + s.source.file + ")");
                    return;
                }
                if (auto bytes = read_file(root / *key, *key, diags)) out.emplace(*key, std::move(*bytes));
            });
        }
    return out;
}

}  // namespace planpack::load

namespace planpack::load {

namespace {

void images_in(const model::Inlines& inlines, const std::string& file, std::set<std::string>& out) {
    for (const auto& in : inlines)
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, model::Image>) {
                    if (auto key = asset_path(file, v.url)) out.insert(*key);
                } else if constexpr (std::is_same_v<T, model::Emph> || std::is_same_v<T, model::Strong> ||
                                     std::is_same_v<T, model::Strikethrough> || std::is_same_v<T, model::Link>) {
                    images_in(v.content, file, out);
                }
            },
            in.value);
}

void images_in(const model::Blocks& blocks, const std::string& file, std::set<std::string>& out) {
    for (const auto& b : blocks)
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, model::Paragraph> || std::is_same_v<T, model::Heading>) {
                    images_in(v.content, file, out);
                } else if constexpr (std::is_same_v<T, model::Figure>) {
                    if (auto key = asset_path(file, v.image.url)) out.insert(*key);
                } else if constexpr (std::is_same_v<T, model::BlockQuote> || std::is_same_v<T, model::Numbered>) {
                    images_in(v.content, file, out);
                } else if constexpr (std::is_same_v<T, model::List>) {
                    for (const auto& item : v.items) images_in(item.content, file, out);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    for (const auto* rows : {&v.head, &v.body, &v.foot})
                        for (const auto& row : *rows)
                            for (const auto& cell : row.cells) images_in(cell.content, file, out);
                }
            },
            b.value);
}

}  // namespace

std::set<std::string> named_assets(const std::vector<model::Document>& documents) {
    std::set<std::string> out;
    for (const auto& doc : documents)
        for (const auto& s : doc.sections) {
            images_in(s.blocks, s.source.file, out);
            for (const auto& fn : s.footnotes) images_in(fn.content, s.source.file, out);
        }
    return out;
}

}  // namespace planpack::load
