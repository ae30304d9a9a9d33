// GFM tables have no caption syntax; planpack takes Pandoc's: a paragraph that starts
// with "Table: " directly before or after the table. An uncaptioned table is an error,
// because a caption is how a screen-reader user knows what a table is before entering it.
#include <algorithm>

#include "model/inline_text.hpp"
#include "transform/transforms.hpp"
#include "model/walk.hpp"

namespace planpack::transform {

namespace {

// The caption's inlines when b is a "Table: ..." paragraph.
std::optional<model::Inlines> caption_of(const model::Block& b) {
    const auto* p = std::get_if<model::Paragraph>(&b.value);
    if (!p || p->content.empty()) return std::nullopt;
    const auto* first = std::get_if<model::Text>(&p->content.front().value);
    if (!first || first->text.rfind("Table: ", 0) != 0) return std::nullopt;
    model::Inlines caption = p->content;
    std::get<model::Text>(caption.front().value).text.erase(0, 7);
    return caption;
}

// "Table: ..." typed on the line straight after the last row, with no blank line between:
// GFM reads it as one more row, its words in the first cell and the others empty. That
// is a caption, not data, so it is taken back out of the table.
std::optional<model::Inlines> caption_row(model::Table& t) {
    if (t.body.empty()) return std::nullopt;
    const auto& cells = t.body.back().cells;
    if (cells.empty() || std::any_of(cells.begin() + 1, cells.end(), [](const auto& c) { return !c.content.empty(); }))
        return std::nullopt;
    auto caption = caption_of(model::Block{model::Paragraph{cells.front().content, t.pos}});
    if (caption) t.body.pop_back();
    return caption;
}

void attach(model::Blocks& blocks, Diagnostics& diags) {
    for (size_t i = 0; i < blocks.size(); ++i) {
        auto* t = model::get_alternative<model::Table>(&blocks[i].value);
        if (!t || !t->caption.empty()) continue;
        if (auto caption = caption_row(*t)) {
            t->caption = std::move(*caption);
            continue;
        }
        std::optional<size_t> from;
        for (size_t j : {i + 1, i - 1}) {  // after first (Pandoc's place), then before
            if (j >= blocks.size()) continue;
            if (auto caption = caption_of(blocks[j])) {
                t->caption = std::move(*caption);
                from = j;
                break;
            }
        }
        if (!from) {
            diags.error(t->pos, "this table has no caption: add a paragraph 'Table: what the "
                                "table shows' directly after it");
            continue;
        }
        // Erasing moves the blocks after it, so t is not used past this point.
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(*from));
        if (*from < i) --i;
    }
}

}  // namespace

void attach_table_captions(model::Document& doc, Diagnostics& diags) {
    for (auto& section : doc.sections) {
        attach(section.blocks, diags);
        for_each_block(section.blocks, [&](model::Block& b) {
            if (auto* q = std::get_if<model::BlockQuote>(&b.value)) attach(q->content, diags);
            else if (auto* l = std::get_if<model::List>(&b.value))
                for (auto& item : l->items) attach(item.content, diags);
        });
    }
}

}  // namespace planpack::transform
