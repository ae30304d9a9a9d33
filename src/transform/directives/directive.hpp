#pragma once
// One file per directive kind; each reads its parameters from the directive's TOML body
// through a strict TableReader (unknown keys are reported after it returns) and returns
// the model blocks it stands for.
#include <optional>

#include "load/project.hpp"
#include "load/toml_reader.hpp"
#include "model/document.hpp"
#include "transform/context.hpp"

namespace planpack::transform::directives {

struct Input {
    load::TableReader& params;
    const model::Directive& directive;
    const model::Document& document;
    const load::DataSet& data;
    const Context& context;
    Diagnostics& diags;
};

using Handler = std::optional<model::Blocks> (*)(Input&);

std::optional<model::Blocks> table(Input& in);
std::optional<model::Blocks> action_plan(Input& in);
std::optional<model::Blocks> action_summary(Input& in);
std::optional<model::Blocks> action_changes(Input& in);
std::optional<model::Blocks> previous_progress(Input& in);
std::optional<model::Blocks> attendance_grid(Input& in);
std::optional<model::Blocks> budget(Input& in);
std::optional<model::Blocks> recommendations_tracker(Input& in);

}  // namespace planpack::transform::directives
