#include "data/minutes.hpp"

namespace planpack::data {

std::optional<ResolutionKind> parse_resolution_kind(std::string_view s) {
    if (s == "agreed") return ResolutionKind::agreed;
    if (s == "noted") return ResolutionKind::noted;
    if (s == "deferred") return ResolutionKind::deferred;
    return std::nullopt;
}

std::optional<TrackerStatus> parse_tracker_status(std::string_view s) {
    if (s == "in_progress") return TrackerStatus::in_progress;
    if (s == "complete") return TrackerStatus::complete;
    if (s == "withdrawn") return TrackerStatus::withdrawn;
    return std::nullopt;
}

const char* label(TrackerStatus s) {
    switch (s) {
        case TrackerStatus::not_yet_due: return "Not yet due";
        case TrackerStatus::in_progress: return "In progress";
        case TrackerStatus::overdue: return "Overdue";
        case TrackerStatus::complete: return "Complete";
        case TrackerStatus::withdrawn: return "Withdrawn";
    }
    return "";
}

const char* key(TrackerStatus s) {
    switch (s) {
        case TrackerStatus::not_yet_due: return "not_yet_due";
        case TrackerStatus::in_progress: return "in_progress";
        case TrackerStatus::overdue: return "overdue";
        case TrackerStatus::complete: return "complete";
        case TrackerStatus::withdrawn: return "withdrawn";
    }
    return "";
}

}  // namespace planpack::data
