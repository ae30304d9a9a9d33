#pragma once
// The command line as typed options: which command, where the service and output are,
// which formats, and the usage text.
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace planpack::cli {

enum class Command { build, check, help, version };
enum class Format { html, pdf, xlsx };

struct Options {
    Command command = Command::help;
    std::string root = ".";
    std::string out;        // default: <root>/site (parse_options fills it in)
    std::string templates;  // default: <root>/templates, else the installed ones
    std::vector<Format> formats;  // default: every format
    std::optional<model::Date> as_of;  // --as-of: the date overdue and RAG are judged at
    std::string restricted_out;  // where exempt papers go; never inside out (or out inside it)
};

struct ParseResult {
    std::optional<Options> options;
    std::string error;  // a usage error, when options is empty
};

ParseResult parse_options(const std::vector<std::string>& args);
const std::vector<Format>& available_formats();
std::string usage();

}  // namespace planpack::cli
