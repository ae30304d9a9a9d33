#include <doctest/doctest.h>

#include <hpdf.h>
#include <hpdf_doc.h>

#include <memory>
#include <string>
#include <vector>

#include "render/pdf/glyph_table.hpp"

namespace unit_pdf_glyphs {

using namespace planpack::render::pdf;

namespace {

using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, void (*)(HPDF_Doc)>;

const std::string dejavu = "/usr/share/fonts/truetype/dejavu/";

HPDF_FontDef load(HPDF_Doc pdf, const std::string& file) {
    const char* name = HPDF_LoadTTFontFromFile(pdf, (dejavu + file).c_str(), HPDF_TRUE);
    REQUIRE(name);
    HPDF_FontDef def = HPDF_GetFontDef(pdf, name);
    REQUIRE(def);
    return def;
}

}  // namespace

TEST_SUITE("pdf") {
TEST_CASE("the glyph table answers as libharu's cmap search does, for every code point") {
    for (const char* file : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"}) {
        CAPTURE(file);
        DocPtr pdf(HPDF_New(nullptr, nullptr), HPDF_Free);
        REQUIRE(pdf);
        HPDF_FontDef def = load(pdf.get(), file);
        // Before: libharu's own answers, glyphs and widths, for all 65,536 code points,
        // those the font lacks (U+0378, unassigned; U+4E00, no CJK in DejaVu) among them.
        std::vector<HPDF_UINT16> glyphs;
        std::vector<HPDF_INT16> widths;
        for (unsigned u = 0; u <= 0xFFFF; ++u) {
            glyphs.push_back(HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(u)));
            widths.push_back(HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UINT16>(u)));
        }
        CHECK(glyphs['A'] != 0);
        CHECK(glyphs[0x0378] == 0);
        CHECK(glyphs[0x4E00] == 0);
        const auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
        const std::vector<std::uint16_t> table = glyph_table(attr->cmap);
        REQUIRE(table.size() == 0x10000);
        REQUIRE(use_glyph_table(def));
        CHECK(attr->cmap.seg_count_x2 == 2);  // one segment now
        size_t differ = 0;
        for (unsigned u = 0; u <= 0xFFFF; ++u) {
            const auto c = static_cast<HPDF_UINT16>(u);
            if (table[u] != glyphs[u] || HPDF_TTFontDef_GetGlyphid(def, c) != glyphs[u] ||
                HPDF_TTFontDef_GetCharWidth(def, c) != widths[u])
                ++differ;
        }
        CHECK(differ == 0);
    }
}

TEST_CASE("a cmap it cannot tabulate is left to libharu") {
    HPDF_TTF_CmapRange none{};
    CHECK(glyph_table(none).empty());
    none.format = 0;
    CHECK(glyph_table(none).empty());
}

TEST_CASE("a document's text measures the same with the glyph table") {
    DocPtr plain(HPDF_New(nullptr, nullptr), HPDF_Free), tabled(HPDF_New(nullptr, nullptr), HPDF_Free);
    REQUIRE(plain);
    REQUIRE(tabled);
    const std::string text = "Café, naïve — 10½ % ✓ €5 “quoted” \u0378 \u4E00 end";
    float width[2] = {};
    for (int k = 0; k < 2; ++k) {
        HPDF_Doc pdf = k == 0 ? plain.get() : tabled.get();
        HPDF_UseUTFEncodings(pdf);
        HPDF_SetCurrentEncoder(pdf, "UTF-8");
        const char* name = HPDF_LoadTTFontFromFile(pdf, (dejavu + "DejaVuSans.ttf").c_str(), HPDF_TRUE);
        REQUIRE(name);
        if (k == 1) REQUIRE(use_glyph_table(HPDF_GetFontDef(pdf, name)));
        HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
        REQUIRE(font);
        width[k] = static_cast<float>(HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.c_str()),
                                                          static_cast<HPDF_UINT>(text.size())).width);
    }
    CHECK(width[0] > 0);
    CHECK(width[0] == width[1]);
}
}

}  // namespace unit_pdf_glyphs
