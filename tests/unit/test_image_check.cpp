#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <jpeglib.h>
#include <libdeflate.h>
#include <png.h>

#include "load/image_check.hpp"

namespace unit_image_check {

using namespace planpack::load;

namespace {

// Real files written by the same libraries, then damaged the way downloads and disks do.
std::string make_png(unsigned w, unsigned h) {
    png_image img{};
    img.version = PNG_IMAGE_VERSION;
    img.width = w;
    img.height = h;
    img.format = PNG_FORMAT_RGB;
    std::vector<png_byte> pixels(PNG_IMAGE_SIZE(img));
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<png_byte>(i * 7);
    png_alloc_size_t size = 0;
    REQUIRE(png_image_write_to_memory(&img, nullptr, &size, 0, pixels.data(), 0, nullptr));
    std::string out(size, '\0');
    REQUIRE(png_image_write_to_memory(&img, out.data(), &size, 0, pixels.data(), 0, nullptr));
    out.resize(size);
    return out;
}

std::string make_jpeg(unsigned w, unsigned h) {
    jpeg_compress_struct c;
    jpeg_error_mgr err;
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &buf, &size);
    c.image_width = w;
    c.image_height = h;
    c.input_components = 3;
    c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_start_compress(&c, TRUE);
    std::vector<unsigned char> row(w * 3);
    for (unsigned y = 0; y < h; ++y) {
        for (unsigned x = 0; x < w * 3; ++x) row[x] = static_cast<unsigned char>(x * 5 + y * 3);
        JSAMPROW r = row.data();
        jpeg_write_scanlines(&c, &r, 1);
    }
    jpeg_finish_compress(&c);
    std::string out(reinterpret_cast<char*>(buf), size);
    jpeg_destroy_compress(&c);
    std::free(buf);
    return out;
}

std::string problem(const std::string& bytes) {
    const auto r = check_image(bytes);
    return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : "";
}

}  // namespace

TEST_CASE("a whole PNG and a whole JPEG pass with their sizes") {
    const auto png = check_image(make_png(40, 30));
    REQUIRE(std::holds_alternative<ImageFacts>(png));
    CHECK(std::get<ImageFacts>(png).kind == ImageFacts::Kind::png);
    CHECK(std::get<ImageFacts>(png).width == 40);
    CHECK(std::get<ImageFacts>(png).height == 30);
    const auto jpeg = check_image(make_jpeg(64, 48));
    REQUIRE(std::holds_alternative<ImageFacts>(jpeg));
    CHECK(std::get<ImageFacts>(jpeg).kind == ImageFacts::Kind::jpeg);
    CHECK(std::get<ImageFacts>(jpeg).width == 64);
    CHECK(std::get<ImageFacts>(jpeg).height == 48);
}

TEST_CASE("a PNG whose image data fails its checksum is damaged") {
    std::string png = make_png(40, 30);
    const size_t idat = png.find("IDAT");
    REQUIRE(idat != std::string::npos);
    png[idat + 6] = static_cast<char>(png[idat + 6] ^ 0x55);
    CHECK(problem(png).rfind("the PNG is damaged (", 0) == 0);
}

TEST_CASE("a PNG cut short is damaged") {
    const std::string png = make_png(40, 30);
    CHECK_FALSE(problem(png.substr(0, png.size() / 2)).empty());
    CHECK_FALSE(problem(png.substr(0, 20)).empty());
}

TEST_CASE("a JPEG cut short is damaged, not shown half grey") {
    const std::string jpeg = make_jpeg(64, 48);
    CHECK(problem(jpeg.substr(0, jpeg.size() / 2)).rfind("the JPEG is damaged (", 0) == 0);
    CHECK_FALSE(problem(jpeg.substr(0, 3)).empty());
}

TEST_CASE("an image above the pixel limit is refused before it is decoded") {
    // A header claiming 10,000 × 10,000: the check must not allocate 400 MB to find out.
    std::string png = make_png(2, 2);
    const size_t ihdr = png.find("IHDR");
    const unsigned char big[8] = {0, 0, 0x27, 0x10, 0, 0, 0x27, 0x10};
    for (int i = 0; i < 8; ++i) png[ihdr + 4 + static_cast<size_t>(i)] = static_cast<char>(big[i]);
    const uint32_t crc = libdeflate_crc32(0, png.data() + ihdr, 17);  // "IHDR" and its 13 bytes
    for (int i = 0; i < 4; ++i) png[ihdr + 17 + static_cast<size_t>(i)] = static_cast<char>(crc >> (24 - 8 * i));
    CHECK(problem(png) ==
          "it is 10000 × 10000 pixels, more than planpack reads (40 million): save a smaller copy, about 2,500 "
          "pixels across");
}

TEST_CASE("formats the PDF cannot embed are named with what to do") {
    CHECK(problem("GIF89a\x01\x00\x01\x00") == "it is a GIF; save it as PNG, which every output can show");
    CHECK(problem("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>").find("SVG") != std::string::npos);
    CHECK(problem("just text") == "it is neither a PNG nor a JPEG; save it as one of those");
}

}  // namespace unit_image_check
