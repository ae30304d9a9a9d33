#pragma once
// What every transform may read besides the document: the judgement date, suppression,
// privacy and who publishes.
#include <optional>
#include <string>

#include "data/people.hpp"
#include "load/config.hpp"
#include "model/document.hpp"

namespace planpack::transform {

// What a build knows beyond the sources: the date figures are judged at, the small-number
// rules and how people may be named, from planpack.toml.
struct Context {
    load::Suppression suppression;
    std::optional<model::Date> as_of;  // --as-of; else the document's as_of, else its published date
    data::Privacy privacy;             // planpack.toml's [privacy]
    // Who publishes, for a workbook's About sheet: planpack.toml's [service].
    std::string service_name;
    std::string local_authority;

    model::Date as_of_for(const model::Document& doc) const {
        return as_of.value_or(doc.as_of.value_or(doc.published));
    }
};

}  // namespace planpack::transform
