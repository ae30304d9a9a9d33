// Images are written relative to the Markdown file that shows them; every output needs
// the file itself, so each image learns its path from the service root once, here, and
// loaders and renderers read Image::asset.
#include "load/assets.hpp"
#include "model/walk.hpp"
#include "transform/transforms.hpp"

namespace planpack::transform {

void locate_assets(model::Document& doc) {
    for (auto& section : doc.sections)
        model::for_each_image(section, [&](model::Image& img) {
            img.asset = load::asset_path(section.source.file, img.url).value_or("");
        });
}

}  // namespace planpack::transform
