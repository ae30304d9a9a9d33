#pragma once
// Small builders for hand-made documents, so transform and renderer tests read like the
// documents they describe.
#include "model/document.hpp"

namespace planpack::testing {

inline model::Inlines text(std::string s) { return {model::Inline{model::Text{std::move(s)}}}; }

inline model::Block para(model::Inlines content) { return {model::Paragraph{std::move(content), {}}}; }
inline model::Block para(std::string s) { return para(text(std::move(s))); }

inline model::Block heading(int level, std::string s, int line = 1) {
    return {model::Heading{level, text(std::move(s)), "", {"c.md", line, 1}}};
}

inline model::Inline xref(std::string target, std::string content = "", int line = 1) {
    model::Link l;
    l.url = "xref:" + target;
    if (!content.empty()) l.content = text(std::move(content));
    l.pos = {"c.md", line, 1};
    return {std::move(l)};
}

inline model::Section section(std::string id, model::SectionKind kind, int order,
                              model::Blocks blocks = {}) {
    model::Section s;
    s.id = id;
    s.kind = kind;
    s.order = order;
    s.title = "Title of " + id;
    s.blocks = std::move(blocks);
    s.source = {"content/" + id + ".md", 1, 1};
    return s;
}

}  // namespace planpack::testing
