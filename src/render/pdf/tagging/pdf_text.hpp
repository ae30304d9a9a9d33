#pragma once
// A PDF text string (ISO 32000-1, 7.9.2.2) from UTF-8: plain ASCII as a literal string,
// anything else as UTF-16BE with a byte-order mark, so alt text and link contents read
// correctly whatever their language.
#include <hpdf.h>

#include <string>
#include <string_view>

namespace planpack::render::pdf::tagging {

// A new direct libharu object (a String or a Binary) owned by pdf's memory manager.
void* pdf_text(HPDF_Doc pdf, std::string_view utf8);

// The same string as it stands in the file: "(...)" with ( ) \\ escaped, or "<FEFF...>".
std::string pdf_text_token(std::string_view utf8);

}  // namespace planpack::render::pdf::tagging
