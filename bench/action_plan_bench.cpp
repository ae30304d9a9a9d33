// A generated 2,000-action plan (6,000 milestones, 2,000 updates) built to HTML and XLSX
// through the real pipeline; prints time and peak memory. Target: < 1 s, < 100 MB.
//   cmake --build build --target action_plan_bench && ./build/action_plan_bench
#include <algorithm>

#include "bench_util.hpp"

using namespace planpack;

int main() {
    bench::TempTree tree("action-plan");
    tree.write("planpack.toml", bench::config("Bench plan"));
    tree.write("content/appendix-actions.md",
               "+++\ndocument = \"plan\"\nkind = \"appendix\"\norder = 1\ntitle = \"Action plan\"\n+++\n\n"
               "```planpack action-plan\nplan = \"plan\"\n```\n");
    std::string toml = "schema = \"action-plan/1\"\n\n[plan]\nid = \"bench\"\ntitle = \"Bench plan\"\n"
                       "period_start = 2023-04-01\nperiod_end = 2024-03-31\n\n";
    const int groups = 10, actions = 2000;
    for (int g = 0; g < groups; ++g)
        toml += "[[group]]\nid = \"P" + std::to_string(g + 1) + "\"\nkind = \"priority\"\ntitle = \"Priority " +
                std::to_string(g + 1) + ": a partnership that works for children\"\n\n";
    const char* statuses[] = {"not_started", "planned", "in_progress", "complete", "ongoing"};
    for (int a = 0; a < actions; ++a) {
        const std::string id = "P" + std::to_string(a % groups + 1) + "." + std::to_string(a / groups + 1);
        toml += "[[action]]\nid = \"" + id + "\"\ngroup = \"P" + std::to_string(a % groups + 1) + "\"\n"
                "action = \"Action " + std::to_string(a) + ": agree and deliver a shared response with partners\"\n"
                "impact = \"Practitioners work from shared evidence and respond earlier.\"\n"
                "outcomes = \"Children and families get the right help at the right time.\"\n"
                "lead = \"Head of Service\"\nsupport = [\"Team Manager\", \"Police lead\"]\n";
        for (int m = 0; m < 3; ++m) {
            const int month = (a + m) % 12 + 1;
            toml += "[[action.milestone]]\ntext = \"Milestone " + std::to_string(m + 1) + " of action " +
                    std::to_string(a) + "\"\ndue = \"" + std::to_string(month < 4 ? 2024 : 2023) + "-" +
                    (month < 10 ? "0" : "") + std::to_string(month) + "\"\nstatus = \"" +
                    statuses[(a + m) % 5] + "\"\n";
        }
        toml += "[[action.update]]\ndate = 2023-09-" + std::string(a % 28 < 9 ? "0" : "") +
                std::to_string(a % 28 + 1) + "\ntext = \"Progress reported to the board.\"\n\n";
    }
    tree.write("data/plan.toml", toml);
    std::printf("generated: %d actions, %d milestones, %.1f MB of TOML\n", actions, actions * 3,
                static_cast<double>(toml.size()) / 1e6);
    return bench::time_build(tree, {output::Format::html, output::Format::xlsx}, 5, "2,000-action plan");
}
