#pragma once
// The command line parsed into Options: the command, its arguments and the defaults.
#include <optional>
#include <string>
#include <vector>

#include "output/format.hpp"

namespace planpack::cli {

enum class Command { build, check, publish, serve, new_, import, rollover, help, version };

// How much the tool says: -q only errors and warnings, -v also what it did and how long
// each document took.
enum class Verbosity { quiet, normal, verbose };

struct Options {
    Command command = Command::help;
    std::optional<Command> help_for;  // `planpack build --help`: that command's usage
    Verbosity verbosity = Verbosity::normal;
    std::string root = ".";
    std::string out;        // default: <root>/site
    std::string templates;  // default: <root>/templates, else the installed ones
    output::Formats formats;  // default: html, pdf, xlsx (docx only when asked)
    std::string as_of;  // YYYY-MM-DD: the date overdue and RAG are judged at
    std::string restricted_out;  // where exempt papers go; never inside out (or out inside it)
    std::string pagefind;        // the Pagefind binary; default: ROOT/tools/pagefind's, else on PATH
    std::string bind = "127.0.0.1";  // serve: the address to listen on
    int port = 8080;                 // serve: 0 is any free port
    // new KIND NAME, rollover PLAN-ID --to YEAR and publish [ID...]: the words after the command.
    std::vector<std::string> operands;
    std::string document;  // new section/report/meeting: which document or committee
    std::string to;        // rollover: the new plan year, e.g. 2024-25
    std::string id;        // import: the new report's or section's id (default: from the file's name)
    bool force = false;    // import: write over an earlier import of the same id
};

struct ParseResult {
    std::optional<Options> options;
    std::string error;  // a usage error, when options is empty
    Command command = Command::help;  // the command the error is about, for its usage
};

ParseResult parse_options(const std::vector<std::string>& args);
// What build writes without --format (docx only when asked for).
output::Formats default_formats();
// Every command's usage, or one command's usage with its options explained.
std::string usage();
std::string usage(Command command);

}  // namespace planpack::cli
