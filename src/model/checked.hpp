#pragma once
// Whole-number arithmetic that refuses to overflow: a total that does not fit in 64 bits
// is an error the user sees, never undefined behaviour printed as a figure.
#include <cstdint>
#include <optional>

namespace planpack::model {

inline std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
    return r;
}

inline std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
    return r;
}

// Adds v into sum; false (sum unchanged) when the result would not fit.
inline bool add_into(std::int64_t& sum, std::int64_t v) {
    if (auto r = checked_add(sum, v)) {
        sum = *r;
        return true;
    }
    return false;
}

}  // namespace planpack::model
