#pragma once
#include <optional>

#include "model/document.hpp"

namespace planpack::transform {

// What a build knows beyond the sources: the date figures are judged at.
struct Context {
    std::optional<model::Date> as_of;  // --as-of; else the document's as_of, else its published date

    model::Date as_of_for(const model::Document& doc) const {
        return as_of.value_or(doc.as_of.value_or(doc.published));
    }
};

}  // namespace planpack::transform
