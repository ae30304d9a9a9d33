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
    int item = 0;         // the number of the last numbered section
    char enclosure = 'a';  // the letter the next paper bound in after it takes
    for (auto& s : doc.sections) {
        if (s.enclosure) {
            // Papers bound in after an item: "2(a)", "2(b)", as councils letter them.
            s.number = 0;
            s.label = std::to_string(item) + "(" + enclosure++ + ")";
            continue;
        }
        s.number = s.kind == model::SectionKind::appendix ? ++appendices : ++sections;
        item = s.number;
        enclosure = 'a';
    }
}

}  // namespace planpack::transform
