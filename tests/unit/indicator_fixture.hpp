#pragma once
// A small indicator catalogue and values file, read through the real loaders, for the
// loader, directive and suppression tests.
#include <string>
#include <vector>

#include "load/indicators.hpp"
#include "load/project.hpp"

namespace planpack::testing {

inline const char* catalogue_toml = R"(values = ["kpi"]

[[area]]
name = "Northtown"
kind = "service"

[[area]]
name = "England"
kind = "england"

[[indicator]]
id = "fte"
title = "First-time entrants"
definition = "Children entering the system"
group = "First-time entrants"
measure = "count"
unit = "children"
number_format = "#,##0"
higher_is_better = false

[[indicator]]
id = "cohort"
title = "Children in the cohort"
definition = "Children followed up"
group = "Reoffending"
measure = "count"
unit = "children"
number_format = "#,##0"
higher_is_better = false

[[indicator]]
id = "reoffenders"
title = "Children who reoffended"
definition = "Children in the cohort who reoffended"
group = "Reoffending"
measure = "count"
unit = "children"
number_format = "#,##0"
higher_is_better = false

[[indicator]]
id = "rate"
title = "Reoffending rate"
definition = "Share of the cohort who reoffended"
group = "Reoffending"
measure = "percent"
unit = "% of the cohort"
number_format = "0.0%"
higher_is_better = false
numerator = "reoffenders"
denominator = "cohort"

[[indicator]]
id = "ete"
title = "In education"
definition = "Children in education at the end of an order"
group = "Education"
measure = "percent"
unit = "% of children"
number_format = "0.0%"
higher_is_better = true

[[indicator]]
id = "offence_rate"
title = "Offences per 10,000"
definition = "Proven offences per 10,000 children"
group = "Offences"
measure = "rate"
unit = "per 10,000 children"
number_format = "#,##0.0"
per = 10000
higher_is_better = false
)";

inline const char* values_header =
    "indicator,area,period_label,period_type,period_start,period_end,measure,unit,value,"
    "numerator,denominator,source,as_at\n";

inline const char* good_values =
    "fte,Northtown,2021,calendar_year,2021-01-01,2021-12-31,count,children,26,,,YDS,\n"
    "fte,Northtown,2022,calendar_year,2022-01-01,2022-12-31,count,children,46,,,YDS,\n"
    "fte,England,2022,calendar_year,2022-01-01,2022-12-31,count,children,8300,,,YDS,\n"
    "cohort,Northtown,2019/20,cohort_year,2019-04-01,2020-03-31,count,children,74,,,YDS,\n"
    "cohort,Northtown,2020/21,cohort_year,2020-04-01,2021-03-31,count,children,89,,,YDS,\n"
    "reoffenders,Northtown,2019/20,cohort_year,2019-04-01,2020-03-31,count,children,23,,,YDS,\n"
    "reoffenders,Northtown,2020/21,cohort_year,2020-04-01,2021-03-31,count,children,27,,,YDS,\n"
    "ete,Northtown,2022/23,financial_year,2022-04-01,2023-03-31,percent,% of children,65.2,15,23,YDS,2023-06\n"
    "offence_rate,Northtown,2022/23,financial_year,2022-04-01,2023-03-31,rate,\"per 10,000 children\",142.4,180,12641,Local,2023-06-30\n";

// The data set a service with these files would load; diags gets every message.
inline load::DataSet indicator_data(const std::string& values, Diagnostics& diags,
                                    const std::string& catalogue = catalogue_toml) {
    load::DataSet data;
    std::vector<std::string> files;
    auto table = load::parse_toml(catalogue, {"data/indicators.toml", 0}, diags);
    if (!table) return data;
    auto set = load::read_catalogue(*table, {"data/indicators.toml", 0}, files, diags);
    if (!set) {
        data.indicators_broken = true;
        return data;
    }
    auto csv = load::parse_csv(values_header + values, "data/kpi.csv", diags);
    if (csv) load::read_values(*set, *csv, diags);
    if (set->values_ok) load::finish_values(*set, diags);
    data.indicators = std::move(*set);
    return data;
}

inline std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& x : d.sorted()) out.push_back(format(x));
    return out;
}

}  // namespace planpack::testing
