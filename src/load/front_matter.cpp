#include "load/front_matter.hpp"

namespace planpack::load {

namespace {

// The line starting at pos, without its line ending; next is set past the line end.
std::string_view line_at(std::string_view text, size_t pos, size_t& next) {
    size_t end = text.find('\n', pos);
    next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

bool is_fence(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "+++";
}

}  // namespace

std::optional<FrontMatterSplit> split_front_matter(std::string_view text, const std::string& file,
                                                   Diagnostics& diags) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    size_t next = 0;
    if (text.empty() || !is_fence(line_at(text, 0, next))) {
        diags.error({file, 1, 1}, "a content file must open with a '+++' line starting its TOML "
                                  "front matter");
        return std::nullopt;
    }
    FrontMatterSplit out;
    out.front_matter_line = 2;
    const size_t fm_start = next;
    int line_no = 2;
    for (size_t pos = next; pos < text.size(); pos = next, ++line_no) {
        if (is_fence(line_at(text, pos, next))) {
            out.front_matter = text.substr(fm_start, pos - fm_start);
            out.body = text.substr(next);
            out.body_line = line_no + 1;
            return out;
        }
    }
    diags.error({file, 1, 1}, "the front matter opened here is never closed by a '+++' line");
    return std::nullopt;
}

}  // namespace planpack::load
