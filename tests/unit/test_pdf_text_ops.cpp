#include <doctest/doctest.h>

#include <hpdf.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <memory>
#include <string>
#include <vector>

#include "pdf_file.hpp"
#include "render/pdf/text_ops.hpp"

namespace unit_pdf_text_ops {

using namespace planpack::render::pdf;

namespace {

using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)>;

struct Placed {
    float x, y;
    std::string text;
};

// Texts that exercise what libharu does with each: plain and accented letters, a
// character DejaVu lacks, an empty text, one that measures nothing (U+200B, zero width),
// stray and truncated UTF-8 bytes, a character beyond U+FFFF, and positions that repeat,
// go back and have fractions.
const std::vector<Placed> texts = {
    {72, 770, "Hello, world"},
    {72, 756.5f, "Caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x94 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x9C\x93 \xE2\x82\xAC" "5"},
    {72, 756.5f, "same place"},
    {300.333f, 700.125f, "\xE4\xB8\x80 (no CJK in DejaVu)"},
    {10, 10, ""},
    {20.7f, 20.2f, "\xE2\x80\x8B"},
    {0, 0, "\x80stray \xC3"},
    {-5.25f, 812.99999f, "emoji \xF0\x9F\x98\x80 here"},
    {595.27563f, 0.00001f, "end"},
};

// A document drawing texts in one text object on one page: through libharu's
// HPDF_Page_TextOut, or through text_out with the bytes written into the page's stream.
std::string saved(bool ours) {
    DocPtr pdf(HPDF_New(nullptr, nullptr), HPDF_Free);
    REQUIRE(pdf);
    HPDF_UseUTFEncodings(pdf.get());
    HPDF_SetCurrentEncoder(pdf.get(), "UTF-8");
    const char* name =
        HPDF_LoadTTFontFromFile(pdf.get(), "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", HPDF_TRUE);
    REQUIRE(name);
    HPDF_Font font = HPDF_GetFont(pdf.get(), name, "UTF-8");
    REQUIRE(font);
    HPDF_Page page = HPDF_AddPage(pdf.get());
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 10.5f);
    FontWidths widths(font);
    TextMatrix m;
    for (const Placed& p : texts) {
        if (!ours) {
            HPDF_Page_TextOut(page, p.x, p.y, p.text.c_str());
            continue;
        }
        std::string ops;
        REQUIRE(text_out(ops, m, widths, p.x, p.y, p.text));
        HPDF_Stream_Write(static_cast<HPDF_PageAttr>(page->attr)->stream,
                          reinterpret_cast<const HPDF_BYTE*>(ops.data()), static_cast<HPDF_UINT>(ops.size()));
    }
    HPDF_Page_EndText(page);
    return planpack::testing::saved_file(pdf.get());
}

}  // namespace

TEST_SUITE("pdf") {
TEST_CASE("text operators are libharu's TextOut to the byte, and embed the same glyphs") {
    // The whole file: the page's operators and the embedded font subset, whose glyphs are
    // the ones measured.
    const std::string theirs = saved(false), ours = saved(true);
    CHECK(theirs.size() > 10000);
    CHECK(ours == theirs);
}

TEST_CASE("text operators: a move, then the text as UTF-16BE unless it measures nothing") {
    DocPtr pdf(HPDF_New(nullptr, nullptr), HPDF_Free);
    REQUIRE(pdf);
    HPDF_UseUTFEncodings(pdf.get());
    const char* name =
        HPDF_LoadTTFontFromFile(pdf.get(), "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", HPDF_TRUE);
    REQUIRE(name);
    FontWidths widths(HPDF_GetFont(pdf.get(), name, "UTF-8"));
    TextMatrix m;
    std::string ops;
    REQUIRE(text_out(ops, m, widths, 72, 700.5f, "A\xC3\xA9"));
    CHECK(ops == "72 700.5 Td\012<004100E9> Tj\012");
    ops.clear();
    REQUIRE(text_out(ops, m, widths, 80, 700.5f, "\xE2\x80\x8B"));  // zero width: the move only
    CHECK(ops == "8 0 Td\012");
    CHECK_FALSE(text_out(ops, m, widths, 0, 0, std::string(70000, 'a')));  // libharu refuses it
}
}

}  // namespace unit_pdf_text_ops
