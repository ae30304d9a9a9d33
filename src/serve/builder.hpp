#pragma once
// Rebuilds the preview when the sources change: the HTML at once, then the PDFs and
// workbooks on a thread of their own, so a page is never held up by a PDF.
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

#include "incremental/rebuild.hpp"
#include "pipeline/pipeline.hpp"
#include "serve/site_state.hpp"

namespace planpack::serve {

class Builder {
public:
    Builder(pipeline::Settings settings, SiteState& state);
    ~Builder();  // waits for the PDFs under way
    Builder(const Builder&) = delete;
    Builder& operator=(const Builder&) = delete;

    // Builds the HTML from the sources as they are now and publishes it, or the errors.
    // changed: the files that changed since the last call (empty: not known, rebuild all).
    // log: one line per build, and the errors.
    void rebuild(const std::set<std::filesystem::path>& changed, std::ostream& log);

private:
    void print_loop();
    void add_civic(const pipeline::Model& model, const output::OutputTree& pages, output::OutputTree& files,
                   Diagnostics& diags) const;

    pipeline::Settings settings_;
    SiteState& state_;
    incremental::Rebuilder rebuilder_;  // used by rebuild() only

    std::mutex mutex_;
    std::condition_variable wake_;
    std::shared_ptr<const pipeline::Model> pending_;  // sources the PDFs should be made from
    std::uint64_t latest_ = 0;                         // the newest build's number
    bool quit_ = false;
    // What the contents pages say about downloads, from the latest PDFs and workbooks.
    std::map<std::string, render::html::Download> downloads_;
    std::map<std::string, std::vector<render::html::Spreadsheet>> spreadsheets_;

    std::thread printer_;  // last: started once everything above exists
};

}  // namespace planpack::serve
