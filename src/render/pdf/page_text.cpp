#include "render/pdf/page_text.hpp"

#include <cmath>

namespace planpack::render::pdf {

namespace {

// Text items in the order laid out; a new baseline starts a new line, and a gap wider
// than a fifth of the type size between items on one line is a space.
void append_lines(const std::vector<Item>& items, std::vector<std::string>& lines) {
    const TextItem* last = nullptr;
    for (const auto& item : items) {
        const auto* t = std::get_if<TextItem>(&item.value);
        if (!t || t->text.empty()) continue;
        if (!last || std::fabs(t->baseline - last->baseline) > 0.5f || t->x < last->x) lines.emplace_back();
        else if (t->x - (last->x + last->width) > t->size / 5) lines.back() += ' ';
        lines.back() += t->text;
        last = t;
    }
}

}  // namespace

std::vector<std::vector<std::string>> page_text(const LaidOutDocument& doc) {
    std::vector<std::vector<std::string>> out;
    out.reserve(doc.pages.size());
    for (const auto& page : doc.pages) {
        std::vector<std::string> lines;
        append_lines(page.items, lines);
        append_lines(page.furniture, lines);
        out.push_back(std::move(lines));
    }
    return out;
}

}  // namespace planpack::render::pdf
