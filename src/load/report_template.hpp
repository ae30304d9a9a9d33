#pragma once
// Loading what committee papers take from templates/: report templates, the exemption
// wording and bank holidays.
#include <filesystem>
#include <map>
#include <optional>

#include "data/report_template.hpp"
#include "data/working_days.hpp"

namespace planpack::load {

// What committee papers read from templates/: every report template
// (templates/reports/NAME.toml), the exemption wording (templates/committee/exemptions.toml)
// and the bank holidays notice periods leave out (templates/committee/bank-holidays.toml).
struct CommitteeTemplates {
    std::map<std::string, data::ReportTemplate> reports;  // by NAME
    data::Exemptions exemptions;
    data::BankHolidays bank_holidays;
};

std::optional<CommitteeTemplates> load_committee_templates(const std::filesystem::path& templates_dir,
                                                           Diagnostics& diags);

// One template's text; file is the name messages show.
std::optional<data::ReportTemplate> parse_report_template(std::string_view text, const std::string& file,
                                                          const std::string& name, Diagnostics& diags);

// templates/committee/bank-holidays.toml's text; file is the name messages show.
std::optional<data::BankHolidays> parse_bank_holidays(std::string_view text, const std::string& file,
                                                      Diagnostics& diags);

}  // namespace planpack::load
