#pragma once
// Link destinations as cmark-gfm's own HTML renderer treats them, so a link in planpack's
// HTML goes where the same Markdown would take it anywhere else.
#include <optional>
#include <string>
#include <string_view>

namespace planpack::model {

// The scheme of an absolute URL, lower-cased ("MAILTO:a@b.c" -> "mailto"), or nullopt for a
// relative one: RFC 3986 letters, digits, '+', '-', '.' before the first ':', with no '/',
// '?' or '#' before it ("foo):", "a/b:c" and "?x=1:2" are relative).
std::optional<std::string> url_scheme(std::string_view url);

// Schemes a published page may link to: none of them runs code in the reader's browser.
bool publishable_scheme(std::string_view scheme);

// Whether the URL may be written into an href or src (relative, or a publishable scheme).
bool publishable_url(std::string_view url);

// Percent-encodes as cmark's houdini_escape_href: alphanumerics and -_.+!*'(),%#@?=;:/,&$~
// stay, '&' and '\'' become HTML entities, every other byte %XX. The result is ready for an
// HTML attribute value; do not escape it again.
std::string escape_href(std::string_view url);

}  // namespace planpack::model
