#pragma once
// One file per directive kind; each reads its parameters from the directive's TOML body
// through a strict TableReader (unknown keys are reported after it returns) and returns
// the model blocks it stands for.
#include <optional>

#include "data/action_plan.hpp"
#include "load/project.hpp"
#include "load/toml_reader.hpp"
#include "model/document.hpp"
#include "transform/context.hpp"
#include "transform/directives.hpp"

namespace planpack::transform::directives {

struct Input {
    load::TableReader& params;
    const model::Directive& directive;
    const model::Document& document;
    const load::DataSet& data;
    const Context& context;
    Diagnostics& diags;
    StatisticsWriter* statistics;  // records figures for suppression; null without indicators
    model::Statistics& statistics_out;  // the document's figures, for directives of their own
    std::vector<model::Workbook>& workbooks;  // spreadsheets the document publishes
};

using Handler = std::optional<model::Blocks> (*)(Input&);

std::optional<model::Blocks> table(Input& in);
std::optional<model::Blocks> action_plan(Input& in);
// The action plan as a spreadsheet: a live summary, every action, every milestone.
model::Workbook action_plan_workbook(const data::ActionPlan& plan, const model::Date& as_of);

// Adds sheets to the document's workbook of that name, creating it; a sheet of a name the
// workbook already has is left as it is (a directive used twice publishes once).
void publish_sheets(Input& in, model::Workbook workbook);
std::optional<model::Blocks> action_summary(Input& in);
std::optional<model::Blocks> action_changes(Input& in);
std::optional<model::Blocks> previous_progress(Input& in);
std::optional<model::Blocks> attendance_grid(Input& in);
std::optional<model::Blocks> budget(Input& in);
std::optional<model::Blocks> recommendations_tracker(Input& in);
// These two read the directive's body themselves; Input::params is not used.
std::optional<model::Blocks> indicator_table(Input& in);
std::optional<model::Blocks> chart(Input& in);

}  // namespace planpack::transform::directives
