#include "cli/rollover.hpp"

#include "cli/report.hpp"
#include "scaffold/rollover.hpp"

namespace planpack::cli {

int run_rollover(const Options& o, std::ostream& out, std::ostream& err) {
    if (o.operands.size() != 1 || o.to.empty()) {
        err << "planpack: rollover takes one plan id and --to, e.g. planpack rollover plan-2023-24 --to 2024-25\n\n"
            << usage(Command::rollover);
        return 2;
    }
    Diagnostics diags;
    auto project = load::load_project(o.root, diags);
    if (!project || diags.has_errors()) {
        report(diags, diags.all().size(), err);
        err << "planpack: fix these first; nothing was made\n";
        return 1;
    }
    Diagnostics found;
    auto r = scaffold::rollover(o.root, *project, o.operands[0], o.to, found);
    if (!r || found.has_errors() || !scaffold::apply(o.root, r->changes, found)) {
        report(found, found.all().size(), err);
        err << "planpack: nothing was made\n";
        return 1;
    }
    report(found, found.all().size(), err);
    if (o.verbosity != Verbosity::quiet) {
        out << "planpack: made " << r->new_id << " (a draft): " << r->changes.create.size() << " new files, "
            << r->carried << " open action(s) carried forward, " << r->left << " finished one(s) left behind\n";
        size_t places = 0;
        for (const auto& d : found.all()) places += d.message.rfind("still names", 0) == 0;
        if (places)
            out << "planpack: " << places << " place(s) above still name earlier years; rewrite them for "
                << o.to << '\n';
    }
    return 0;
}

}  // namespace planpack::cli
