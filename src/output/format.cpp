#include "output/format.hpp"

namespace planpack::output {

std::string_view name(Format f) {
    switch (f) {
        case Format::html: return "html";
        case Format::pdf: return "pdf";
        case Format::xlsx: return "xlsx";
        case Format::docx: return "docx";
    }
    return "";
}

std::optional<Format> parse_format(std::string_view text) {
    for (Format f : all_formats)
        if (name(f) == text) return f;
    return std::nullopt;
}

std::optional<Format> format_of(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return std::nullopt;
    return parse_format(path.substr(dot + 1));
}

}  // namespace planpack::output
