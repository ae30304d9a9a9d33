#include "cli/build.hpp"

#include <chrono>
#include <sstream>

#include "cli/installed.hpp"
#include "cli/publication.hpp"
#include "cli/report.hpp"
#include "pipeline/assemble.hpp"
#include "pipeline/pipeline.hpp"
#include "search/pagefind.hpp"

namespace planpack::cli {

namespace fs = std::filesystem;

pipeline::Settings settings(const Options& o) {
    pipeline::Settings s;
    s.root = o.root;
    s.templates = templates_dir(o);
    s.as_of = o.as_of;
    return s;
}

namespace {

bool wants_html(const Options& o) { return o.formats.count(output::Format::html) > 0; }

// -v: per document, milliseconds to transform and to lay out its PDF.
void print_timings(const pipeline::Model& m, const pipeline::Printed& printed, std::ostream& out) {
    for (const auto& [id, ms] : m.transform_ms) {
        out << "planpack: " << id << ": model " << ms << " ms";
        if (auto it = printed.timings.find(id); it != printed.timings.end())
            out << ", PDF " << it->second.ms << " ms (" << it->second.pages << " pages)";
        out << '\n';
    }
}

// Exempt papers go to --restricted-out, never under the public site; without it they are
// not rendered at all, and -v says so (every build saying it taught people to skip output).
bool publish_restricted(const Options& o, const pipeline::Publications& p, std::ostream& out, Diagnostics& diags) {
    if (p.exempt_sections == 0) return true;
    if (o.restricted_out.empty()) {
        if (o.verbosity == Verbosity::verbose)
            out << "planpack: " << p.exempt_sections << " exempt section(s) not rendered; give --restricted-out DIR "
                << "(outside the site) to render them\n";
        return true;
    }
    if (!output::publish(p.restricted, o.restricted_out, o.root, diags)) return false;
    if (o.verbosity != Verbosity::quiet)
        out << "planpack: wrote " << p.restricted.size() << " restricted files to " << o.restricted_out << '\n';
    return true;
}

// What publishing recorded, or which corrections await it.
void print_record(const RecordCheck& r, std::ostream& out) {
    auto list = [](const std::vector<std::string>& ids) {
        std::string s;
        for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
        return s;
    };
    if (r.updated && r.recorded.empty())
        out << "planpack: nothing new to publish; " << publish::record_file << " is unchanged\n";
    else if (r.updated)
        out << "planpack: recorded as published in " << publish::record_file << ": " << list(r.recorded) << '\n';
    else if (!r.corrected.empty())
        out << "planpack: corrected since publication, with an erratum: " << list(r.corrected)
            << "; run planpack publish to record the corrections\n";
}

// The program that indexes the site for its search page, when the build writes HTML.
// One named with --pagefind that is not there is a fault; none installed is said once the
// site is written (print_search).
void find_pagefind(const Options& o, pipeline::Settings& s, Diagnostics& diags) {
    if (!wants_html(o)) return;
    if (auto found = search::find_pagefind(o.pagefind, o.root))
        s.pagefind = *found;
    else if (!o.pagefind.empty())
        diags.warning({o.pagefind, 0, 0}, "no Pagefind program here; the site is built without search");
}

// Pagefind not installed is a choice a service may make: said on stdout, as what was
// written is, and not a warning (which would fail builds that must be clean).
void print_search(const Options& o, const pipeline::Settings& s, std::ostream& out) {
    if (wants_html(o) && s.pagefind.empty() && o.pagefind.empty())
        out << "planpack: the site has no search: Pagefind is not installed (bash scripts/setup.sh "
               "installs it in tools/pagefind; or give --pagefind FILE)\n";
}

}  // namespace

int run_build(const Options& o, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    const auto started = std::chrono::steady_clock::now();
    auto s = settings(o);
    find_pagefind(o, s, diags);
    auto model = pipeline::load_model(s, diags);
    const size_t loaded = model ? model->loaded_diagnostics : diags.all().size();
    const long load_ms = pipeline::ms_since(started);
    // Images are read with the sources, so a missing one stops check as it stops build.
    if (model) pipeline::load_media(s, *model, diags);
    const auto published = read_record(o, diags);  // a malformed record stops it here
    const bool checking = o.command == Command::check;
    if (!model || !published || diags.has_errors()) {
        report(diags, loaded, err);
        err << "planpack: " << (checking ? "check failed" : "nothing was written") << '\n';
        return 1;
    }
    // check goes on to render everything in memory, the restricted papers too, so that what
    // only a renderer finds (a missing image, a template, a table too wide for the page)
    // fails check as it would fail build: check passing means build will succeed. Only
    // writing is left out.
    auto made = pipeline::assemble(s, *model, o.formats, *published, checking || !o.restricted_out.empty(), diags);
    output::OutputTree& tree = made.site;
    // Against the publication record, in check as in build: check passing means build will.
    const RecordCheck record = check_record(o, *model, tree, made.printed, *published, diags);
    const fs::path out_dir = o.out.empty() ? fs::path(o.root) / "site" : fs::path(o.out);
    // Last of all, on the public pages as they will be published: the search index.
    long search_ms = -1;
    if (!checking && !s.pagefind.empty() && !diags.has_errors()) {
        const auto indexing = std::chrono::steady_clock::now();
        pipeline::add_files(tree, search::index_site(s.pagefind, tree, diags), diags);
        search_ms = pipeline::ms_since(indexing);
    }
    if (checking) {
        const int status = report(diags, loaded, err);
        if (status != 0) {
            err << "planpack: check failed\n";
            return status;
        }
        if (o.verbosity == Verbosity::verbose) print_timings(*model, made.printed, out);
        if (o.verbosity != Verbosity::quiet)
            out << "planpack: " << model->project.documents.size() + model->papers.size()
                << " document(s) checked, no errors\n";
        return status;
    }
    if (diags.has_errors() || !output::publish(tree, out_dir, o.root, diags)) {
        report(diags, loaded, err);
        err << "planpack: nothing was written; " << out_dir.string() << " is unchanged\n";
        return 1;
    }
    // The record is written once the site is: it says what the site now holds.
    if (record.updated && !write_record(o, *record.updated, diags)) {
        report(diags, loaded, err);
        return 1;
    }
    std::ostringstream restricted;
    const bool ok = publish_restricted(o, made, restricted, diags);
    report(diags, loaded, err);
    if (o.verbosity == Verbosity::verbose) {
        out << "planpack: loaded " << o.root << " in " << load_ms << " ms\n";
        print_timings(*model, made.printed, out);
        if (search_ms >= 0) out << "planpack: search index (" << s.pagefind.string() << ") in " << search_ms << " ms\n";
        out << "planpack: built in " << pipeline::ms_since(started) << " ms\n";
    }
    if (o.verbosity != Verbosity::quiet) {
        out << "planpack: wrote " << tree.size() << " files to " << out_dir.string() << '\n';
        print_search(o, s, out);
        print_record(record, out);
    }
    out << restricted.str();
    if (!ok) {
        err << "planpack: the restricted papers were not written; " << o.restricted_out << " is unchanged\n";
        return 1;
    }
    return 0;
}

}  // namespace planpack::cli
