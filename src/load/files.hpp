#pragma once
// Finding source files under a service root and naming them as messages show them.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace planpack::load {

// Every regular file under dir (recursively) with the extension, sorted: directory order
// is arbitrary and output must not be.
std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& dir,
                                                        std::string_view ext);

// p relative to root with '/' separators: "content/01-introduction.md".
std::string shown_path(const std::filesystem::path& root, const std::filesystem::path& p);

// "03-child-first.md" -> "child-first": the file name without a leading "NN-" and extension.
std::string default_id(const std::filesystem::path& p);

}  // namespace planpack::load
