#pragma once
// What `planpack new` and `rollover` add to a service tree: whole new files, and text
// appended to existing ones. Made in memory first, so nothing is written when any part
// fails, and never over a file that is already there.
#include <filesystem>
#include <map>
#include <string>

#include "diag/diagnostic.hpp"

namespace planpack::scaffold {

struct Changes {
    std::map<std::string, std::string> create;  // path relative to the root -> contents
    std::map<std::string, std::string> append;  // path relative to the root -> text to add
};

// Writes changes under root. Refuses (and writes nothing) when a file to create exists,
// unless overwrite. Each file is written whole beside its place and then renamed into it,
// so a full disk or an interruption never leaves half a file.
bool apply(const std::filesystem::path& root, const Changes& changes, Diagnostics& diags, bool overwrite = false);

// Every file under dir, by path relative to it, with its contents.
std::map<std::string, std::string> read_tree(const std::filesystem::path& dir, Diagnostics& diags);

}  // namespace planpack::scaffold
