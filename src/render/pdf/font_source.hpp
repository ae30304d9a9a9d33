#pragma once
// libharu keeps a TrueType font's file open and, for every document that embeds the font,
// copies its tables out of it again: most of them four bytes at a time, each read an
// fread. For the example's eight PDFs that was a sixth of the build's instructions.
// read_from_memory gives the font definition the file's bytes in memory instead, which
// libharu reads through the same stream calls at a fraction of the cost.
#include <hpdf.h>

#include <string_view>

namespace planpack::render::pdf {

// Replaces the stream a TrueType font definition reads its file from by a memory stream
// of `ttf`, the same file's bytes (offsets in it are the file's). False if libharu could
// not give the memory; the definition then keeps its file.
bool read_from_memory(HPDF_FontDef def, std::string_view ttf);

}  // namespace planpack::render::pdf
