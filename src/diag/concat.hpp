#pragma once
// String joining without temporaries, for messages built from many pieces.
#include <string>
#include <string_view>

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

}  // namespace planpack
