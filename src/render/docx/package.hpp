#pragma once
// The OPC package a .docx is: a zip of named parts, written through libzip with every
// entry stamped with one fixed time and stored in the order given, so the same parts give
// the same bytes in any time zone. Reading is for a council's reference document (styles.hpp).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planpack::render::docx {

struct Part {
    std::string name;   // "word/document.xml"
    std::string bytes;
};

// time: seconds since 1970 (UTC) every entry is dated (zip stores its civil date and time,
// 1980 at the earliest). Returns the zip, or nullopt with error set.
std::optional<std::string> write_package(const std::vector<Part>& parts, std::int64_t time, std::string& error);

// The named parts of a zip file that it has (others are left out of the result); nullopt
// with error set when the file is not a readable zip.
std::optional<std::map<std::string, std::string>> read_package(const std::filesystem::path& file,
                                                               const std::vector<std::string>& names,
                                                               std::string& error);

}  // namespace planpack::render::docx
