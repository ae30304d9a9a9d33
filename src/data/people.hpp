#pragma once
// The people committee papers name, in one registry, so a name and a title print the same
// way in every paper ("Vicky Gent" and "Victoria Gent" were one person). Each person has
// roles over time, public contacts, and a privacy class that limits how output may name
// them; planpack.toml's [privacy] chooses the output mode for the whole build.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace planpack::data {

// private_individual: a member of the public; never named in any output, whatever the mode.
enum class PrivacyClass { public_officer, elected_member, co_optee, partner_staff, private_individual };
std::optional<PrivacyClass> parse_privacy_class(std::string_view s);

struct Role {
    std::string title;  // "Head of Adolescent Service"
    std::string org;    // "Blackpool Council"; optional
    std::optional<model::Date> from, to;  // both ends inclusive; open when absent
    SourcePos pos;
};

enum class ContactKind { phone, email, web };
// direct: a named person's own line or mailbox, which is personal data; generic: a
// service's shared mailbox, switchboard or web page.
enum class ContactScope { direct, generic };

struct Contact {
    ContactKind kind = ContactKind::phone;
    std::string value;
    ContactScope scope = ContactScope::direct;
    SourcePos pos;
};

struct Person {
    std::string id;
    std::string honorific;  // "Ms", "Councillor"
    std::string given;      // optional: agendas often know a councillor by surname only
    std::string family;
    std::string initial;    // optional: tells two councillors Mitchell apart ("B Mitchell")
    PrivacyClass privacy = PrivacyClass::public_officer;
    std::vector<Role> roles;
    std::vector<Contact> contacts;
    SourcePos pos;
};

struct People {
    std::vector<Person> persons;
    const Person* find(std::string_view id) const;
};

// The output modes: everyone by name and title; councillors and co-opted members by name
// (their attendance and votes are a public record) and officers by role, as committee
// papers and minutes are published; or everyone by role only. Every contact, or only
// generic service contacts. Roles-only and generic-only are the defaults: a council names
// people in public output because it chose to.
enum class NameMode { full, members_only, roles_only };
enum class ContactMode { all, generic_only };
struct Privacy {
    NameMode names = NameMode::roles_only;
    ContactMode contacts = ContactMode::generic_only;
};

// The role held on a day (the one that started last, if several); nullptr if none.
const Role* role_at(const Person& p, const model::Date& day);
bool may_name(const Person& p, const Privacy& privacy);

std::string full_name(const Person& p);    // "Ms Sara McCartan", "Councillor B Mitchell"
std::string listed_name(const Person& p);  // "B Mitchell": as agendas list councillors

// "Ms Sara McCartan, Head of Adolescent Service", or in roles-only mode "Head of Adolescent
// Service". role stands in when the person holds no role that day (a committee seat).
std::string name_and_role(const Person& p, const model::Date& day, const Privacy& privacy,
                          std::string_view role = "");

// The contacts the mode lets output print, in the order written.
std::vector<Contact> shown_contacts(const std::vector<Contact>& contacts, const Privacy& privacy);
// "Tel: 01253 477229", "e-mail x@y", "www.blackpool.gov.uk"
std::string contact_text(const Contact& c);

}  // namespace planpack::data
