#pragma once
// Loading people ("people/1") and committees ("committee/1"), with the contact and
// reference readers they share.
#include <optional>

#include "data/committee.hpp"
#include "load/toml_reader.hpp"

namespace planpack::load {

// A data file whose schema is "people/1": [[person]] with [[person.role]] and
// [[person.contact]].
std::optional<data::People> parse_people(const toml::table& root, const TomlOrigin& origin,
                                         Diagnostics& diags);

// A data file whose schema is "committee/1"; name is the data file's name, its id.
std::optional<data::Committee> parse_committee(const toml::table& root, const TomlOrigin& origin,
                                               const std::string& name, Diagnostics& diags);

// [[KEY]] tables of kind, value and scope; shared by people and committees.
std::vector<data::Contact> read_contacts(TableReader& r, std::string_view key);
// An optional string holding a registry id, with where it was written.
std::optional<data::Ref> read_ref(TableReader& r, std::string_view key, bool required);
std::vector<data::Ref> read_refs(TableReader& r, std::string_view key, bool required);

}  // namespace planpack::load
