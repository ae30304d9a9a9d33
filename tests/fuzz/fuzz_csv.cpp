// CSV: a data table, a budget read from it, and indicator values against the unit tests'
// small catalogue (its values file is "kpi").
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/budget.hpp"
#include "load/csv_table.hpp"
#include "load/indicators.hpp"
#include "load/toml_reader.hpp"
#include "indicator_fixture.hpp"  // the unit tests' catalogue: breakdowns, rates, areas

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace planpack;
    const std::string text(reinterpret_cast<const char*>(data), size);
    Diagnostics diags;
    if (auto csv = load::parse_csv(text, "data/x.csv", diags)) data::parse_budget(*csv, diags);
    Diagnostics cat_diags;
    auto table = load::parse_toml(testing::catalogue_toml, {"data/indicators.toml", 0}, cat_diags);
    std::vector<std::string> files;
    if (table)
        if (auto set = load::read_catalogue(*table, {"data/indicators.toml", 0}, files, cat_diags)) {
            load::read_values(*set, text, "data/kpi.csv", diags);
            if (!diags.has_errors()) load::finish_values(*set, diags);
        }
    return 0;
}
