#include "render/pdf/glyph_table.hpp"

#include <hpdf_mmgr.h>

#include <algorithm>

namespace planpack::render::pdf {

// The segment a code point falls in is the first whose end is not below it (libharu's
// search), so walking the code points upwards walks the segments in order too.
std::vector<std::uint16_t> glyph_table(const HPDF_TTF_CmapRange& cmap) {
    std::vector<std::uint16_t> table;
    const unsigned segs = cmap.seg_count_x2 / 2u;
    if (cmap.format != 4 || segs == 0 || !cmap.end_count || !cmap.start_count || !cmap.id_delta ||
        !cmap.id_range_offset)
        return table;
    table.assign(0x10000, 0);
    unsigned i = 0;
    for (unsigned u = 0; u <= 0xFFFF; ++u) {
        while (i < segs && u > cmap.end_count[i]) ++i;
        if (i == segs) break;  // past the last segment: no glyph (a valid cmap ends at 0xFFFF)
        if (cmap.start_count[i] > u) continue;
        const auto delta = static_cast<unsigned>(cmap.id_delta[i]);
        if (cmap.id_range_offset[i] == 0) {
            table[u] = static_cast<std::uint16_t>(u + delta);
            continue;
        }
        // libharu's index arithmetic, unsigned as it is there.
        const unsigned idx = cmap.id_range_offset[i] / 2u + (u - cmap.start_count[i]) - (segs - i);
        if (idx < cmap.glyph_id_array_count && cmap.glyph_id_array)
            table[u] = static_cast<std::uint16_t>(cmap.glyph_id_array[idx] + delta);
    }
    return table;
}

namespace {

template <typename T>
T* copy_into(HPDF_MMgr mmgr, const T* from, size_t n) {
    auto* to = static_cast<T*>(HPDF_GetMem(mmgr, static_cast<HPDF_UINT>(sizeof(T) * n)));
    if (to) std::copy(from, from + n, to);
    return to;
}

}  // namespace

bool use_glyph_table(HPDF_FontDef def) {
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) return true;
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    HPDF_TTF_CmapRange& cmap = attr->cmap;
    const std::vector<std::uint16_t> table = glyph_table(cmap);
    if (table.empty()) return true;
    // One segment, 0..0xFFFF, delta 0, whose range offset (2) makes libharu's index
    // 2/2 + (u - 0) - (1 - 0) = u: the glyph is table[u].
    const std::uint16_t end = 0xFFFF, start = 0, offset = 2;
    const std::int16_t delta = 0;
    HPDF_MMgr mmgr = def->mmgr;
    auto* ends = copy_into(mmgr, &end, 1);
    auto* starts = copy_into(mmgr, &start, 1);
    auto* deltas = copy_into(mmgr, &delta, 1);
    auto* offsets = copy_into(mmgr, &offset, 1);
    auto* glyphs = copy_into(mmgr, table.data(), table.size());
    if (!ends || !starts || !deltas || !offsets || !glyphs) {
        for (void* p : {static_cast<void*>(ends), static_cast<void*>(starts), static_cast<void*>(deltas),
                        static_cast<void*>(offsets), static_cast<void*>(glyphs)})
            if (p) HPDF_FreeMem(mmgr, p);
        return false;
    }
    for (void* p : {static_cast<void*>(cmap.end_count), static_cast<void*>(cmap.start_count),
                    static_cast<void*>(cmap.id_delta), static_cast<void*>(cmap.id_range_offset),
                    static_cast<void*>(cmap.glyph_id_array)})
        if (p) HPDF_FreeMem(mmgr, p);
    cmap.seg_count_x2 = 2;
    cmap.end_count = ends;
    cmap.start_count = starts;
    cmap.id_delta = deltas;
    cmap.id_range_offset = offsets;
    cmap.glyph_id_array = glyphs;
    cmap.glyph_id_array_count = static_cast<HPDF_UINT>(table.size());
    return true;
}

}  // namespace planpack::render::pdf
