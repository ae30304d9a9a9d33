#include "load/people.hpp"

#include <set>

#include "load/config.hpp"

namespace planpack::load {

namespace {

data::Role read_role(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[person.role]]");
    data::Role role;
    role.pos = r.pos();
    role.title = r.string("title", true).value_or("");
    role.org = r.string("org", false).value_or("");
    role.from = r.date("from", false);
    role.to = r.date("to", false);
    r.finish();
    if (role.from && role.to && *role.to < *role.from)
        diags.error(r.pos_of("to"), "the role ends before it starts");
    return role;
}

data::Person read_person(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[person]]");
    data::Person p;
    p.pos = r.pos();
    p.id = r.string("id", true).value_or("");
    p.honorific = r.string("honorific", false).value_or("");
    p.given = r.string("given", false).value_or("");
    p.family = r.string("family", true).value_or("");
    p.initial = r.string("initial", false).value_or("");
    if (auto privacy = r.string("privacy", true)) {
        if (auto c = data::parse_privacy_class(*privacy)) p.privacy = *c;
        else if (*privacy == "child")
            diags.error(r.pos_of("privacy"), "children are never entered in the people registry: "
                                             "papers describe them without names");
        else
            diags.error(r.pos_of("privacy"), "unknown privacy class '" + *privacy +
                                                 "' (expected one of: public-officer, elected-member, "
                                                 "co-optee, partner-staff, private)");
    }
    r.each_table("role", false, [&](const toml::table& rt) { p.roles.push_back(read_role(rt, origin, diags)); });
    p.contacts = read_contacts(r, "contact");
    r.finish();
    check_id(p.id, "person", r.pos_of("id"), diags);
    return p;
}

data::Membership read_membership(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags,
                                 bool co_opted) {
    TableReader r(t, origin, diags, co_opted ? "[[co_opted]]" : "[[member]]");
    data::Membership m;
    m.pos = r.pos();
    m.person = read_ref(r, "person", true).value_or(data::Ref{});
    if (co_opted) m.type = r.string("type", true).value_or("");
    else m.position = r.string("position", false).value_or("");
    m.from = r.date("from", false);
    m.to = r.date("to", false);
    r.finish();
    if (!m.position.empty() && m.position != "chair" && m.position != "vice_chair")
        diags.error(r.pos_of("position"), "position must be \"chair\" or \"vice_chair\"");
    if (m.from && m.to && *m.to < *m.from) diags.error(r.pos_of("to"), "the membership ends before it starts");
    return m;
}

}  // namespace

std::optional<data::Ref> read_ref(TableReader& r, std::string_view key, bool required) {
    auto s = r.string(key, required);
    if (!s) return std::nullopt;
    return data::Ref{*s, r.pos_of(key)};
}

std::vector<data::Ref> read_refs(TableReader& r, std::string_view key, bool required) {
    std::vector<data::Ref> out;
    for (auto& [id, pos] : r.strings(key, required)) out.push_back({std::move(id), std::move(pos)});
    return out;
}

std::vector<data::Contact> read_contacts(TableReader& top, std::string_view key) {
    std::vector<data::Contact> out;
    top.each_table(key, false, [&](const toml::table& t) {
        TableReader r(t, top.origin(), top.diags(), "[[" + std::string(key) + "]]");
        data::Contact c;
        c.pos = r.pos();
        const auto kind = r.string("kind", true).value_or("");
        c.value = r.string("value", true).value_or("");
        const auto scope = r.string("scope", true).value_or("");
        r.finish();
        if (kind == "phone") c.kind = data::ContactKind::phone;
        else if (kind == "email") c.kind = data::ContactKind::email;
        else if (kind == "web") c.kind = data::ContactKind::web;
        else if (!kind.empty())
            top.diags().error(r.pos_of("kind"), "contact kind must be \"phone\", \"email\" or \"web\"");
        if (scope == "generic") c.scope = data::ContactScope::generic;
        else if (scope != "direct" && !scope.empty())
            top.diags().error(r.pos_of("scope"), "contact scope must be \"direct\" (a person's own line or "
                                                 "mailbox) or \"generic\" (a service's)");
        out.push_back(std::move(c));
    });
    return out;
}

std::optional<data::People> parse_people(const toml::table& root, const TomlOrigin& origin,
                                         Diagnostics& diags) {
    const size_t mark = diags.all().size();
    data::People people;
    TableReader top(root, origin, diags, origin.file);
    top.allow("schema");
    top.each_table("person", true,
                   [&](const toml::table& t) { people.persons.push_back(read_person(t, origin, diags)); });
    top.finish();
    std::set<std::string> ids;
    for (const auto& p : people.persons)
        if (!p.id.empty() && !ids.insert(p.id).second) diags.error(p.pos, "duplicate person id '" + p.id + "'");
    if (diags.errors_since(mark)) return std::nullopt;
    return people;
}

std::optional<data::Committee> parse_committee(const toml::table& root, const TomlOrigin& origin,
                                               const std::string& name, Diagnostics& diags) {
    const size_t mark = diags.all().size();
    data::Committee c;
    c.id = name;
    TableReader top(root, origin, diags, origin.file);
    top.allow("schema");
    c.pos = top.pos();
    if (const toml::table* t = top.table("committee", true)) {
        TableReader r(*t, origin, diags, "[committee]");
        c.name = r.string("name", true).value_or("");
        c.council = r.string("council", true).value_or("");
        c.contact_officer = read_ref(r, "contact_officer", true).value_or(data::Ref{});
        c.default_venue = r.string("default_venue", true).value_or("");
        c.venue_information = r.string("venue_information", false).value_or("");
        c.web_statement = r.string("web_statement", false).value_or("");
        c.year_starts = static_cast<int>(r.integer("municipal_year_starts", false).value_or(5));
        if (c.year_starts < 1 || c.year_starts > 12)
            diags.error(r.pos_of("municipal_year_starts"), "municipal_year_starts is a month, 1 to 12");
        c.contacts = read_contacts(r, "contact");
        r.finish();
    }
    top.each_table("member", true,
                   [&](const toml::table& t) { c.members.push_back(read_membership(t, origin, diags, false)); });
    top.each_table("co_opted", false,
                   [&](const toml::table& t) { c.co_opted.push_back(read_membership(t, origin, diags, true)); });
    top.finish();
    for (const auto& contact : c.contacts)
        if (contact.scope != data::ContactScope::generic)
            diags.error(contact.pos, "a committee's contacts are the service's own, so their scope is "
                                     "\"generic\"; a named officer's line belongs to them in the people registry");
    if (diags.errors_since(mark)) return std::nullopt;
    return c;
}

}  // namespace planpack::load
