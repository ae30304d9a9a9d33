#include "serve/builder.hpp"

#include <chrono>
#include <optional>
#include <tuple>

namespace planpack::serve {

namespace {

using Downloads = std::map<std::string, render::html::Download>;
using Spreadsheets = std::map<std::string, std::vector<render::html::Spreadsheet>>;

bool same_downloads(const Downloads& a, const Downloads& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
               return x.first == y.first && std::tie(x.second.url, x.second.pages, x.second.bytes) ==
                                                std::tie(y.second.url, y.second.pages, y.second.bytes);
           });
}

bool same_spreadsheets(const Spreadsheets& a, const Spreadsheets& b) {
    auto row = [](const render::html::Spreadsheet& s) { return std::tie(s.url, s.title, s.bytes); };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](const auto& x, const auto& y) {
               return x.first == y.first && x.second.size() == y.second.size() &&
                      std::equal(x.second.begin(), x.second.end(), y.second.begin(),
                                 [&](const auto& p, const auto& q) { return row(p) == row(q); });
           });
}

// Which files are offered, whatever their sizes: a new download is worth a reload, a
// PDF a few bytes longer is not.
template <class Map>
bool same_names(const Map& a, const Map& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) { return x.first == y.first; });
}

bool same_offer(const Spreadsheets& a, const Spreadsheets& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
               return x.first == y.first && x.second.size() == y.second.size();
           });
}

}  // namespace

Builder::Builder(pipeline::Settings settings, SiteState& state)
    : settings_(std::move(settings)), state_(state), rebuilder_(settings_), printer_([this] { print_loop(); }) {}

Builder::~Builder() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    printer_.join();
}

void Builder::rebuild(const std::set<std::filesystem::path>& changed, std::ostream& log) {
    const auto start = std::chrono::steady_clock::now();
    Downloads downloads;
    Spreadsheets spreadsheets;
    {
        std::lock_guard lock(mutex_);
        downloads = downloads_;
        spreadsheets = spreadsheets_;
    }
    auto built = rebuilder_.build(changed, downloads, spreadsheets);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    std::lock_guard lock(mutex_);
    ++latest_;
    if (!built.model || built.diags.has_errors()) {
        for (const auto& d : built.diags.sorted()) log << format(d) << '\n';
        log << "planpack: the sources do not build; the preview shows the errors until they are fixed\n"
            << std::flush;
        pending_.reset();
        state_.publish_errors(built.diags.sorted());
        return;
    }
    state_.publish_pages(std::move(built.pages), true);
    log << "planpack: rebuilt in " << ms << " ms (" << built.parsed << " file(s) parsed, " << built.rendered
        << " section page(s) rendered" << (built.full ? ", everything" : "") << ")\n"
        << std::flush;
    pending_ = std::make_shared<const pipeline::Model>(std::move(*built.model));
    wake_.notify_all();
}

// The calendars, feeds and open data, as build writes them. Open data lists each meeting's
// files with their SHA-256, the agenda pack's PDF among them, so they are made with the
// PDFs, against the pages that will be shown with them.
void Builder::add_civic(const pipeline::Model& model, const output::OutputTree& pages, output::OutputTree& files,
                        Diagnostics& diags) const {
    const auto record = pipeline::read_record(settings_, diags);
    if (!record) return;
    output::OutputTree site = pages;
    for (const auto& [path, bytes] : files) site[path] = bytes;
    pipeline::add_files(files, pipeline::render_civic(settings_, model, site, *record, diags), diags);
}

void Builder::print_loop() {
    for (;;) {
        std::shared_ptr<const pipeline::Model> model;
        std::uint64_t build = 0;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || pending_; });
            if (quit_) return;
            model = std::move(pending_);
            pending_.reset();
            build = latest_;
        }
        Diagnostics diags;
        auto printed = pipeline::render_pdfs(settings_, *model, diags);
        auto workbooks = pipeline::render_workbooks(settings_, *model, diags);
        output::OutputTree files = std::move(printed.tree);
        pipeline::add_files(files, std::move(workbooks.tree), diags);

        std::unique_lock lock(mutex_);
        if (quit_) return;
        if (build != latest_) continue;  // the sources changed again: these are out of date
        const bool refresh = !same_downloads(printed.downloads, downloads_) ||
                             !same_spreadsheets(workbooks.spreadsheets, spreadsheets_);
        const bool offer_changed =
            !same_names(printed.downloads, downloads_) || !same_offer(workbooks.spreadsheets, spreadsheets_);
        downloads_ = printed.downloads;
        spreadsheets_ = workbooks.spreadsheets;
        // The contents and meeting pages say how long and how large each download is: when
        // those figures changed, render the pages again with them, outside the lock. The
        // open data fingerprints those pages, so it is made after them.
        lock.unlock();
        std::optional<output::OutputTree> pages;
        if (refresh) {
            Diagnostics html_diags;
            pages = pipeline::render_html(settings_, *model, printed.downloads, workbooks.spreadsheets, html_diags);
            pipeline::attach(settings_, model->attachments, false, *pages, html_diags);
            if (html_diags.has_errors()) pages.reset();
        }
        if (pages) {
            add_civic(*model, *pages, files, diags);
        } else {
            const auto shown = state_.current()->pages;
            add_civic(*model, shown ? *shown : output::OutputTree{}, files, diags);
        }
        lock.lock();
        if (quit_) return;
        if (build != latest_) continue;
        if (pages) state_.publish_pages(std::move(*pages), true, !offer_changed);
        state_.publish_printed(std::move(files), false);
    }
}

}  // namespace planpack::serve
