#pragma once
// A council committee: who sits on it and when, who supports it, where it meets.
#include <optional>
#include <string>
#include <vector>

#include "data/people.hpp"

namespace planpack::data {

// A reference by id (to a person, a committee, a priority), with where it was written.
struct Ref {
    std::string id;
    SourcePos pos;
};

struct Membership {
    Ref person;
    std::string position;  // "chair", "vice_chair" or empty
    std::string type;      // a co-opted member's type: "Parent Governor Co-opted Member"
    std::optional<model::Date> from, to;  // both inclusive; open when absent
    SourcePos pos;

    bool on(const model::Date& day) const { return !(from && day < *from) && !(to && *to < day); }
};

struct Committee {
    std::string id;  // the data file's name
    std::string name;
    std::string council;
    Ref contact_officer;
    std::string default_venue;
    std::string venue_information;  // access statement printed on every agenda
    std::string web_statement;
    std::vector<Contact> contacts;  // generic: what remains when direct contacts are withheld
    std::vector<Membership> members;   // councillors
    std::vector<Membership> co_opted;  // co-opted members, each with a type
    int year_starts = 5;               // municipal years start in May, at the annual meeting
    SourcePos pos;
};

// Its members on a day, in the order written (the chair need not be first).
std::vector<const Membership*> members_on(const std::vector<Membership>& all, const model::Date& day);
// "2022/2023": the municipal year a day falls in.
std::string municipal_year(const Committee& c, const model::Date& day);

}  // namespace planpack::data
