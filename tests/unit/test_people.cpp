#include <doctest/doctest.h>

#include "load/meeting.hpp"
#include "load/people.hpp"
#include "transform/committee/names.hpp"

namespace unit_people {

using namespace planpack;

namespace {

std::optional<data::People> people(const std::string& text, Diagnostics& d) {
    const load::TomlOrigin origin{"people.toml", 0};
    auto t = load::parse_toml(text, origin, d);
    REQUIRE(t);
    return load::parse_people(*t, origin, d);
}

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.sorted()) out.push_back(format(x));
    return out;
}

}  // namespace

TEST_CASE("people: roles over time, and how each privacy mode names them") {
    Diagnostics d;
    auto p = people(R"(schema = "people/1"
[[person]]
id = "sara"
honorific = "Ms"
given = "Sara"
family = "Lee"
privacy = "public-officer"
  [[person.role]]
  title = "Service Manager"
  to = 2022-03-31
  [[person.role]]
  title = "Head of Adolescent Service"
  from = 2022-04-01
  [[person.contact]]
  kind = "phone"
  value = "01632 960002"
  scope = "direct"
  [[person.contact]]
  kind = "email"
  value = "yjs@example.org"
  scope = "generic"
[[person]]
id = "neighbour"
given = "Nia"
family = "Bloggs"
privacy = "private"
[[person]]
id = "cllr"
honorific = "Councillor"
family = "Mitchell"
initial = "B"
privacy = "elected-member"
)",
                    d);
    REQUIRE(p);
    CHECK(d.all().empty());
    const data::Privacy full{data::NameMode::full, data::ContactMode::all};
    const data::Privacy roles{};
    const data::Person& sara = *p->find("sara");
    CHECK(data::name_and_role(sara, {2022, 1, 10}, full) == "Ms Sara Lee, Service Manager");
    CHECK(data::name_and_role(sara, {2022, 9, 22}, full) == "Ms Sara Lee, Head of Adolescent Service");
    CHECK(data::name_and_role(sara, {2022, 9, 22}, roles) == "Head of Adolescent Service");
    CHECK(data::shown_contacts(sara.contacts, full).size() == 2);
    REQUIRE(data::shown_contacts(sara.contacts, roles).size() == 1);
    CHECK(data::contact_text(data::shown_contacts(sara.contacts, roles)[0]) == "e-mail yjs@example.org");
    // A private person is never named, whatever the mode.
    CHECK(data::name_and_role(*p->find("neighbour"), {2022, 9, 22}, full) == "A member of the public");
    CHECK(data::full_name(*p->find("cllr")) == "Councillor B Mitchell");
    CHECK(data::listed_name(*p->find("cllr")) == "B Mitchell");
    const transform::committee::Names names(*p, full);
    CHECK(names.listed({"cllr", "sara"}) == "Lee and B Mitchell");  // by surname
    CHECK(transform::committee::Names(*p, roles).listed({"cllr"}).empty());
}

TEST_CASE("people errors: a child, an unknown class, a duplicate id, a bad contact") {
    Diagnostics d;
    CHECK_FALSE(people(R"(schema = "people/1"
[[person]]
id = "kid"
family = "Young"
privacy = "child"
[[person]]
id = "kid"
family = "Other"
privacy = "officer"
  [[person.contact]]
  kind = "fax"
  value = "1"
  scope = "personal"
)",
                       d));
    const auto m = messages(d);
    REQUIRE(m.size() == 5);
    CHECK(m[0] == "people.toml:5:11: error: children are never entered in the people registry: papers "
                  "describe them without names");
    CHECK(m[1] == "people.toml:6:1: error: duplicate person id 'kid'");
    CHECK(m[2] == "people.toml:9:11: error: unknown privacy class 'officer' (expected one of: public-officer, "
                  "elected-member, co-optee, partner-staff, private)");
    CHECK(m[3] == "people.toml:11:10: error: contact kind must be \"phone\", \"email\" or \"web\"");
    CHECK(m[4].rfind("people.toml:13:11: error: contact scope must be \"direct\"", 0) == 0);
}

TEST_CASE("an agenda item carries a report or minutes, and needs a title from somewhere") {
    Diagnostics d;
    const load::TomlOrigin origin{"meeting.toml", 0};
    auto t = load::parse_toml(R"(schema = "meeting/1"
[meeting]
id = "m"
committee = "c"
date = 2023-01-12
issued = 2023-01-20
[[item]]
id = "x"
report = "r"
minutes = "m0"
[[item]]
id = "y"
)",
                              origin, d);
    REQUIRE(t);
    CHECK_FALSE(load::parse_meeting(*t, origin, {".", "meetings"}, d));
    const auto m = messages(d);
    REQUIRE(m.size() == 3);
    CHECK(m[0] == "meeting.toml:6:10: error: the agenda is issued after the meeting");
    CHECK(m[1] == "meeting.toml:10:11: error: an item carries a report or minutes, not both");
    CHECK(m[2] == "meeting.toml:11:1: error: the item needs a title (only a report or minutes can give it one)");
}

}  // namespace unit_people
