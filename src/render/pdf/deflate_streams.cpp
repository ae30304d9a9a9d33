#include "render/pdf/deflate_streams.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
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

// A stream's bytes in one piece (libharu keeps a memory stream in buffers of its own).
bool gather(HPDF_Stream s, std::vector<unsigned char>& plain) {
    plain.clear();
    const HPDF_UINT buffers = HPDF_MemStream_GetBufCount(s);
    for (HPDF_UINT i = 0; i < buffers; ++i) {
        HPDF_UINT n = 0;
        const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(s, i, &n);
        if (!p) return false;
        plain.insert(plain.end(), p, p + n);
    }
    return true;
}

// A stream to deflate: its bytes are in libharu's stream, or, for a page's contents
// that the writer kept (libharu's stream then empty), in plain.
struct Job {
    HPDF_Dict dict = nullptr;
    std::string* plain = nullptr;
};

// Compresses streams[k] into packed[k] for every k, on `threads` threads that take the
// next stream as they finish one. Each stream's bytes depend only on that stream, so the
// file is the same whatever the number of threads. Reading libharu's streams from
// several threads is safe: nothing writes to them meanwhile.
bool deflate_all(const std::vector<Job>& streams, std::vector<std::vector<unsigned char>>& packed,
                 unsigned threads) {
    packed.assign(streams.size(), {});
    std::atomic<size_t> next{0};
    std::atomic<bool> failed{false};
    auto work = [&] {
        Compressor compressor(libdeflate_alloc_compressor(deflate_level));
        if (!compressor) {
            failed = true;
            return;
        }
        std::vector<unsigned char> gathered;
        for (size_t k = next++; k < streams.size() && !failed; k = next++) {
            const void* plain = nullptr;
            size_t size = 0;
            if (const std::string* kept = streams[k].plain) {
                plain = kept->data(), size = kept->size();
            } else if (gather(streams[k].dict->stream, gathered)) {
                plain = gathered.data(), size = gathered.size();
            } else {
                failed = true;
                return;
            }
            std::vector<unsigned char>& out = packed[k];
            out.resize(libdeflate_zlib_compress_bound(compressor.get(), size));
            const size_t n = libdeflate_zlib_compress(compressor.get(), plain, size, out.data(), out.size());
            if (n == 0) failed = true;
            out.resize(n);
        }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t < streams.size(); ++t) helpers.emplace_back(work);
    work();
    for (std::thread& h : helpers) h.join();
    return !failed;
}

}  // namespace

bool deflate_streams(HPDF_Doc pdf, std::span<const HPDF_Font> fonts, std::unordered_map<HPDF_Dict, std::string> kept,
                     unsigned threads) {
    // A font makes its descriptor and embedded file when first written, deflating them if
    // the font's own filter says so, and sets its CMaps' filters from it each time. Make
    // them now and clear the font's filter, so that the second call, while saving, keeps
    // what is done here.
    for (HPDF_Font f : fonts) {
        if (!f || !f->before_write_fn) continue;
        if (f->before_write_fn(f) != HPDF_OK) return false;
        f->filter = HPDF_STREAM_FILTER_NONE;
    }
    std::vector<Job> streams;
    std::unordered_set<HPDF_Dict> deflated;  // of the kept ones
    for (HPDF_UINT i = 0; i < pdf->xref->entries->count; ++i) {
        const HPDF_XrefEntry entry = HPDF_Xref_GetEntry(pdf->xref, i);
        if (!entry || !entry->obj) continue;
        const auto* header = static_cast<const HPDF_Obj_Header*>(entry->obj);
        if ((header->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT) continue;
        auto dict = static_cast<HPDF_Dict>(entry->obj);
        if (!dict->stream || dict->filter != HPDF_STREAM_FILTER_FLATE_DECODE) continue;
        if (dict->stream->type != HPDF_STREAM_MEMORY) continue;
        const auto it = kept.find(dict);
        if (it != kept.end() && dict->stream->size != 0) return false;  // bytes in both places
        streams.push_back({dict, it != kept.end() ? &it->second : nullptr});
        if (it != kept.end()) deflated.insert(dict);
    }
    // Kept bytes of a stream that is not to be deflated go into it as they are.
    for (auto& [dict, plain] : kept) {
        if (!deflated.contains(dict) && HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(plain.data()),
                                         static_cast<HPDF_UINT>(plain.size())) != HPDF_OK)
            return false;
    }
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    // A batch at a time, each put back into libharu's streams on this thread, in order
    // (its allocator is not shared), so that the deflated copies of only one batch are
    // held beside the plain streams.
    constexpr size_t batch = 64;
    std::vector<std::vector<unsigned char>> packed;
    for (size_t from = 0; from < streams.size(); from += batch) {
        const std::vector<Job> some(streams.begin() + static_cast<std::ptrdiff_t>(from),
                                          streams.begin() + static_cast<std::ptrdiff_t>(std::min(streams.size(), from + batch)));
        if (!deflate_all(some, packed, threads)) return false;
        for (size_t k = 0; k < some.size(); ++k) {
            HPDF_Dict dict = some[k].dict;
            if (some[k].plain) std::string().swap(*some[k].plain);
            HPDF_MemStream_FreeData(dict->stream);
            if (HPDF_Stream_Write(dict->stream, packed[k].data(), static_cast<HPDF_UINT>(packed[k].size())) != HPDF_OK)
                return false;
            dict->filter = HPDF_STREAM_FILTER_NONE;
            dict->write_fn = write_flate_filter;
        }
    }
    return true;
}

}  // namespace planpack::render::pdf
