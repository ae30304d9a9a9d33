#pragma once
// The formats a build writes, named once: options parse them, the pipeline asks for them,
// and the publication record tells a file's format by its extension.
#include <array>
#include <optional>
#include <set>
#include <string_view>

namespace planpack::output {

enum class Format { html, pdf, xlsx, docx };
using Formats = std::set<Format>;

inline constexpr std::array<Format, 4> all_formats{Format::html, Format::pdf, Format::xlsx, Format::docx};

std::string_view name(Format f);                          // "html"
std::optional<Format> parse_format(std::string_view name);  // "pdf" -> Format::pdf
std::optional<Format> format_of(std::string_view path);     // by the file's extension

}  // namespace planpack::output
