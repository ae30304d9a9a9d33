#pragma once
// libharu finds a character's glyph by searching the font's cmap segments one by one
// (HPDF_TTFontDef_GetGlyphid): 65,536 times for each font of each document, when the
// font's widths and CIDToGIDMap are made, and again for every character drawn, to measure
// it. With DejaVu's several hundred segments that was a sixth of the example's build.
// glyph_table answers the same for every Basic Multilingual Plane code point in one pass;
// use_glyph_table gives libharu that table as a cmap of one segment, so its search ends at
// the first segment and reads the answer by index.
#include <hpdf.h>
#include <hpdf_fontdef.h>

#include <cstdint>
#include <vector>

namespace planpack::render::pdf {

// What HPDF_TTFontDef_GetGlyphid answers for each code point 0..0xFFFF, from a format 4
// cmap as libharu read it (where libharu would read past its glyph array, 0: no glyph).
// Empty when the cmap is not format 4 or has no segments.
std::vector<std::uint16_t> glyph_table(const HPDF_TTF_CmapRange& cmap);

// Replaces a TrueType font definition's cmap by its glyph_table, before HPDF_GetFont
// makes a font of it. Leaves a cmap it cannot tabulate (format 0, or damaged) as it is,
// answering true; false only when libharu could not give the memory.
bool use_glyph_table(HPDF_FontDef def);

}  // namespace planpack::render::pdf
