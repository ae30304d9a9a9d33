#include "render/pdf/text_ops.hpp"

#include <hpdf_consts.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_utils.h>

#include <algorithm>

namespace planpack::render::pdf {

FontWidths::FontWidths(HPDF_Font font) : widths_(0x10000, -1) {
    if (font) def_ = static_cast<HPDF_FontAttr>(font->attr)->fontdef;
}

unsigned FontWidths::width(std::uint16_t code) {
    std::int32_t& w = widths_[code];
    if (w < 0) w = def_ ? static_cast<std::uint16_t>(HPDF_TTFontDef_GetCharWidth(def_, code)) : 0;
    // libharu adds the INT16 width into an unsigned sum.
    return static_cast<unsigned>(static_cast<HPDF_INT16>(w));
}

namespace {

// libharu's UTF-8 encoder (hpdf_encoder_utf.c, UTF8_Encoder_ByteType_Func and
// ToUnicode_Func), quirks and all: a character is emitted when its last byte arrives;
// continuation bytes are not checked; a stray byte is skipped; beyond U+FFFF is a space.
class Utf8Codes {
public:
    // Feeds one byte; true when it completes a character, whose code is then code().
    bool feed(unsigned char byte) {
        if (current_ == 0) {
            bytes_[0] = byte;
            current_ = 1;
            if (!(byte & 0x80)) {
                current_ = 0;
                end_ = 0;
                return true;
            }
            if ((byte & 0xf8) == 0xf0) end_ = 3;
            else if ((byte & 0xf0) == 0xe0) end_ = 2;
            else if ((byte & 0xe0) == 0xc0) end_ = 1;
            else current_ = 0;
            return false;
        }
        bytes_[current_] = byte;
        if (current_ == end_) {
            current_ = 0;
            return true;
        }
        ++current_;
        return false;
    }

    std::uint16_t code() const {
        unsigned v;
        switch (end_) {
            case 3:
                v = ((bytes_[0] & 0x7u) << 18) + (static_cast<unsigned>(bytes_[1]) << 12) +
                    ((bytes_[2] & 0x3fu) << 6) + (bytes_[3] & 0x3fu);
                break;
            case 2: v = ((bytes_[0] & 0xfu) << 12) + ((bytes_[1] & 0x3fu) << 6) + (bytes_[2] & 0x3fu); break;
            case 1: v = ((bytes_[0] & 0x1fu) << 6) + (bytes_[1] & 0x3fu); break;
            case 0: v = bytes_[0]; break;
            default: v = 32;
        }
        return static_cast<std::uint16_t>(v > 65535 ? 32 : v);
    }

private:
    unsigned char bytes_[4] = {};
    int current_ = 0, end_ = 0;
};

void append_real(std::string& ops, float v) {
    char buf[32] = {};  // a sign, five digits (libharu clamps to 32767), a point, five decimals
    const char* end = HPDF_FToA(buf, v, buf + sizeof buf - 1);
    ops.append(buf, static_cast<size_t>(end - buf));
}

}  // namespace

bool text_out(std::string& ops, TextMatrix& m, FontWidths& widths, float x, float y, std::string_view text) {
    // HPDF_StrLen(text, HPDF_LIMIT_MAX_STRING_LEN + 1) measures up to the first NUL.
    text = text.substr(0, std::min(text.find('\0'), text.size()));
    if (text.size() > HPDF_LIMIT_MAX_STRING_LEN) return false;
    // TextPos_AbsToRel and HPDF_Page_MoveTextPos, in libharu's float arithmetic.
    float dx, dy;
    if (m.a == 0) {
        dx = (y - m.y - (x - m.x) * m.d / m.c) / m.b;
        dy = (x - m.x) / m.c;
    } else {
        dy = (y - m.y - (x - m.x) * m.b / m.a) / (m.d - m.c * m.b / m.a);
        dx = (x - m.x - dy * m.c) / m.a;
    }
    append_real(ops, dx);
    ops += ' ';
    append_real(ops, dy);
    ops += " Td\012";
    m.x += dx * m.a + dy * m.c;
    m.y += dy * m.d + dx * m.b;
    if (text.empty()) return true;
    // HPDF_Page_ShowText: nothing shown when the text measures nothing.
    unsigned width = 0;
    Utf8Codes measure;
    for (char ch : text)
        if (measure.feed(static_cast<unsigned char>(ch))) width += widths.width(measure.code());
    if (width == 0) return true;
    static constexpr char hex[] = "0123456789ABCDEF";
    ops += '<';
    Utf8Codes encode;
    for (char ch : text)
        if (encode.feed(static_cast<unsigned char>(ch))) {
            const std::uint16_t code = encode.code();
            ops += hex[code >> 12];
            ops += hex[(code >> 8) & 0xF];
            ops += hex[(code >> 4) & 0xF];
            ops += hex[code & 0xF];
        }
    ops += "> Tj\012";
    return true;
}

}  // namespace planpack::render::pdf
