#include "cli/options.hpp"

#include <algorithm>
#include <filesystem>

#include "diag/suggest.hpp"
#include "model/number_format.hpp"
#include "model/partial_date.hpp"

namespace planpack::cli {

// What a build writes without --format: Word files only when asked for, as they are drafts
// for comment rather than what a council publishes.
output::Formats default_formats() { return {output::Format::html, output::Format::pdf, output::Format::xlsx}; }

namespace {

struct CommandInfo {
    Command command;
    const char* name;
    const char* synopsis;  // after "planpack NAME"
    const char* explained;
    std::vector<std::string> options;  // the options it takes, for "did you mean"
};

const std::vector<CommandInfo>& commands() {
    static const std::vector<CommandInfo> list = {
        {Command::build, "build",
         "[--root DIR] [--out DIR] [--format html,pdf,xlsx,docx] [--templates DIR]\n"
         "                      [--as-of YYYY-MM-DD] [--restricted-out DIR] [--pagefind FILE] [-q|-v]",
         "  load, validate and write the site (default out: ROOT/site)\n"
         "  --format  which outputs to write (default: html,pdf,xlsx; docx when asked)\n"
         "  --as-of   the date overdue milestones and RAG ratings are judged at\n"
         "            (default: each document's publication date)\n"
         "  --restricted-out  where exempt committee papers are written, outside the\n"
         "            site; without it they are not rendered at all\n"
         "  --pagefind  the Pagefind program that indexes the site for its search page\n"
         "            (default: ROOT/tools/pagefind, as scripts/setup.sh installs it, else\n"
         "            pagefind on PATH; without it the site is built without search)\n"
         "  -q        print only errors and warnings;  -v  also each document's timings\n",
         {"--root", "--out", "--format", "--templates", "--as-of", "--restricted-out", "--pagefind", "--publish",
          "--quiet", "--verbose", "--help"}},
        {Command::publish, "publish",
         "[ID ...] [--root DIR] [--out DIR] [--templates DIR] [--restricted-out DIR]\n"
         "                      [--pagefind FILE] [-q|-v]",
         "  build every format, as build does, and record what was published in\n"
         "  ROOT/published.toml: each document's and agenda pack's date and a fingerprint\n"
         "  of each file. Later builds fail if a published paper would read differently,\n"
         "  unless its source states a [[correction]] (docs/publishing.md).\n"
         "  ID ...    only these documents or meetings (default: all; a draft is refused)\n"
         "  Same as build --publish.\n",
         {"--root", "--out", "--templates", "--restricted-out", "--pagefind", "--quiet", "--verbose", "--help"}},
        {Command::check, "check", "[--root DIR] [--as-of YYYY-MM-DD] [-q|-v]",
         "  load and validate only; write nothing\n",
         {"--root", "--templates", "--as-of", "--quiet", "--verbose", "--help"}},
        {Command::serve, "serve", "[--root DIR] [--bind ADDRESS] [--port N] [--as-of YYYY-MM-DD] [-q|-v]",
         "  preview the site at http://127.0.0.1:8080/, rebuilt and reloaded in the\n"
         "  browser on every save; build errors are shown on the page\n"
         "  --bind    the address to listen on (default 127.0.0.1, this machine only)\n"
         "  --port    the port to listen on (default 8080; 0: any free port)\n",
         {"--root", "--templates", "--bind", "--port", "--as-of", "--quiet", "--verbose", "--help"}},
        {Command::new_, "new",
         "service DIR | section ID --document DOC | meeting COMMITTEE DATE | report ID --meeting MEETING\n"
         "                      [--root DIR]",
         "  start something from a template:\n"
         "  service DIR    a small working service in DIR that builds as it is\n"
         "  section ID     content/DOC/ID.md, the next section of document DOC\n"
         "  meeting COMMITTEE YYYY-MM-DD   an agenda in meetings/ for that committee\n"
         "  report ID      meetings/.../ID.md, a committee report for MEETING\n",
         {"--root", "--document", "--meeting", "--quiet", "--verbose", "--help"}},
        {Command::import, "import",
         "report FILE.docx --meeting MEETING | section FILE.docx --document DOC\n"
         "                      [--id ID] [--force] [--root DIR]",
         "  bring a Word file (.docx) in as planpack sources, then check the whole tree:\n"
         "  report FILE.docx   meetings/MEETING/ID.md, a committee report: its Title (or\n"
         "                     first heading) is the title, the headings that name the\n"
         "                     report template's sections its sections; the item is\n"
         "                     added to the meeting's agenda (meeting.toml)\n"
         "  section FILE.docx  content/DOC/NN-ID.md, the next section of document DOC\n"
         "  Tables keep their captions, pictures are saved beside the Markdown (img/)\n"
         "  with their alt text, and lists, footnotes, links, bold and italic are kept.\n"
         "  What needs a person's eye is listed: headings the report template does not\n"
         "  name, tables without captions, typed paragraph numbers and totals (planpack\n"
         "  makes those itself), questions the report does not answer.\n"
         "  --id      the new file's id (default: from the Word file's name)\n"
         "  --force   write over the files an earlier import of this id made\n",
         {"--root", "--templates", "--document", "--meeting", "--id", "--force", "--quiet", "--verbose", "--help"}},
        {Command::rollover, "rollover", "PLAN-ID --to YYYY-YY [--root DIR]",
         "  start next year's plan from PLAN-ID: a new document id and period, open\n"
         "  actions carried forward (carried_from), updates cleared, year-specific file\n"
         "  names moved; then lists the places in prose that still name the old years\n",
         {"--root", "--to", "--quiet", "--verbose", "--help"}},
    };
    return list;
}

const CommandInfo* info(Command c) {
    for (const auto& i : commands())
        if (i.command == c) return &i;
    return nullptr;
}

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

std::string parse_formats(const std::string& list, output::Formats& into) {
    for (size_t start = 0; start <= list.size();) {
        size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        const std::string f = list.substr(start, comma - start);
        if (auto format = output::parse_format(f)) {
            into.insert(*format);
        } else {
            std::vector<std::string> known;
            for (output::Format k : output::all_formats) known.emplace_back(output::name(k));
            std::string hint = did_you_mean(f, known);
            return "unknown format '" + f + "'" + (hint.empty() ? " (available: html, pdf, xlsx, docx)" : hint);
        }
        start = comma + 1;
    }
    return "";
}

bool takes(const CommandInfo& c, const std::string& option) {
    return std::find(c.options.begin(), c.options.end(), option) != c.options.end();
}

}  // namespace

std::string usage(Command command) {
    const CommandInfo* c = info(command);
    if (!c) return usage();
    return std::string("usage: planpack ") + c->name + " " + c->synopsis + "\n\n" + c->explained +
           "\nExit status: 0 success, 1 content errors, 2 usage errors.\n";
}

std::string usage() {
    std::string out;
    for (const auto& c : commands())
        out += std::string(out.empty() ? "usage: " : "       ") + "planpack " + c.name + " " + c.synopsis + "\n";
    out += "       planpack --help | --version | COMMAND --help\n\n";
    out += "  build     load, validate and write the site (default out: ROOT/site)\n"
           "  check     load and validate only; write nothing\n"
           "  publish   build, and record what was published in published.toml\n"
           "  new       start a service, section, meeting or report from a template\n"
           "  import    bring a Word report or section (.docx) in as planpack sources\n"
           "  rollover  start next year's plan from this year's\n"
           "  -q / -v   quieter / say more (each document's timings)\n"
           "\nExit status: 0 success, 1 content errors, 2 usage errors.\n";
    return out;
}

ParseResult parse_options(const std::vector<std::string>& args) {
    Options o;
    if (args.empty()) return {std::nullopt, "no command given"};
    size_t i = 0;
    const std::string& cmd = args[i++];
    const CommandInfo* command = nullptr;
    if (cmd == "--help" || cmd == "-h" || cmd == "help") o.command = Command::help;
    else if (cmd == "--version") o.command = Command::version;
    else {
        for (const auto& c : commands())
            if (cmd == c.name) command = &c;
        if (!command) {
            std::vector<std::string> names{"help"};
            for (const auto& c : commands()) names.push_back(c.name);
            return {std::nullopt, "unknown command '" + cmd + "'" + did_you_mean(cmd, names)};
        }
        o.command = command->command;
    }
    // `planpack help build` is `planpack build --help`.
    if (o.command == Command::help && i < args.size()) {
        for (const auto& c : commands())
            if (args[i] == c.name) o.help_for = c.command;
        return {o, ""};
    }
    auto fail = [&](std::string error) { return ParseResult{std::nullopt, std::move(error), o.command}; };

    auto value = [&](const std::string& flag, std::string& into) -> std::string {
        if (i >= args.size()) return flag + " needs a value";
        into = args[i++];
        return "";
    };
    while (i < args.size()) {
        const std::string arg = args[i++];
        std::string error;
        if (arg == "--help" || arg == "-h") {
            o.help_for = o.command;
            o.command = Command::help;
            return {o, ""};
        }
        if (!command) error = "unknown option '" + arg + "'";
        else if (arg == "-q" || arg == "--quiet") o.verbosity = Verbosity::quiet;
        else if (arg == "-v" || arg == "--verbose") o.verbosity = Verbosity::verbose;
        else if (arg.rfind("-", 0) != 0 &&
                 (o.command == Command::new_ || o.command == Command::import || o.command == Command::rollover ||
                  o.command == Command::publish))
            o.operands.push_back(arg);
        else if (!takes(*command, arg)) {
            std::string hint = did_you_mean(arg, command->options);
            error = "unknown option '" + arg + "' for " + cmd + hint;
        } else if (arg == "--publish") o.command = Command::publish;  // build --publish
        else if (arg == "--root") error = value(arg, o.root);
        else if (arg == "--out") error = value(arg, o.out);
        else if (arg == "--restricted-out") error = value(arg, o.restricted_out);
        else if (arg == "--templates") error = value(arg, o.templates);
        else if (arg == "--pagefind") error = value(arg, o.pagefind);
        else if (arg == "--bind") error = value(arg, o.bind);
        else if (arg == "--port") {
            std::string port;
            error = value(arg, port);
            const auto n = model::parse_integer(port);
            if (error.empty() && (!n || *n < 0 || *n > 65535))
                error = "--port needs a number from 0 to 65535, not '" + port + "'";
            else if (error.empty())
                o.port = static_cast<int>(*n);
        }
        else if (arg == "--document" || arg == "--meeting") error = value(arg, o.document);
        else if (arg == "--to") error = value(arg, o.to);
        else if (arg == "--id") error = value(arg, o.id);
        else if (arg == "--force") o.force = true;
        else if (arg == "--as-of") {
            error = value(arg, o.as_of);
            if (error.empty() && !model::parse_iso_date(o.as_of))
                error = "--as-of needs a date such as 2023-09-30, not '" + o.as_of + "'";
        } else if (arg == "--format") {
            std::string list;
            error = value(arg, list);
            if (error.empty()) error = parse_formats(list, o.formats);
        }
        if (!error.empty()) return fail(error);
    }
    // A publication is every format: a record of the HTML alone would miss the PDF that
    // later builds make. And papers are published as at their own dates, never --as-of's.
    if (o.command == Command::publish && !o.formats.empty())
        return fail("publish writes every format; leave out --format");
    if (o.command == Command::publish && !o.as_of.empty())
        return fail("publish builds each paper as at its own date; leave out --as-of");
    if (o.formats.empty()) o.formats = default_formats();
    if (!o.restricted_out.empty()) {
        if (auto clash = nested(o.out.empty() ? o.root + "/site" : o.out, o.restricted_out); !clash.empty())
            return fail(clash);
    }
    return {o, ""};
}

}  // namespace planpack::cli
