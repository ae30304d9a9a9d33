// Images are written relative to the Markdown file that shows them; every output needs
// the file itself, so each image learns its path from the service root once, here.
#include "load/assets.hpp"
#include "transform/transforms.hpp"
#include "transform/walk.hpp"

namespace planpack::transform {

void locate_assets(model::Document& doc) {
    for (auto& section : doc.sections) {
        const std::string& file = section.source.file;
        auto locate = [&](model::Image& img) { img.asset = load::asset_path(file, img.url).value_or(""); };
        for_each_inline(section, [&](model::Inline& in) {
            if (auto* img = std::get_if<model::Image>(&in.value)) locate(*img);
        });
        auto figures = [&](model::Blocks& blocks) {
            for_each_block(blocks, [&](model::Block& b) {
                if (auto* f = std::get_if<model::Figure>(&b.value)) locate(f->image);
            });
        };
        figures(section.blocks);
        for (auto& fn : section.footnotes) figures(fn.content);
    }
}

}  // namespace planpack::transform
