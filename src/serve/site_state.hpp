#pragma once
// The site the preview server shows, in memory, shared between the rebuilding thread and
// the request threads. A snapshot is never changed once published: readers keep theirs
// while a rebuild makes the next.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "diag/diagnostic.hpp"
#include "output/output_tree.hpp"

namespace planpack::serve {

struct Snapshot {
    std::uint64_t generation = 0;  // changes whenever what a page shows changes
    std::shared_ptr<const output::OutputTree> pages;    // HTML, media, appendix files
    std::shared_ptr<const output::OutputTree> printed;  // PDFs and workbooks, from the background
    bool printing = false;          // the background is making printed for the latest sources
    std::vector<Diagnostic> errors;  // not empty: the latest sources do not build
};

class SiteState {
public:
    std::shared_ptr<const Snapshot> current() const;

    // A build's pages: a new generation when they differ from what is shown, or errors were.
    // printing: PDFs for these sources are on their way.
    // quiet: the change is too small to reload pages for (a PDF's size on its contents page).
    void publish_pages(output::OutputTree pages, bool printing, bool quiet = false);
    // The latest sources do not build: pages keep their assets, every page shows errors.
    void publish_errors(std::vector<Diagnostic> errors);
    // The background's PDFs and workbooks; bump: pages changed with them (a new download).
    void publish_printed(output::OutputTree printed, bool bump);

    // Waits until the generation is not seen, or timeout, or stop(); returns the current one.
    std::uint64_t wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const;
    // Waits until the background has finished printing, or timeout, or stop().
    std::shared_ptr<const Snapshot> wait_for_printed(std::chrono::milliseconds timeout) const;

    void stop();
    bool stopped() const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::shared_ptr<const Snapshot> current_ = std::make_shared<Snapshot>();
    bool stopped_ = false;
};

}  // namespace planpack::serve
