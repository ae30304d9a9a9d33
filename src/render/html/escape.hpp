#pragma once
// Escaping text for HTML: the one function every writer of HTML uses.
#include <string>
#include <string_view>

namespace planpack::render::html {

// The one escaping function for every byte of text planpack writes into HTML, in element
// content and in attribute values alike (templates use it too).
std::string escape(std::string_view s);
void append_escaped(std::string& out, std::string_view s);

}  // namespace planpack::render::html
