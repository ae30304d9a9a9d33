#include "data/action_plan.hpp"

namespace planpack::data {

namespace {

struct StatusName {
    Status status;
    const char* key;
    const char* label;
};
constexpr StatusName status_names[] = {
    {Status::not_started, "not_started", "Not started"}, {Status::planned, "planned", "Planned"},
    {Status::in_progress, "in_progress", "In progress"}, {Status::ongoing, "ongoing", "Ongoing"},
    {Status::complete, "complete", "Complete"},          {Status::deferred, "deferred", "Deferred"}};

struct RagName {
    Rag rag;
    const char* key;
    const char* label;
};
constexpr RagName rag_names[] = {{Rag::red, "red", "Red"},
                                 {Rag::amber, "amber", "Amber"},
                                 {Rag::green, "green", "Green"},
                                 {Rag::blue, "blue", "Blue"}};

}  // namespace

std::optional<Status> parse_status(std::string_view s) {
    for (const auto& n : status_names)
        if (s == n.key) return n.status;
    return std::nullopt;
}

std::optional<Rag> parse_rag(std::string_view s) {
    for (const auto& n : rag_names)
        if (s == n.key) return n.rag;
    return std::nullopt;
}

const char* key(Status s) { return status_names[static_cast<size_t>(s)].key; }
const char* label(Status s) { return status_names[static_cast<size_t>(s)].label; }
const char* key(Rag r) { return rag_names[static_cast<size_t>(r)].key; }
const char* label(Rag r) { return rag_names[static_cast<size_t>(r)].label; }

}  // namespace planpack::data
