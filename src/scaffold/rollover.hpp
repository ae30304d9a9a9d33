#pragma once
// `planpack rollover PLAN --to 2024-25`: next year's plan from this year's. A new document
// (a draft) with the sections copied into content/<new-id>/, year-named data files copied
// under next year's names, the action plan carried forward (open actions only, each with
// carried_from, updates cleared), and a warning for every place in prose that still names
// an old year, since only a person can rewrite those sentences.
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "load/project.hpp"
#include "scaffold/files.hpp"

namespace planpack::scaffold {

struct Rollover {
    std::string new_id;
    Changes changes;
    int carried = 0, left = 0;  // actions carried forward, and closed ones left behind
};

// Warnings (old years in prose, data copied unchanged) go to diags, errors too.
std::optional<Rollover> rollover(const std::filesystem::path& root, const load::Project& project,
                                 const std::string& plan_id, const std::string& to, Diagnostics& diags);

// Every financial year written as 2023/24, 2023-24 or 2023/2024 moved on by `years`.
std::string move_years(const std::string& text, int years);

}  // namespace planpack::scaffold
