#pragma once
// People as committee papers print them, in the build's privacy mode: one place decides
// whether a name or only a role appears, so no paper can print a name the mode withholds.
#include <string>
#include <string_view>
#include <vector>

#include "data/committee.hpp"

namespace planpack::transform::committee {

class Names {
public:
    Names(const data::People& people, const data::Privacy& privacy) : people_(people), privacy_(privacy) {}

    // Whether committee members are named (full and members-only modes), so lists of them
    // print names rather than a count.
    bool names_members() const { return privacy_.names != data::NameMode::roles_only; }
    const data::Privacy& privacy() const { return privacy_; }
    const data::Person* find(const std::string& id) const { return people_.find(id); }
    bool named(const std::string& id) const {
        const data::Person* p = find(id);
        return p && data::may_name(*p, privacy_);
    }

    // "Ms Sara McCartan, Head of Adolescent Service", or the role alone. capacity, when
    // given, is the role they act in (as minutes record it).
    std::string with_role(const std::string& id, const model::Date& day, std::string_view capacity = "") const;
    // "Councillor Jim Hobson", or role (the person's role that day when role is empty).
    std::string name_or_role(const std::string& id, const model::Date& day, std::string_view role = "") const;
    // "Burdess, D Coleman and Stansfield" (by surname) when members are named; else empty.
    std::string listed(const std::vector<std::string>& ids) const;
    // The contacts of a person the mode allows, then the fallback (generic) ones.
    std::vector<data::Contact> contacts(const std::string& id, const std::vector<data::Contact>& generic) const;

private:
    const data::People& people_;
    const data::Privacy& privacy_;
};

// "one", "two" ... "twenty", then figures.
std::string count_words(size_t n);
// "a, b and c"
std::string join_and(const std::vector<std::string>& parts);

}  // namespace planpack::transform::committee
