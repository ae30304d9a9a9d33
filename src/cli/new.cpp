#include "cli/new.hpp"

#include "cli/installed.hpp"
#include "cli/report.hpp"
#include "scaffold/new.hpp"

namespace planpack::cli {

namespace fs = std::filesystem;

namespace {

// A project to add to: it must load, or the new file would be placed by guesswork.
std::optional<load::Project> project_for(const Options& o, Diagnostics& diags) {
    auto project = load::load_project(o.root, diags);
    if (diags.has_errors()) return std::nullopt;
    return project;
}

}  // namespace

int run_new(const Options& o, std::ostream& out, std::ostream& err) {
    const auto& args = o.operands;
    Diagnostics diags;
    const std::string what = args.empty() ? "" : args[0];
    auto usage_error = [&](const std::string& message) {
        err << "planpack: " << message << "\n\n" << usage(Command::new_);
        return 2;
    };
    std::optional<scaffold::Changes> changes;
    fs::path root = o.root;
    std::string done;
    if (what == "service") {
        if (args.size() != 2) return usage_error("new service takes the folder to make, e.g. planpack new service our-yjs");
        root = args[1];
        std::error_code ec;
        if (fs::exists(root, ec) && !fs::is_empty(root, ec)) {
            err << "planpack: " << root.string() << " already exists and is not empty; give a new folder\n";
            return 1;
        }
        changes = scaffold::new_service(templates_dir(o), diags);
        done = "made a new service in " + root.string() + "; build it with: planpack build --root " + root.string();
    } else if (what == "section" || what == "meeting" || what == "report") {
        const size_t want = what == "meeting" ? 3 : 2;
        if (args.size() != want) return usage_error("wrong number of words after new " + what);
        if (what != "meeting" && o.document.empty())
            return usage_error(what == "section" ? "new section needs --document DOC" : "new report needs --meeting MEETING");
        auto project = project_for(o, diags);
        if (project) {
            if (what == "section") changes = scaffold::new_section(*project, o.document, args[1], diags);
            else if (what == "meeting") changes = scaffold::new_meeting(*project, args[1], args[2], diags);
            else changes = scaffold::new_report(*project, templates_dir(o), o.document, args[1], diags);
        }
    } else {
        return usage_error(what.empty() ? "new needs what to make: service, section, meeting or report"
                                        : "planpack cannot make a new '" + what + "' (it makes a service, section, meeting or report)");
    }
    if (!changes || !scaffold::apply(root, *changes, diags)) {
        report(diags, diags.all().size(), err);
        err << "planpack: nothing was made\n";
        return 1;
    }
    report(diags, diags.all().size(), err);
    if (o.verbosity != Verbosity::quiet) {
        for (const auto& [path, _] : changes->create) out << "planpack: wrote " << (root / path).string() << '\n';
        for (const auto& [path, _] : changes->append) out << "planpack: added to " << (root / path).string() << '\n';
        if (!done.empty()) out << "planpack: " << done << '\n';
    }
    return 0;
}

}  // namespace planpack::cli
