#include <doctest/doctest.h>

#include <hpdf.h>
#include <libdeflate.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <string>

#include "pdf_file.hpp"
#include "render/pdf/deflate_streams.hpp"
#include "render/pdf/path_ops.hpp"

namespace unit_pdf_streams {

using namespace planpack::render::pdf;

namespace {

std::string number(float v) {
    std::string s;
    append_number(s, v);
    return s;
}

// What append_number wrote before it formatted integers itself: the rounded value
// through std::to_chars with three decimals, trailing zeros trimmed.
std::string number_by_to_chars(float v) {
    const long milli = std::lround(static_cast<double>(v) * 1000.0);
    if (milli == 0) return "0";
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<double>(milli) / 1000.0,
                                   std::chars_format::fixed, 3);
    REQUIRE(ec == std::errc{});
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
    return std::string(buf, end);
}

std::string inflate(const std::string& packed) {
    std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> d(
        libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
    std::string out(1 << 20, '\0');
    size_t n = 0;
    REQUIRE(libdeflate_zlib_decompress(d.get(), packed.data(), packed.size(), out.data(), out.size(), &n) ==
            LIBDEFLATE_SUCCESS);
    out.resize(n);
    return out;
}

// A document of `pages` pages of rectangles, each page different, saved with its streams
// deflated on `threads` threads.
std::string saved(int pages, unsigned threads) {
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)> pdf(HPDF_New(nullptr, nullptr), HPDF_Free);
    REQUIRE(pdf);
    HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
    for (int p = 0; p < pages; ++p) {
        HPDF_Page page = HPDF_AddPage(pdf.get());
        for (int i = 0; i < 20 + p % 50; ++i)
            HPDF_Page_Rectangle(page, static_cast<float>(p), 10, 100, static_cast<float>(i)), HPDF_Page_Stroke(page);
    }
    REQUIRE(deflate_streams(pdf.get(), {}, {}, threads));
    return planpack::testing::saved_file(pdf.get());
}

}  // namespace

TEST_SUITE("pdf") {
TEST_CASE("content-stream numbers: three decimals at most, no trailing zeros, no negative zero") {
    CHECK(number(0) == "0");
    CHECK(number(-0.0001f) == "0");
    CHECK(number(12) == "12");
    CHECK(number(12.5f) == "12.5");
    CHECK(number(0.25f) == "0.25");
    CHECK(number(-3.14159f) == "-3.142");
    CHECK(number(595.2756f) == "595.276");
    CHECK(number(1e-3f) == "0.001");
}

TEST_CASE("content-stream numbers are what std::to_chars wrote, digit for digit") {
    // Every thousandth from -2000 to 2000, and a spread of page coordinates and sizes.
    for (int m = -2000000; m <= 2000000; m += 7) {
        const float v = static_cast<float>(m) / 1000.0f;
        REQUIRE(number(v) == number_by_to_chars(v));
    }
    std::uint32_t x = 12345;
    for (int i = 0; i < 200000; ++i) {
        x = x * 1664525u + 1013904223u;  // a fixed sequence: the test is the same every run
        const float v = static_cast<float>(static_cast<std::int32_t>(x)) / 65536.0f / static_cast<float>(1 + i % 1000);
        REQUIRE(number(v) == number_by_to_chars(v));
    }
}

TEST_CASE("shapes become a path in PDF coordinates and the operator that paints them") {
    ShapeItem rect{ShapeKind::rect, {{10, 20}, {110, 70}}, 0, Colour{1, 0, 0}, std::nullopt, 0, {}};
    // y grows down on the layout's page and up in PDF: the rectangle's foot is at 800 - 70.
    CHECK(shape_ops(rect, 800) == "10 730 100 50 re\nf\n");
    ShapeItem line{ShapeKind::line, {{0, 0}, {50, 10}}, 0, std::nullopt, Colour{}, 1, {}};
    CHECK(shape_ops(line, 100) == "0 100 m\n50 90 l\nS\n");
    ShapeItem triangle{ShapeKind::polygon, {{0, 0}, {10, 0}, {5, 5}}, 0, Colour{}, Colour{}, 1, {}};
    CHECK(shape_ops(triangle, 10) == "0 10 m\n10 10 l\n5 5 l\nh\nB\n");
    ShapeItem dot{ShapeKind::circle, {{50, 50}}, 2, Colour{}, std::nullopt, 0, {}};
    const std::string c = shape_ops(dot, 100);
    CHECK(c.rfind("52 50 m\n", 0) == 0);  // starts on the circle, right of the centre
    CHECK(c.find("50 52 c\n") != std::string::npos);
    CHECK(c.find("48 50 c\n") != std::string::npos);
    CHECK(c.find("50 48 c\n") != std::string::npos);
    CHECK(c.ends_with(" 52 50 c\nh\nf\n"));
}

TEST_CASE("colours and lines") {
    CHECK(colour_op({0.2f, 0.4f, 1}, false) == "0.2 0.4 1 rg\n");
    CHECK(colour_op({0, 0, 0}, true) == "0 0 0 RG\n");
    CHECK(line_ops(0.5f, {}) == "0.5 w\n[] 0 d\n");
    CHECK(line_ops(1, {2.4f, 0.2f}) == "1 w\n[2 1] 0 d\n");  // whole points, at least 1
}

TEST_CASE("the file is the same whatever the number of threads that deflate it") {
    const std::string one = saved(150, 1);  // more pages than one batch of streams
    CHECK(one.size() > 10000);
    CHECK(saved(150, 2) == one);
    CHECK(saved(150, 5) == one);
    CHECK(saved(3, 8) == saved(3, 1));  // more threads than streams
}

TEST_CASE("streams are deflated before saving and libharu writes them once, marked FlateDecode") {
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)> pdf(HPDF_New(nullptr, nullptr), HPDF_Free);
    REQUIRE(pdf);
    HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_ALL);
    HPDF_Page page = HPDF_AddPage(pdf.get());
    for (int i = 0; i < 200; ++i) HPDF_Page_Rectangle(page, 10, 10, 100, static_cast<float>(i)), HPDF_Page_Stroke(page);
    REQUIRE(deflate_streams(pdf.get(), {}));
    REQUIRE(HPDF_SaveToStream(pdf.get()) == HPDF_OK);
    std::string file(HPDF_GetStreamSize(pdf.get()), '\0');
    HPDF_UINT32 n = static_cast<HPDF_UINT32>(file.size());
    HPDF_ReadFromStream(pdf.get(), reinterpret_cast<HPDF_BYTE*>(file.data()), &n);
    file.resize(n);
    // The one content stream: its dictionary says FlateDecode once, and its bytes inflate
    // to the operators drawn (deflated twice, they would inflate to deflated bytes).
    const size_t dict = file.find("/Filter /FlateDecode");
    REQUIRE(dict != std::string::npos);
    CHECK(file.find("/Filter [") == std::string::npos);
    const size_t begin = file.find("stream\r\n", dict) + 8;
    const size_t end = file.find("\nendstream", begin);
    REQUIRE(end != std::string::npos);
    const std::string plain = inflate(file.substr(begin, end - begin));
    CHECK(plain.find("10 10 100 199 re") != std::string::npos);
}
}

}  // namespace unit_pdf_streams
