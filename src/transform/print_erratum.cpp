#include "transform/print_erratum.hpp"

#include "model/builders.hpp"

namespace planpack::transform {

void print_erratum(model::Document& doc) {
    if (doc.corrections.empty() || doc.sections.empty()) return;
    model::Blocks notes;
    for (const auto& c : doc.corrections) {
        model::Inlines line{model::strong(model::erratum_heading(c))};
        line.push_back(model::Inline{model::Text{" " + model::erratum_text(doc, c)}});
        notes.push_back(model::paragraph(std::move(line)));
    }
    auto& blocks = doc.sections.front().blocks;
    blocks.insert(blocks.begin(), model::Block{model::BlockQuote{std::move(notes)}});
}

}  // namespace planpack::transform
