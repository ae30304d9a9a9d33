#pragma once
// Generic traversal of the model, so each pass states only what it changes.
#include <type_traits>
#include <variant>

#include "model/document.hpp"

namespace planpack::transform {

// Calls f on every block, depth first, parents before children.
template <typename F>
void for_each_block(model::Blocks& blocks, F&& f) {
    for (model::Block& b : blocks) {
        f(b);
        std::visit(
            [&](auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, model::BlockQuote> || std::is_same_v<T, model::Numbered>)
                    for_each_block(v.content, f);
                else if constexpr (std::is_same_v<T, model::List>)
                    for (auto& item : v.items) for_each_block(item.content, f);
            },
            b.value);
    }
}

template <typename F>
void for_each_inline(model::Inlines& inlines, F&& f) {
    for (model::Inline& in : inlines) {
        f(in);
        std::visit(
            [&](auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, model::Emph> || std::is_same_v<T, model::Strong> ||
                              std::is_same_v<T, model::Strikethrough> ||
                              std::is_same_v<T, model::Link>)
                    for_each_inline(v.content, f);
            },
            in.value);
    }
}

template <typename F>
void for_each_table_inline(model::Table& t, F&& f) {
    for_each_inline(t.caption, f);
    for (auto* rows : {&t.head, &t.body, &t.foot})
        for (auto& row : *rows)
            for (auto& cell : row.cells) for_each_inline(cell.content, f);
    for (auto& note : t.notes) for_each_inline(note, f);
}

// Every inline of every block in a section, footnotes included.
template <typename F>
void for_each_inline(model::Section& s, F&& f) {
    auto visit_blocks = [&](model::Blocks& blocks) {
        for_each_block(blocks, [&](model::Block& b) {
            std::visit(
                [&](auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, model::Paragraph> ||
                                  std::is_same_v<T, model::Heading>)
                        for_each_inline(v.content, f);
                    else if constexpr (std::is_same_v<T, model::Figure>)
                        for_each_inline(v.caption, f);
                    else if constexpr (std::is_same_v<T, model::Table>) for_each_table_inline(v, f);
                    else if constexpr (std::is_same_v<T, model::Chart>) for_each_table_inline(v.data, f);
                },
                b.value);
        });
    };
    visit_blocks(s.blocks);
    for (auto& fn : s.footnotes) visit_blocks(fn.content);
}

}  // namespace planpack::transform
