#pragma once
// Meetings as iCalendar (RFC 5545), written through libical: a calendar of every meeting,
// one per committee to subscribe to, and one per meeting for "Add to calendar". Times are
// Europe/London wall-clock times with the zone's VTIMEZONE; UIDs come from the committee
// and meeting ids, so a client that imported a meeting updates it, never duplicates it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "load/config.hpp"
#include "model/civic.hpp"
#include "output/output_tree.hpp"

namespace planpack::render::ical {

// published: each meeting's publication date from the publication record, by meeting id;
// a meeting not recorded yet is stamped by source_date_epoch when set, else by its agenda's
// issue date (what publishing will record). A cancellation stamps the day it was made.
output::OutputTree render_calendars(const load::Config& config, const model::Civic& civic,
                                    const std::map<std::string, model::Date>& published,
                                    std::optional<std::int64_t> source_date_epoch, Diagnostics& diags);

// The UID of a meeting's event: "MEETING.COMMITTEE@AUTHORITY".
std::string uid(const load::Config& config, const model::CivicMeeting& m);

}  // namespace planpack::render::ical
