#include "render/pdf/font_source.hpp"

#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

namespace planpack::render::pdf {

bool read_from_memory(HPDF_FontDef def, std::string_view ttf) {
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || ttf.empty()) return true;
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    if (!attr->stream) return true;  // not embedded: libharu reads no more
    // One buffer holding the whole file, so a seek is an index and a read one copy.
    HPDF_Stream memory = HPDF_MemStream_New(def->mmgr, static_cast<HPDF_UINT>(ttf.size()));
    if (!memory) return false;
    if (HPDF_Stream_Write(memory, reinterpret_cast<const HPDF_BYTE*>(ttf.data()), static_cast<HPDF_UINT>(ttf.size())) !=
        HPDF_OK) {
        HPDF_Stream_Free(memory);
        return false;
    }
    HPDF_Stream_Free(attr->stream);
    attr->stream = memory;
    return true;
}

}  // namespace planpack::render::pdf
