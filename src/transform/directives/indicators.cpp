// The indicator directives read their own parameters (transform/indicator_selection.cpp);
// these adapters fit them to the directive table.
#include "transform/directives/directive.hpp"

namespace planpack::transform::directives {

std::optional<model::Blocks> indicator_table(Input& in) {
    auto block = indicator_table_directive(in.directive, in.data, in.statistics, in.diags,
                                           in.context.as_of_for(in.document));
    if (!block) return std::nullopt;
    return model::Blocks{std::move(*block)};
}

std::optional<model::Blocks> chart(Input& in) {
    auto block = chart_directive(in.directive, in.data, in.statistics, in.diags, in.context.as_of_for(in.document));
    if (!block) return std::nullopt;
    return model::Blocks{std::move(*block)};
}

}  // namespace planpack::transform::directives
