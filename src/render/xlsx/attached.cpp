#include "render/xlsx/attached.hpp"

#include "model/inline_text.hpp"
#include "model/paths.hpp"
#include "render/xlsx/workbook.hpp"

namespace planpack::render::xlsx {

namespace {

// Blocks as sheet items: tables and charts as themselves, prose as lines of text.
void add_items(const model::Blocks& blocks, std::vector<Item>& items) {
    for (const model::Block& b : blocks) {
        std::visit(
            [&](const auto& boxed) {
                const auto& v = model::unbox(boxed);
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, model::Table>) items.push_back(&v);
                else if constexpr (std::is_same_v<T, model::Chart>) items.push_back(&v);
                else if constexpr (std::is_same_v<T, model::Heading>)
                    items.push_back(Text{model::plain_text(v.content), true});
                else if constexpr (std::is_same_v<T, model::Paragraph>)
                    items.push_back(Text{model::plain_text(v.content), items.empty()});
                else if constexpr (std::is_same_v<T, model::List>)
                    for (const auto& item : v.items) add_items(item.content, items);
            },
            b.value);
    }
}

}  // namespace

output::OutputTree render_attached_workbooks(const load::Config& config,
                                             const std::vector<model::Document>& documents,
                                             const load::CellStyles& cells, Diagnostics& diags) {
    output::OutputTree tree;
    for (const model::Document& doc : documents)
        for (const model::Workbook& w : doc.workbooks) {
            WorkbookSpec spec;
            spec.file = model::workbook_path(doc, w.name);
            spec.title = w.title;
            spec.subject = w.subject;
            spec.author = config.service_name;
            spec.company = config.local_authority;
            spec.created = doc.published;
            spec.cells = &cells;
            for (const auto& [name, blocks] : w.sheets) {
                Sheet sheet{name, {}, false};
                add_items(blocks, sheet.items);
                sheet.freeze_header = sheet.items.size() == 1 &&
                                      std::holds_alternative<const model::Table*>(sheet.items.front());
                spec.sheets.push_back(std::move(sheet));
            }
            if (auto bytes = write_workbook(spec, diags)) tree[spec.file] = std::move(*bytes);
        }
    return tree;
}

}  // namespace planpack::render::xlsx
