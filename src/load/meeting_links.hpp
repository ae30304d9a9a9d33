#pragma once
// Checking the references committee papers make to each other once all are read.
#include "load/project.hpp"

namespace planpack::load {

// Checks what committee papers say about each other once all are read: every person,
// committee, meeting, report, agenda item, priority and document they name exists; each
// report is on its meeting's agenda; no agenda item is minuted twice; ids that share a
// page folder or the tracker are unique. Each error points at the reference.
void check_meeting_links(const Project& project, Diagnostics& diags);

}  // namespace planpack::load
