#include "load/markdown_file.hpp"

#include "load/files.hpp"
#include "load/front_matter.hpp"
#include "load/project.hpp"
#include "load/utf8.hpp"

namespace planpack::load {

std::optional<MarkdownFile> read_markdown_file(const std::filesystem::path& root,
                                               const std::filesystem::path& path, Diagnostics& diags) {
    MarkdownFile f;
    f.shown = shown_path(root, path);
    auto text = read_file(path, f.shown, diags);
    if (!text) return std::nullopt;
    if (auto bad = first_invalid_utf8(*text)) {
        auto [line, col] = line_and_column(*text, *bad);
        diags.error({f.shown, line, col}, "the file is not valid UTF-8 (save it as UTF-8)");
        return std::nullopt;
    }
    auto split = split_front_matter(*text, f.shown, diags);
    if (!split) return std::nullopt;
    f.origin = TomlOrigin{f.shown, split->front_matter_line - 1};
    auto fm = parse_toml(split->front_matter, f.origin, diags);
    if (!fm) return std::nullopt;
    f.front_matter = std::move(*fm);
    f.front_matter_line = split->front_matter_line;
    f.body = std::string(split->body);
    f.body_line = split->body_line;
    return f;
}

}  // namespace planpack::load
