// Lays out and writes a ~300-page plan held in memory, and prints the time, pages per
// second and peak memory. Not a test: run it when a change might cost speed.
//   cmake --build build --target pdf_bench && ./build/pdf_bench [out.pdf]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>

#include "render/pdf/pdf.hpp"

using namespace planpack;

namespace {

model::Inlines text(std::string s) { return {model::Inline{model::Text{std::move(s)}}}; }
model::Block para(model::Inlines c) { return {model::Paragraph{std::move(c), {}}}; }

model::Inlines rich(int i) {
    model::Inlines out = text("In quarter " + std::to_string(i % 4 + 1) + " the partnership spent £" +
                              std::to_string(1000 + i * 37) + " – ");
    out.push_back({model::Strong{text("first-time entrants fell")}});
    out.push_back({model::Text{" while the café’s diversion work grew; see "}});
    model::Link l;
    l.url = "https://www.gov.uk/government/organisations/youth-justice-board-for-england-and-wales";
    l.content = text("the Youth Justice Board’s guidance");
    out.push_back({std::move(l)});
    out.push_back({model::Text{". Children are seen as children first, with support that builds a "
                               "positive identity, strengths and aspirations, and that keeps them out "
                               "of the justice system wherever that is safe."}});
    return out;
}

model::Document plan() {
    model::Document doc;
    doc.id = "bench";
    doc.title = "Youth Justice Plan benchmark";
    doc.period_start = {2023, 4, 1};
    doc.period_end = {2024, 3, 31};
    doc.published = {2023, 6, 26};
    for (int s = 0; s < 42; ++s) {
        model::Section sec;
        sec.id = "section-" + std::to_string(s);
        sec.kind = s < 34 ? model::SectionKind::section : model::SectionKind::appendix;
        sec.number = s < 34 ? s + 1 : s - 33;
        sec.title = "Section title number " + std::to_string(s);
        sec.source = {"content/" + sec.id + ".md", 1, 1};
        for (int h = 0; h < 4; ++h) {
            sec.blocks.push_back({model::Heading{2, text("Heading " + std::to_string(h)), "h" + std::to_string(h), {}}});
            for (int p = 0; p < 6; ++p) sec.blocks.push_back(para(rich(s * 100 + h * 10 + p)));
            model::List list;
            for (int i = 0; i < 5; ++i) list.items.push_back({std::nullopt, {para(text("List item " + std::to_string(i) + " with a few more words to wrap"))}});
            sec.blocks.push_back({list});
        }
        model::Table t;
        t.caption = text("Caseload by week, section " + std::to_string(s));
        t.aligns = {model::Align::left, model::Align::left, model::Align::right, model::Align::right};
        t.head.push_back({{{text("Week")}, {text("Team")}, {text("Open cases")}, {text("Referrals")}}});
        for (int r = 0; r < 120; ++r)
            t.body.push_back({{{text("Week " + std::to_string(r))}, {text(r % 3 ? "North" : "South and coastal towns")},
                               {text(std::to_string(20 + r % 17))}, {text(std::to_string(r % 9))}}});
        sec.blocks.push_back({t});
        model::Chart c;
        c.kind = s % 2 ? model::ChartKind::bar : model::ChartKind::line;
        c.title = "Rate per 100,000";
        c.categories = {"2019", "2020", "2021", "2022", "2023"};
        c.series = {{"Blackpool", {1, 2, 3, std::nullopt, 5}, {}, {}}, {"England", {2, 2, 2.5, 2.7, 3}, {}, {}}};
        c.summary = "Blackpool's rate rose.";
        sec.blocks.push_back({c});
        doc.sections.push_back(std::move(sec));
    }
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    Diagnostics diags;
    auto resources = render::pdf::load_resources(std::string(PLANPACK_SOURCE_DIR) + "/templates", diags);
    if (!resources) {
        for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", format(d).c_str());
        return 1;
    }
    load::Config cfg;
    cfg.service_name = "Benchmark Youth Justice Service";
    cfg.local_authority = "Benchmark Council";
    const model::Document doc = plan();
    render::pdf::Options options;
    options.source_date_epoch = 1687737600;
    // Tagged (what every build writes) and untagged, alternately, best of 3 each: on a
    // busy machine the difference is what tagging costs.
    double best[2] = {1e9, 1e9};
    size_t untagged_bytes = 0;
    std::optional<render::pdf::Rendered> pdf;
    for (int run = 0; run < 6; ++run) {
        options.tagged = run % 2 == 0;
        const auto start = std::chrono::steady_clock::now();
        auto out = render::pdf::render_document(cfg, doc, *resources, {}, options, diags);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!out) {
            for (const auto& d : diags.all()) std::fprintf(stderr, "%s\n", format(d).c_str());
            return 1;
        }
        best[run % 2] = std::min(best[run % 2], seconds);
        if (options.tagged) pdf = std::move(out);
        else untagged_bytes = out->bytes.size();
    }
    const double seconds = best[0];
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("pages        %zu\n", pdf->pages);
    std::printf("bytes        %zu (untagged %zu)\n", pdf->bytes.size(), untagged_bytes);
    std::printf("time         %.3f s tagged, %.3f s untagged (best of 3 each)\n", best[0], best[1]);
    std::printf("tagging      %.0f%% of the tagged time\n", 100 * (best[0] - best[1]) / best[0]);
    std::printf("pages/s      %.0f\n", static_cast<double>(pdf->pages) / seconds);
    std::printf("peak RSS     %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    if (argc > 1) std::ofstream(argv[1], std::ios::binary) << pdf->bytes;  // to look at
    return 0;
}
