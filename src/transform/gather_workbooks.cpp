// A board pack is read as one bundle: its spreadsheets become one workbook named after
// the pack, its sheets in the order the items published them.
#include "transform/transforms.hpp"

namespace planpack::transform {

void gather_workbooks(model::Document& doc) {
    if (doc.kind != model::DocumentKind::board_pack || doc.workbooks.empty()) return;
    model::Workbook pack;
    pack.name = doc.id;
    pack.title = doc.title;
    pack.subject = "Board papers: the figures";
    for (auto& w : doc.workbooks)
        for (auto& sheet : w.sheets) pack.sheets.push_back(std::move(sheet));
    doc.workbooks = {std::move(pack)};
}

}  // namespace planpack::transform
