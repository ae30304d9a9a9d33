#include "data/people.hpp"

#include <algorithm>

namespace planpack::data {

std::optional<PrivacyClass> parse_privacy_class(std::string_view s) {
    if (s == "public-officer") return PrivacyClass::public_officer;
    if (s == "elected-member") return PrivacyClass::elected_member;
    if (s == "co-optee") return PrivacyClass::co_optee;
    if (s == "partner-staff") return PrivacyClass::partner_staff;
    if (s == "private") return PrivacyClass::private_individual;
    return std::nullopt;
}

const Person* People::find(std::string_view id) const {
    auto it = std::find_if(persons.begin(), persons.end(), [&](const Person& p) { return p.id == id; });
    return it == persons.end() ? nullptr : &*it;
}

const Role* role_at(const Person& p, const model::Date& day) {
    const Role* best = nullptr;
    for (const Role& r : p.roles) {
        if ((r.from && day < *r.from) || (r.to && *r.to < day)) continue;
        if (!best || (r.from && (!best->from || *best->from < *r.from))) best = &r;
    }
    return best;
}

bool may_name(const Person& p, const Privacy& privacy) {
    switch (privacy.names) {
        case NameMode::full: return p.privacy != PrivacyClass::private_individual;
        case NameMode::members_only:
            return p.privacy == PrivacyClass::elected_member || p.privacy == PrivacyClass::co_optee;
        case NameMode::roles_only: return false;
    }
    return false;
}

std::string full_name(const Person& p) {
    std::string out = p.honorific;
    for (const std::string* part : {p.given.empty() ? &p.initial : &p.given, &p.family})
        if (!part->empty()) out += (out.empty() ? "" : " ") + *part;
    return out;
}

std::string listed_name(const Person& p) {
    return p.initial.empty() ? p.family : p.initial + " " + p.family;
}

std::string name_and_role(const Person& p, const model::Date& day, const Privacy& privacy,
                          std::string_view role) {
    std::string title(role);
    if (const Role* r = role_at(p, day)) title = r->title;
    if (!may_name(p, privacy)) return title.empty() ? "A member of the public" : title;
    return title.empty() ? full_name(p) : full_name(p) + ", " + title;
}

std::vector<Contact> shown_contacts(const std::vector<Contact>& contacts, const Privacy& privacy) {
    std::vector<Contact> out;
    for (const Contact& c : contacts)
        if (privacy.contacts == ContactMode::all || c.scope == ContactScope::generic) out.push_back(c);
    return out;
}

std::string contact_text(const Contact& c) {
    switch (c.kind) {
        case ContactKind::phone: return "Tel: " + c.value;
        case ContactKind::email: return "e-mail " + c.value;
        case ContactKind::web: return c.value;
    }
    return c.value;
}

}  // namespace planpack::data
