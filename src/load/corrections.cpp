#include "load/corrections.hpp"

#include <algorithm>
#include <string>

namespace planpack::load {

std::vector<model::Correction> read_corrections(TableReader& r, const std::optional<model::Date>& published,
                                                std::string_view what) {
    std::vector<model::Correction> out;
    Diagnostics& diags = r.diags();
    r.each_table("correction", false, [&](const toml::table& t) {
        TableReader cr(t, r.origin(), diags, "[[correction]]");
        model::Correction c;
        c.pos = cr.pos();
        auto date = cr.date("date", true);
        auto reason = cr.string("reason", true);
        cr.finish();
        if (!date || !reason) return;
        if (reason->find_first_not_of(" \t\n") == std::string::npos) {
            diags.error(cr.pos_of("reason"), "say what was corrected and why: the " + std::string(what) +
                                                 " prints this reason as its erratum");
            return;
        }
        if (!published) {
            diags.error(cr.pos_of("date"), "a draft has not been published, so there is nothing to correct: "
                                           "remove this [[correction]] and change the text");
            return;
        }
        if (*date < *published) {
            diags.error(cr.pos_of("date"), "this correction is dated " + model::format_long(*date) + ", before the " +
                                               std::string(what) + " was published on " +
                                               model::format_long(*published) + "; give the date it was corrected");
            return;
        }
        c.date = *date;
        c.reason = *reason;
        out.push_back(std::move(c));
    });
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    return out;
}

}  // namespace planpack::load
