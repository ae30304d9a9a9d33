#pragma once
// Word's fields (ECMA-376 Part 1, 17.16), as far as the reader needs them: the address a
// HYPERLINK field links to. Word and LibreOffice write some links as fields rather than as
// w:hyperlink elements: complex (w:fldChar begin, w:instrText, separate, result, end) or
// simple (w:fldSimple w:instr).
#include <optional>
#include <string>
#include <string_view>

namespace planpack::import_docx {

// The address of a HYPERLINK instruction (`HYPERLINK "https://example.org/" \o "tip"`), with
// its \l location as a #fragment; nullopt for any other field and for a link within the file
// (\l alone), whose words stay as text as a w:hyperlink w:anchor's do.
std::optional<std::string> hyperlink_target(std::string_view instruction);

}  // namespace planpack::import_docx
