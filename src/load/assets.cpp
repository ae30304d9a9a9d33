#include "load/assets.hpp"

#include "load/project.hpp"
#include "model/walk.hpp"

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

std::map<std::string, std::string> load_images(const fs::path& root,
                                               const std::vector<model::Document>& documents,
                                               Diagnostics& diags) {
    std::map<std::string, std::string> out;
    for (const auto& doc : documents)
        for (const auto& s : doc.sections) {
            if (s.elsewhere) continue;  // borrowed from a document whose images are loaded with it
            model::for_each_image(s, [&](const model::Image& img) {
                if (img.asset.empty()) {
                    diags.warning(s.source, "image '" + img.url +
                                                "' is not a file beside the content, so the PDF "
                                                "shows its description instead");
                    return;
                }
                if (out.count(img.asset)) return;
                if (auto bytes = read_file(root / img.asset, img.asset, diags)) out.emplace(img.asset, std::move(*bytes));
            });
        }
    return out;
}

}  // namespace planpack::load
