#pragma once
// Joining strings: pieces into one, and lists with a separator.
#include <string>
#include <string_view>
#include <vector>

namespace planpack {

// Joins pieces into one string. Also sidesteps GCC 12's false -Wrestrict on chains of
// operator+ that start from a string literal (GCC bug 105329).
template <typename... Parts>
std::string concat(const Parts&... parts) {
    std::string out;
    out.reserve((std::string_view(parts).size() + ... + 0));
    (out.append(std::string_view(parts)), ...);
    return out;
}

// Joins items with a separator between them: lists in messages ("known ids: a, b") and in
// table cells ("Lead; Support").
inline std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out.append(sep);
        out.append(item);
    }
    return out;
}

}  // namespace planpack
