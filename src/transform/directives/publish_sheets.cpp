#include <algorithm>

#include "transform/directives/directive.hpp"

namespace planpack::transform::directives {

void publish_sheets(Input& in, model::Workbook workbook) {
    auto it = std::find_if(in.workbooks.begin(), in.workbooks.end(),
                           [&](const model::Workbook& w) { return w.name == workbook.name; });
    if (it == in.workbooks.end()) {
        in.workbooks.push_back(std::move(workbook));
        return;
    }
    for (auto& sheet : workbook.sheets)
        if (std::none_of(it->sheets.begin(), it->sheets.end(),
                         [&](const auto& s) { return s.first == sheet.first; }))
            it->sheets.push_back(std::move(sheet));
}

}  // namespace planpack::transform::directives
