#pragma once
// SHA-256 through Nettle (Debian's nettle-dev): the publication record's fingerprints.
#include <string>
#include <string_view>

namespace planpack::publish {

// The digest of bytes as 64 lower-case hex digits, as sha256sum prints it.
std::string sha256_hex(std::string_view bytes);

}  // namespace planpack::publish
