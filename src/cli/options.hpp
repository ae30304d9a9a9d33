#pragma once
#include <optional>
#include <string>
#include <vector>

namespace planpack::cli {

enum class Command { build, check, serve, help, version };

struct Options {
    Command command = Command::help;
    std::string root = ".";
    std::string out;        // default: <root>/site
    std::string templates;  // default: <root>/templates, else the installed ones
    std::vector<std::string> formats;  // default: every format that exists
    std::string as_of;  // YYYY-MM-DD: the date overdue and RAG are judged at
    std::string restricted_out;  // where exempt papers go; never inside out (or out inside it)
    std::string bind = "127.0.0.1";  // serve: the address to listen on
    int port = 8080;                 // serve: 0 is any free port
};

struct ParseResult {
    std::optional<Options> options;
    std::string error;  // a usage error, when options is empty
};

ParseResult parse_options(const std::vector<std::string>& args);
const std::vector<std::string>& available_formats();
std::string usage();

}  // namespace planpack::cli
