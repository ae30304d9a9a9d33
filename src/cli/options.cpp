#include "cli/options.hpp"

#include <algorithm>
#include <filesystem>

#include "model/partial_date.hpp"

namespace planpack::cli {

namespace {

std::optional<Format> format_named(const std::string& name) {
    if (name == "html") return Format::html;
    if (name == "pdf") return Format::pdf;
    if (name == "xlsx") return Format::xlsx;
    return std::nullopt;
}

}  // namespace

const std::vector<Format>& available_formats() {
    static const std::vector<Format> formats = {Format::html, Format::pdf, Format::xlsx};
    return formats;
}

std::string usage() {
    return "usage: planpack build [--root DIR] [--out DIR] [--format html,pdf,xlsx] [--templates DIR]\n"
           "                     [--as-of YYYY-MM-DD] [--restricted-out DIR]\n"
           "       planpack check [--root DIR] [--as-of YYYY-MM-DD]\n"
           "       planpack --help | --version\n"
           "\n"
           "  build   load, validate and write the site (default out: ROOT/site)\n"
           "  check   load and validate only; write nothing\n"
           "  --as-of the date overdue milestones and RAG ratings are judged at\n"
           "          (default: each document's publication date)\n"
           "  --restricted-out  where exempt committee papers are written, outside the\n"
           "          site; without it they are not rendered at all\n"
           "\n"
           "Exit status: 0 success, 1 content errors, 2 usage errors.\n";
}

namespace {

// Exempt papers must never land in, or around, the public site: publish() swaps whole
// directories, so either inside the other would put one tree in the other.
std::string nested(const std::string& out, const std::string& restricted) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path a = fs::weakly_canonical(fs::absolute(out, ec), ec);
    const fs::path b = fs::weakly_canonical(fs::absolute(restricted, ec), ec);
    auto within = [](const fs::path& inner, const fs::path& outer) {
        auto rel = inner.lexically_relative(outer);
        return !rel.empty() && *rel.begin() != "..";
    };
    if (within(b, a) || within(a, b))
        return "--restricted-out " + restricted + " must be outside the public output directory " + out +
               " (and not contain it)";
    return "";
}

}  // namespace

ParseResult parse_options(const std::vector<std::string>& args) {
    Options o;
    if (args.empty()) return {std::nullopt, "no command given"};
    size_t i = 0;
    const std::string& cmd = args[i++];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") o.command = Command::help;
    else if (cmd == "--version") o.command = Command::version;
    else if (cmd == "build") o.command = Command::build;
    else if (cmd == "check") o.command = Command::check;
    else return {std::nullopt, "unknown command '" + cmd + "'"};

    auto value = [&](const std::string& flag, std::string& into) -> std::string {
        if (i >= args.size()) return flag + " needs a value";
        into = args[i++];
        return "";
    };
    while (i < args.size()) {
        const std::string arg = args[i++];
        std::string error;
        if (arg == "--help" || arg == "-h") o.command = Command::help;
        else if (arg == "--root") error = value(arg, o.root);
        else if (arg == "--out" && o.command == Command::build) error = value(arg, o.out);
        else if (arg == "--restricted-out" && o.command == Command::build) error = value(arg, o.restricted_out);
        else if (arg == "--templates") error = value(arg, o.templates);
        else if (arg == "--as-of") {
            std::string date;
            error = value(arg, date);
            if (error.empty() && !(o.as_of = model::parse_iso_date(date)))
                error = "--as-of needs a date such as 2023-09-30, not '" + date + "'";
        }
        else if (arg == "--format" && o.command == Command::build) {
            std::string list;
            error = value(arg, list);
            for (size_t start = 0; error.empty() && start <= list.size();) {
                size_t comma = list.find(',', start);
                if (comma == std::string::npos) comma = list.size();
                const std::string f = list.substr(start, comma - start);
                const auto format = format_named(f);
                if (!format)
                    error = "unknown format '" + f + "' (available: html, pdf, xlsx)";
                else if (std::find(o.formats.begin(), o.formats.end(), *format) == o.formats.end())
                    o.formats.push_back(*format);
                start = comma + 1;
            }
        } else error = "unknown option '" + arg + "' for " + cmd;
        if (!error.empty()) return {std::nullopt, error};
    }
    if (o.formats.empty()) o.formats = available_formats();
    if (o.out.empty()) o.out = (std::filesystem::path(o.root) / "site").string();
    if (!o.restricted_out.empty()) {
        if (auto clash = nested(o.out, o.restricted_out); !clash.empty())
            return {std::nullopt, clash};
    }
    return {o, ""};
}

}  // namespace planpack::cli
