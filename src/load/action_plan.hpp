#pragma once
// Loading an action plan (schema "action-plan/1") and checking it against the plan it follows.
#include <optional>

#include "data/action_plan.hpp"
#include "diag/diagnostic.hpp"
#include "load/toml_reader.hpp"

namespace planpack::load {

// Reads a data file whose schema is "action-plan/1". Every fault is reported with the
// position of the key or value at fault; nullopt when any error was found.
std::optional<data::ActionPlan> parse_action_plan(const toml::table& root, const TomlOrigin& origin,
                                                  const std::string& name, Diagnostics& diags);

// Checks a plan against the one it follows: carried_from must name an action there, and
// carrying forward an action that was complete needs a carried_comment.
void check_against_previous(const data::ActionPlan& plan, const data::ActionPlan& previous,
                            Diagnostics& diags);

}  // namespace planpack::load
