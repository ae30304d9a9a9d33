#pragma once
// Enough of PNG and JPEG to lay an image out (its kind and pixel size) without decoding it;
// libharu decodes it when the writer embeds it.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "render/pdf/blocks.hpp"

namespace planpack::render::pdf {

std::optional<ImageInfo> probe_image(std::string_view bytes);

// Probes every image; one that is neither PNG nor JPEG is an error at its path.
std::map<std::string, ImageInfo> probe_images(const std::map<std::string, std::string>& images,
                                              Diagnostics& diags);

}  // namespace planpack::render::pdf
