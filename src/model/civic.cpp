#include "model/civic.hpp"

namespace planpack::model {

const char* key(Attendance a) {
    switch (a) {
        case Attendance::present: return "present";
        case Attendance::apologies: return "apologies";
        case Attendance::absent: return "absent";
        case Attendance::substitute: return "substitute";
    }
    return "";
}

const CivicCommittee* Civic::committee(const std::string& id) const {
    for (const auto& c : committees)
        if (c.id == id) return &c;
    return nullptr;
}

const CivicPerson* Civic::person(const std::string& id) const {
    for (const auto& p : people)
        if (p.id == id) return &p;
    return nullptr;
}

// ModernGov's summary: expected, present, apologies; planpack adds those absent without
// apologies and the substitutions, both ways.
void count(const CivicAttendance& a, AttendanceTally& t) {
    if (a.status == Attendance::substitute) {
        ++t.as_substitute;
        return;
    }
    if (!a.expected) return;
    ++t.expected;
    if (a.status == Attendance::present) ++t.present;
    if (a.status == Attendance::apologies) ++t.apologies;
    if (a.status == Attendance::absent) ++t.absent;
    if (!a.substitute.empty()) ++t.substituted;
}

}  // namespace planpack::model
