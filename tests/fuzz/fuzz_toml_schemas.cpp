// Each TOML schema loader on arbitrary TOML: the first byte picks the loader, the rest is
// the file (so one corpus serves all, and a seed of any schema can mutate into another).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "load/action_plan.hpp"
#include "load/board.hpp"
#include "load/config.hpp"
#include "load/indicators.hpp"
#include "load/meeting.hpp"
#include "load/people.hpp"
#include "load/report_template.hpp"
#include "load/toml_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace planpack;
    if (size < 1) return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    Diagnostics diags;
    const load::TomlOrigin origin{"data/x.toml", 0};
    switch (data[0] % 10) {
        case 0: load::parse_config(text, "planpack.toml", diags); return 0;
        case 1: load::parse_report_template(text, "templates/reports/x.toml", "x", diags); return 0;
        default: break;
    }
    auto table = load::parse_toml(text, origin, diags);
    if (!table) return 0;
    switch (data[0] % 10) {
        case 2: load::parse_action_plan(*table, origin, "x", diags); break;
        case 3: load::parse_board(*table, origin, "x", {}, diags); break;
        case 4: load::parse_people(*table, origin, diags); break;
        case 5: load::parse_committee(*table, origin, "x", diags); break;
        case 6: load::parse_meeting(*table, origin, {"/nonexistent", "meetings/x"}, diags); break;
        case 7: load::parse_minutes(*table, origin, diags); break;
        case 8: load::parse_tracker(*table, origin, "x", diags); break;
        default: {
            std::vector<std::string> files;
            load::read_catalogue(*table, origin, files, diags);
        }
    }
    return 0;
}
