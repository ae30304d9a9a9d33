// Front matter and Markdown -> the document model and its HTML, as a content file is read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "load/front_matter.hpp"
#include "load/markdown.hpp"
#include "load/toml_reader.hpp"
#include "load/utf8.hpp"
#include "render/html/blocks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace planpack;
    const std::string text(reinterpret_cast<const char*>(data), size);
    Diagnostics diags;
    if (load::first_invalid_utf8(text)) return 0;  // the loader refuses it before parsing
    auto split = load::split_front_matter(text, "c.md", diags);
    if (!split) return 0;
    load::parse_toml(split->front_matter, {"c.md", split->front_matter_line - 1}, diags);
    if (auto body = load::parse_markdown(split->body, "c.md", split->body_line, diags)) {
        render::html::render_blocks(body->blocks, "plan/page.html");
        render::html::render_footnotes(body->footnotes, "plan/page.html");
    }
    return 0;
}
