#include "load/assets.hpp"

#include "load/image_check.hpp"
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
    std::set<std::string> refused;  // reported once, at the first place that shows it
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
                if (out.count(img.asset) || refused.count(img.asset)) return;
                const SourcePos at = img.pos.line > 0 ? img.pos : s.source;
                std::error_code ec;
                if (!fs::is_regular_file(root / img.asset, ec)) {
                    refused.insert(img.asset);
                    diags.error(at,
                                "image '" + img.url + "' is not there: there is no file " + img.asset +
                                    " (the path is read from the folder of " + s.source.file + ")");
                    return;
                }
                auto bytes = read_file(root / img.asset, img.asset, diags);
                if (!bytes) return;
                const auto checked = check_image(*bytes);
                if (const auto* why = std::get_if<std::string>(&checked)) {
                    refused.insert(img.asset);
                    diags.error(at, "image '" + img.url + "' (" + img.asset + ") cannot be used: " + *why);
                    return;
                }
                out.emplace(img.asset, std::move(*bytes));
            });
        }
    return out;
}

}  // namespace planpack::load

namespace planpack::load {

std::set<std::string> named_assets(const std::vector<model::Document>& documents) {
    std::set<std::string> out;
    for (const auto& doc : documents)
        for (const auto& s : doc.sections)
            model::for_each_image(s, [&](const model::Image& img) {
                if (!img.asset.empty()) out.insert(img.asset);
                else if (auto key = asset_path(s.source.file, img.url)) out.insert(*key);
            });
    return out;
}

}  // namespace planpack::load
