#pragma once
// libharu deflates each stream with zlib while it writes the file; on a 300-page document
// that was a third of the PDF time. deflate_streams does that work beforehand with
// libdeflate, faster at the same ratio, on every core, and leaves libharu only the bytes
// to copy.
#include <hpdf.h>

#include <span>
#include <string>
#include <unordered_map>

namespace planpack::render::pdf {

// Deflates every stream libharu would deflate (page contents, fonts, CMaps, images) and
// marks each so that libharu writes its bytes unchanged under /Filter /FlateDecode. Call
// once, just before saving; `fonts` are the document's fonts, whose embedded files
// libharu would otherwise make only while saving. False if a stream could not be read
// or written (libharu's error handler has the reason). `kept` holds the bytes of streams
// that were built outside libharu (a page's contents) and whose libharu streams are still
// empty. The streams are deflated on `threads` threads (0: one per core); the file is the
// same whatever their number.
bool deflate_streams(HPDF_Doc pdf, std::span<const HPDF_Font> fonts,
                     std::unordered_map<HPDF_Dict, std::string> kept = {}, unsigned threads = 0);

}  // namespace planpack::render::pdf
