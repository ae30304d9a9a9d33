#include "cli/import.hpp"

#include <filesystem>

#include "cli/build.hpp"
#include "cli/installed.hpp"
#include "cli/report.hpp"
#include "import/docx/import.hpp"
#include "scaffold/new.hpp"

namespace planpack::cli {

namespace fs = std::filesystem;

namespace {

// "Youth Justice Update (final).docx" -> "youth-justice-update-final".
std::string id_from_file(const std::string& file) {
    std::string out;
    for (char c : fs::path(file).stem().string()) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace

int run_import(const Options& o, std::ostream& out, std::ostream& err) {
    const auto& args = o.operands;
    auto usage_error = [&](const std::string& message) {
        err << "planpack: " << message << "\n\n" << usage(Command::import);
        return 2;
    };
    if (args.size() != 2 || (args[0] != "report" && args[0] != "section"))
        return usage_error("import takes what to make and the Word file: import report FILE.docx --meeting MEETING, "
                           "or import section FILE.docx --document DOC");
    const bool is_report = args[0] == "report";
    const std::string& word_file = args[1];
    if (o.document.empty())
        return usage_error(is_report ? "import report needs --meeting MEETING" : "import section needs --document DOC");
    const std::string id = o.id.empty() ? id_from_file(word_file) : o.id;

    Diagnostics diags;
    auto failed = [&](const std::string& why) {
        report(diags, diags.all().size(), err);
        err << "planpack: " << why << "nothing was written\n";
        return 1;
    };
    // The Word file first: a file that is not one is the likeliest mistake.
    auto word = import_docx::read_word(word_file, "img/" + id + "-");
    if (const auto* why = std::get_if<std::string>(&word))
        return failed(word_file + ": " + *why + "; ");
    // A project to add to: it must load, or the new file would be placed by guesswork.
    auto project = load::load_project(o.root, diags);
    if (!project || diags.has_errors()) return failed("the service does not load, so the import has nowhere to go; ");

    scaffold::Changes changes;
    import_docx::Imported imported;
    Diagnostics notes;
    std::string folder;
    if (is_report) {
        auto place = scaffold::report_place(*project, templates_dir(o), o.document, id, diags);
        if (!place) return failed("");
        import_docx::ReportTarget target;
        target.file = place->file;
        target.meeting = o.document;
        target.id = id;
        target.officer = place->officer;
        target.report_template = &place->report_template;
        target.priorities = &project->config.priorities;
        imported = import_docx::import_report(std::move(std::get<import_docx::WordFile>(word)), target, notes);
        changes.create[place->file] = imported.markdown;
        if (!place->on_agenda) changes.append[place->meeting_file] = scaffold::agenda_item(id, imported.title);
        folder = fs::path(place->file).parent_path().generic_string();
    } else {
        auto place = scaffold::section_place(*project, o.document, id, o.force, diags);
        if (!place) return failed("");
        import_docx::SectionTarget target{place->file, o.document, id, place->order};
        imported = import_docx::import_section(std::move(std::get<import_docx::WordFile>(word)), target, notes);
        changes.create[place->file] = imported.markdown;
        folder = fs::path(place->file).parent_path().generic_string();
    }
    for (const auto& p : imported.pictures) changes.create[folder + "/" + p.name] = p.bytes;
    if (!scaffold::apply(o.root, changes, diags, o.force))
        return failed(o.force ? "" : "(an earlier import? give --force to write over it, or --id for another id); ");

    const fs::path root = o.root;
    if (o.verbosity != Verbosity::quiet) {
        for (const auto& [path, _] : changes.create) out << "planpack: wrote " << (root / path).string() << '\n';
        for (const auto& [path, _] : changes.append)
            out << "planpack: added the report to the agenda in " << (root / path).string() << '\n';
    }
    report(notes, notes.all().size(), err);
    if (!imported.unmatched.empty()) {
        err << "planpack: " << imported.unmatched.size()
            << " heading(s) match no section of the report template, so the report will not build until each is "
               "renamed:\n";
        for (const auto& h : imported.unmatched) err << "  - " << h << '\n';
    }
    // The import is only done when the tree builds: check it all, as `planpack check` does.
    Options check = o;
    check.command = Command::check;
    check.verbosity = Verbosity::quiet;
    check.formats = default_formats();
    const int status = run_build(check, out, err);
    if (status != 0) {
        err << "planpack: the import is written but does not build yet: fix what is listed above, then run "
               "planpack check --root " << o.root << '\n';
        return 1;
    }
    if (o.verbosity != Verbosity::quiet)
        out << "planpack: imported " << word_file << "; the service checks without errors"
            << (notes.all().empty() ? "" : " (read the warnings above)") << '\n';
    return 0;
}

}  // namespace planpack::cli
