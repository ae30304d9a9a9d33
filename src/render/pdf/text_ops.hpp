#pragma once
// Text operators written as libharu's HPDF_Page_TextOut writes them, byte for byte,
// without its costs per call: a 512-byte buffer cleared for each position, the text
// parsed through its UTF-8 encoder twice (to measure it, then to encode it into a
// buffer it allocates), a glyph search for every character, and one stream write per
// token. That was a tenth of a long document's instructions. The writer draws a page's
// text here into a buffer of its own.
#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planpack::render::pdf {

// Each character's width through libharu's own HPDF_TTFontDef_GetCharWidth, asked once
// per font and character: the call also marks the glyph as used, so that libharu embeds
// it, which later calls for the same character would only repeat.
class FontWidths {
public:
    explicit FontWidths(HPDF_Font font);
    unsigned width(std::uint16_t code);

private:
    HPDF_FontDef def_ = nullptr;
    std::vector<std::int32_t> widths_;  // per code; unknown: -1
};

// Where the text matrix stands in the current text object (BT resets it to the origin).
// planpack sets no other matrix, so it is a translation.
struct TextMatrix {
    float a = 1, b = 0, c = 0, d = 1, x = 0, y = 0;
};

// Appends what HPDF_Page_TextOut(page, x, y, text) appends inside a text object whose
// matrix is m, and moves m as it does: "dx dy Td" to the position, then "<UTF-16BE> Tj"
// unless the text is empty or measures nothing. False, with nothing written, for a text
// longer than libharu takes (it raises HPDF_STRING_OUT_OF_RANGE).
bool text_out(std::string& ops, TextMatrix& m, FontWidths& widths, float x, float y, std::string_view text);

}  // namespace planpack::render::pdf
