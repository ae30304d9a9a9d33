#pragma once
// Joining each board pack to its board's meeting and seats once data/ is read.
#include "load/project.hpp"

namespace planpack::load {

// Joins each board pack to its board once data/ is read: the meeting its [[document]]
// names (its date, time and venue, for the cover and agenda) and the seat each item's
// `lead` names (printed as the seat's role). Each error points at the reference and
// offers the nearest id; lead and purpose on a document that is not a board pack are
// errors too, since nothing would print them.
void resolve_board_packs(Project& project, Diagnostics& diags);

}  // namespace planpack::load
