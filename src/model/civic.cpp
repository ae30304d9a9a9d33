#include "model/civic.hpp"

#include "model/find_by.hpp"

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
    return find_by(committees, &CivicCommittee::id, id);
}

const CivicPerson* Civic::person(const std::string& id) const { return find_by(people, &CivicPerson::id, id); }

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
