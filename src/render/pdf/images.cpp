#include "render/pdf/images.hpp"

namespace planpack::render::pdf {

namespace {

unsigned be(std::string_view b, size_t at, int n) {
    unsigned v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<size_t>(i)]);
    return v;
}

}  // namespace

std::optional<ImageInfo> probe_image(std::string_view b) {
    if (b.size() >= 24 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n" && b.substr(12, 4) == "IHDR")
        return ImageInfo{ImageKind::png, static_cast<int>(be(b, 16, 4)), static_cast<int>(be(b, 20, 4))};
    if (b.size() < 4 || be(b, 0, 2) != 0xFFD8) return std::nullopt;
    // Walk the JPEG segments to the first start-of-frame, which holds the size.
    for (size_t i = 2; i + 9 < b.size();) {
        if (static_cast<unsigned char>(b[i]) != 0xFF) return std::nullopt;
        const unsigned marker = static_cast<unsigned char>(b[i + 1]);
        if (marker == 0xFF) {
            ++i;
            continue;
        }
        const unsigned len = be(b, i + 2, 2);
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof)
            return ImageInfo{ImageKind::jpeg, static_cast<int>(be(b, i + 7, 2)), static_cast<int>(be(b, i + 5, 2))};
        if (len < 2) return std::nullopt;
        i += 2 + len;
    }
    return std::nullopt;
}

std::map<std::string, ImageInfo> probe_images(const std::map<std::string, std::string>& images,
                                              Diagnostics& diags) {
    std::map<std::string, ImageInfo> out;
    for (const auto& [key, bytes] : images) {
        if (auto info = probe_image(bytes)) out.emplace(key, *info);
        else diags.error({key, 0, 0}, "the PDF can embed PNG and JPEG images; this file is neither");
    }
    return out;
}

}  // namespace planpack::render::pdf
