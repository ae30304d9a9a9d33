#pragma once
// The one traversal of the model, so each pass and each reader states only what it looks
// at. Every function takes the model const or not: a transform changes what it visits, a
// loader or renderer only reads it. Nothing else walks blocks and inlines by hand.
#include <type_traits>
#include <variant>

#include "model/document.hpp"

namespace planpack::model {

namespace walk_detail {
template <typename T, typename U>
constexpr bool is = std::is_same_v<std::remove_const_t<T>, U>;
}  // namespace walk_detail

// Calls f on every block, depth first, parents before children: list items, quotes and
// numbered paragraphs are entered.
template <typename Bs, typename F>
    requires walk_detail::is<Bs, Blocks>
void for_each_block(Bs& blocks, F&& f) {
    for (auto& b : blocks) {
        f(b);
        std::visit(
            [&](auto& boxed) {
                auto& v = unbox(boxed);
                using T = std::remove_reference_t<decltype(v)>;
                if constexpr (walk_detail::is<T, BlockQuote> || walk_detail::is<T, Numbered>)
                    for_each_block(v.content, f);
                else if constexpr (walk_detail::is<T, List>)
                    for (auto& item : v.items) for_each_block(item.content, f);
            },
            b.value);
    }
}

// Calls f on every inline, depth first: emphasis and link text are entered.
template <typename Is, typename F>
    requires walk_detail::is<Is, Inlines>
void for_each_inline(Is& inlines, F&& f) {
    for (auto& in : inlines) {
        f(in);
        std::visit(
            [&](auto& boxed) {
                auto& v = unbox(boxed);
                using T = std::remove_reference_t<decltype(v)>;
                if constexpr (walk_detail::is<T, Emph> || walk_detail::is<T, Strong> ||
                              walk_detail::is<T, Strikethrough> || walk_detail::is<T, Link>)
                    for_each_inline(v.content, f);
            },
            in.value);
    }
}

// A table's caption, every cell and its notes.
template <typename Tb, typename F>
    requires walk_detail::is<Tb, Table>
void for_each_table_inline(Tb& t, F&& f) {
    for_each_inline(t.caption, f);
    for (auto* rows : {&t.head, &t.body, &t.foot})
        for (auto& row : *rows)
            for (auto& cell : row.cells) for_each_inline(cell.content, f);
    for (auto& note : t.notes) for_each_inline(note, f);
}

// Every inline of the blocks, at any depth: paragraphs, headings, figure captions, table
// cells, a chart's figures.
template <typename Bs, typename F>
    requires walk_detail::is<Bs, Blocks>
void for_each_inline_in(Bs& blocks, F&& f) {
    for_each_block(blocks, [&](auto& b) {
        std::visit(
            [&](auto& boxed) {
                auto& v = unbox(boxed);
                using T = std::remove_reference_t<decltype(v)>;
                if constexpr (walk_detail::is<T, Paragraph> || walk_detail::is<T, Heading>)
                    for_each_inline(v.content, f);
                else if constexpr (walk_detail::is<T, Figure>)
                    for_each_inline(v.caption, f);
                else if constexpr (walk_detail::is<T, Table>)
                    for_each_table_inline(v, f);
                else if constexpr (walk_detail::is<T, Chart>)
                    for_each_table_inline(v.data, f);
            },
            b.value);
    });
}

// Every inline of every block in a section, footnotes included.
template <typename S, typename F>
    requires walk_detail::is<S, Section>
void for_each_inline(S& s, F&& f) {
    for_each_inline_in(s.blocks, f);
    for (auto& fn : s.footnotes) for_each_inline_in(fn.content, f);
}

// Every image a section shows, wherever it stands: a figure, inside a sentence, in a
// footnote, a table cell or a list item.
template <typename S, typename F>
    requires walk_detail::is<S, Section>
void for_each_image(S& s, F&& f) {
    auto blocks = [&](auto& bs) {
        for_each_block(bs, [&](auto& b) {
            if (auto* fig = model::get_alternative<model::Figure>(&b.value)) f(fig->image);
        });
    };
    blocks(s.blocks);
    for (auto& fn : s.footnotes) blocks(fn.content);
    for_each_inline(s, [&](auto& in) {
        if (auto* img = get_alternative<Image>(&in.value)) f(*img);
    });
}

}  // namespace planpack::model
