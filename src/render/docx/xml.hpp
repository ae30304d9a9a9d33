#pragma once
// The one escaping function for every byte of text the DOCX renderer writes into XML, in
// element content and in attribute values alike.
#include <string>
#include <string_view>

namespace planpack::render::docx {

// & < > " escaped; characters XML 1.0 forbids (C0 controls other than tab, newline and
// carriage return) dropped, since Word refuses a part that holds one. Input is UTF-8.
void append_xml(std::string& out, std::string_view text);
std::string xml(std::string_view text);

}  // namespace planpack::render::docx
