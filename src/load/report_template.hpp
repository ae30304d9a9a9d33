#pragma once
// Loading the committee report templates and exemption wording from templates/.
#include <filesystem>
#include <map>
#include <optional>

#include "data/report_template.hpp"

namespace planpack::load {

// What committee papers read from templates/: every report template
// (templates/reports/NAME.toml) and the exemption wording (templates/committee/exemptions.toml).
struct CommitteeTemplates {
    std::map<std::string, data::ReportTemplate> reports;  // by NAME
    data::Exemptions exemptions;
};

std::optional<CommitteeTemplates> load_committee_templates(const std::filesystem::path& templates_dir,
                                                           Diagnostics& diags);

// One template's text; file is the name messages show.
std::optional<data::ReportTemplate> parse_report_template(std::string_view text, const std::string& file,
                                                          const std::string& name, Diagnostics& diags);

}  // namespace planpack::load
