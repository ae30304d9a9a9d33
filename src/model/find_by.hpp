#pragma once
// The lookup every keyed list in the model needs: the first element whose key equals a
// value, or nullptr. Lists are small (committees, people, reports, budget years), so a
// scan in source order is the right structure, and one definition keeps it one scan.
#include <functional>

namespace planpack::model {

template <class Range, class Key, class Value>
auto find_by(const Range& range, Key key, const Value& value) -> decltype(&*std::begin(range)) {
    for (const auto& element : range)
        if (std::invoke(key, element) == value) return &element;
    return nullptr;
}

}  // namespace planpack::model
