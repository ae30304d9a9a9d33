#pragma once
// [[correction]]: a change made to a paper after it was published, with its date and
// reason, in the paper's own source (planpack.toml's [[document]], a meeting's agenda).
// The paper prints it as an erratum; the publication record lets the paper change for it.
#include <optional>
#include <string_view>
#include <vector>

#include "load/toml_reader.hpp"
#include "model/document.hpp"

namespace planpack::load {

// Reads r's [[correction]] tables, oldest first. Each must be dated on or after published
// (a paper not yet published, a draft, has nothing to correct). what: "document".
std::vector<model::Correction> read_corrections(TableReader& r, const std::optional<model::Date>& published,
                                                std::string_view what);

}  // namespace planpack::load
