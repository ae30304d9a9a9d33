// For the differential Markdown test (tests/e2e/test_markdown_differential.py): renders each
// Markdown file twice on the same cmark-gfm library and extensions, through planpack's
// loader and HTML renderer and through cmark-gfm's own cmark_render_html, and prints
//   name \0 ok|failed \0 planpack's HTML \0 cmark-gfm's HTML \0
// for each. Front matter (+++ ... +++) is dropped first. On the cmark side raw HTML is
// turned into text (inline) or a code block (block) first, as planpack documents it does.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

#include "load/markdown.hpp"
#include "render/html/blocks.hpp"

namespace {

struct ParserFree {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};

std::string strip_front_matter(const std::string& text) {
    if (text.rfind("+++\n", 0) != 0) return text;
    const size_t end = text.find("\n+++\n", 3);
    return end == std::string::npos ? text : text.substr(end + 5);
}

void raw_html_as_planpack_shows_it(cmark_node* doc) {
    std::vector<cmark_node*> html;
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it);
        const auto type = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK))
            html.push_back(n);
    }
    cmark_iter_free(it);
    for (cmark_node* n : html) {
        const bool block = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
        cmark_node* repl = cmark_node_new(block ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT);
        cmark_node_set_literal(repl, cmark_node_get_literal(n));
        cmark_node_insert_before(n, repl);
        cmark_node_free(n);  // unlinks it
    }
}

std::string cmark_html(const std::string& md) {
    cmark_gfm_core_extensions_ensure_registered();
    const int options = planpack::load::cmark_options();  // planpack's own, smart punctuation too
    std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(options));
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), md.data(), md.size());
    std::unique_ptr<cmark_node, NodeFree> doc(cmark_parser_finish(parser.get()));
    raw_html_as_planpack_shows_it(doc.get());
    char* html = cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    std::string out = html;
    std::free(html);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string md = strip_front_matter(ss.str());
        planpack::Diagnostics diags;
        auto body = planpack::load::parse_markdown(md, argv[i], 1, diags);
        std::string ours;
        if (body)
            ours = planpack::render::html::render_blocks(body->blocks, "plan/page.html") +
                   planpack::render::html::render_footnotes(body->footnotes, "plan/page.html");
        std::cout << argv[i] << '\0' << (body ? "ok" : "failed") << '\0' << ours << '\0' << cmark_html(md) << '\0';
    }
    return 0;
}
