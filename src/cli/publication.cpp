#include "cli/publication.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "cli/build.hpp"
#include "load/project.hpp"
#include "publish/compare.hpp"
#include "publish/editions.hpp"

namespace planpack::cli {

namespace fs = std::filesystem;

std::optional<publish::Record> read_record(const Options& o, Diagnostics& diags) {
    return pipeline::read_record(settings(o), diags);
}

RecordCheck check_record(const Options& o, const pipeline::Model& m, const output::OutputTree& tree,
                         const pipeline::Printed& printed, const publish::Record& record, Diagnostics& diags) {
    RecordCheck out;
    const bool publishing = o.command == Command::publish;
    if (record.publications.empty() && !publishing) return out;
    const auto editions = publish::editions(m, tree);
    out.corrected = publish::compare(record, editions, tree, printed.text, o.formats, diags).corrected;
    if (!publishing || diags.has_errors()) return out;
    out.updated = publish::republish(record, editions, tree, printed.text, o.operands, diags);
    for (const auto& p : out.updated->publications) {
        const publish::Publication* old = record.find(p.id);
        if (!old || old->corrections != p.corrections) out.recorded.push_back(p.id);
    }
    return out;
}

bool write_record(const Options& o, const publish::Record& record, Diagnostics& diags) {
    const fs::path path = fs::path(o.root) / publish::record_file;
    const fs::path temporary = fs::path(o.root) / ("." + std::string(publish::record_file) + "-" +
                                                   std::to_string(::getpid()));
    const std::string text = publish::write_record(record);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) {
            std::error_code ec;
            fs::remove(temporary, ec);
            diags.error({publish::record_file, 0, 0}, "cannot write the publication record; the site was written, "
                                                      "so run planpack publish again once the folder is writable");
            return false;
        }
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        diags.error({publish::record_file, 0, 0}, "cannot replace the publication record: " + ec.message());
        return false;
    }
    return true;
}

}  // namespace planpack::cli
