#include "load/image_check.hpp"

#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE declared first
#include <memory>
#include <vector>

#include <jpeglib.h>
#include <png.h>

namespace planpack::load {

namespace {

std::string too_large(unsigned long long w, unsigned long long h) {
    return "it is " + std::to_string(w) + " × " + std::to_string(h) +
           " pixels, more than planpack reads (40 million): save a smaller copy, about 2,500 pixels across";
}

std::string damaged(const std::string& format, const std::string& detail) {
    return "the " + format + " is damaged (" + detail +
           "), perhaps spoilt or cut short when it was copied: export or save it again from the original";
}

std::variant<ImageFacts, std::string> check_png(std::string_view b) {
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    // png_image_free on every path, including the early returns.
    std::unique_ptr<png_image, decltype(&png_image_free)> guard(&img, png_image_free);
    if (!png_image_begin_read_from_memory(&img, b.data(), b.size()))
        return std::string("it is not a readable PNG (") + img.message + ")";
    if (static_cast<unsigned long long>(img.width) * img.height > max_image_pixels) return too_large(img.width, img.height);
    img.format = PNG_FORMAT_RGBA;
    std::vector<png_byte> pixels(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, nullptr, pixels.data(), 0, nullptr))
        return damaged("PNG", img.message);
    return ImageFacts{ImageFacts::Kind::png, img.width, img.height};
}

// libjpeg reports errors by calling back; the callback jumps out of the decoder. Only
// trivially destructible objects live in the frame that setjmp marks.
struct JpegErrors {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void jpeg_fail(j_common_ptr c) {
    auto* e = reinterpret_cast<JpegErrors*>(c->err);
    (*c->err->format_message)(c, e->message);
    std::longjmp(e->jump, 1);
}

// Level -1 is "corrupt data" (a truncated file among them), which libjpeg would otherwise
// paper over with grey: for a published document that is an error too.
void jpeg_message(j_common_ptr c, int level) {
    if (level < 0) jpeg_fail(c);
}

// Returns an empty string when the whole image decodes, or is too large to decode.
std::string decode_jpeg(std::string_view b, unsigned& width, unsigned& height, bool& oversized) {
    jpeg_decompress_struct info;
    JpegErrors errors;
    info.err = jpeg_std_error(&errors.mgr);
    errors.mgr.error_exit = jpeg_fail;
    errors.mgr.emit_message = jpeg_message;
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&info);
        return errors.message[0] ? errors.message : "unreadable JPEG data";
    }
    errors.message[0] = '\0';
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(b.data()), static_cast<unsigned long>(b.size()));
    jpeg_read_header(&info, TRUE);
    width = info.image_width;
    height = info.image_height;
    if (static_cast<unsigned long long>(width) * height > max_image_pixels) {
        oversized = true;
        jpeg_destroy_decompress(&info);
        return {};
    }
    jpeg_start_decompress(&info);
    JSAMPARRAY row = (*info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&info), JPOOL_IMAGE,
                                               info.output_width * static_cast<unsigned>(info.output_components), 1);
    while (info.output_scanline < info.output_height) jpeg_read_scanlines(&info, row, 1);
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return {};
}

std::variant<ImageFacts, std::string> check_jpeg(std::string_view b) {
    unsigned w = 0, h = 0;
    bool oversized = false;
    const std::string error = decode_jpeg(b, w, h, oversized);
    if (oversized) return too_large(w, h);
    if (!error.empty()) return damaged("JPEG", error);
    return ImageFacts{ImageFacts::Kind::jpeg, w, h};
}

}  // namespace

std::variant<ImageFacts, std::string> check_image(std::string_view b) {
    if (b.substr(0, 8) == "\x89PNG\r\n\x1a\n") return check_png(b);
    if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return check_jpeg(b);
    if (b.substr(0, 4) == "GIF8") return std::string("it is a GIF; save it as PNG, which every output can show");
    if (b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP")
        return std::string("it is a WebP image; save it as PNG or JPEG, which every output can show");
    if (b.find("<svg") != std::string_view::npos)
        return std::string("it is an SVG drawing; export it as PNG, which the PDF can embed");
    return std::string("it is neither a PNG nor a JPEG; save it as one of those");
}

}  // namespace planpack::load
