#include "render/pdf/deflate_streams.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <memory>
#include <vector>

namespace planpack::render::pdf {

namespace {

// zlib's default level; libdeflate's level 6 compresses as well, in less time.
constexpr int deflate_level = 6;

struct CompressorFree {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, CompressorFree>;

// libharu writes a dictionary's entries, then calls this before closing it: with the
// stream's own filter cleared, this is where the stream says how it is encoded.
extern "C" HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

bool deflate_stream(HPDF_Dict dict, libdeflate_compressor* compressor, std::vector<unsigned char>& plain,
                    std::vector<unsigned char>& packed) {
    HPDF_Stream s = dict->stream;
    plain.clear();
    const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(s);
    for (HPDF_UINT i = 0; i < buffers; ++i) {
        HPDF_UINT n = 0;
        const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(s, i, &n);
        if (!p) return false;
        plain.insert(plain.end(), p, p + n);
    }
    packed.resize(libdeflate_zlib_compress_bound(compressor, plain.size()));
    const size_t n = libdeflate_zlib_compress(compressor, plain.data(), plain.size(), packed.data(), packed.size());
    if (n == 0) return false;
    HPDF_MemStream_FreeData(s);
    if (HPDF_Stream_Write(s, packed.data(), static_cast<HPDF_UINT>(n)) != HPDF_OK) return false;
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = write_flate_filter;
    return true;
}

}  // namespace

bool deflate_streams(HPDF_Doc pdf, std::span<const HPDF_Font> fonts) {
    // A font makes its descriptor and embedded file when first written, deflating them if
    // the font's own filter says so, and sets its CMaps' filters from it each time. Make
    // them now and clear the font's filter, so that the second call, while saving, keeps
    // what is done here.
    for (HPDF_Font f : fonts) {
        if (!f || !f->before_write_fn) continue;
        if (f->before_write_fn(f) != HPDF_OK) return false;
        f->filter = HPDF_STREAM_FILTER_NONE;
    }
    Compressor compressor(libdeflate_alloc_compressor(deflate_level));
    if (!compressor) return false;
    std::vector<unsigned char> plain, packed;
    for (HPDF_UINT i = 0; i < pdf->xref->entries->count; ++i) {
        const HPDF_XrefEntry entry = HPDF_Xref_GetEntry(pdf->xref, i);
        if (!entry || !entry->obj) continue;
        const auto* header = static_cast<const HPDF_Obj_Header*>(entry->obj);
        if ((header->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT) continue;
        auto dict = static_cast<HPDF_Dict>(entry->obj);
        if (!dict->stream || dict->filter != HPDF_STREAM_FILTER_FLATE_DECODE) continue;
        if (dict->stream->type != HPDF_STREAM_MEMORY) continue;
        if (!deflate_stream(dict, compressor.get(), plain, packed)) return false;
    }
    return true;
}

}  // namespace planpack::render::pdf
