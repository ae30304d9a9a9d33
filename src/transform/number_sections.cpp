#include <algorithm>
#include <tuple>

#include "transform/transforms.hpp"

namespace planpack::transform {

void number_sections(model::Document& doc) {
    std::stable_sort(doc.sections.begin(), doc.sections.end(),
                     [](const model::Section& a, const model::Section& b) {
                         return std::tie(a.kind, a.order) < std::tie(b.kind, b.order);
                     });
    int sections = 0, appendices = 0;
    for (auto& s : doc.sections)
        s.number = s.kind == model::SectionKind::appendix ? ++appendices : ++sections;
}

}  // namespace planpack::transform
