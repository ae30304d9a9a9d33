#include "serve/site_state.hpp"

#include <tuple>

namespace planpack::serve {

namespace {

bool same(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
    auto key = [](const Diagnostic& d) { return std::tie(d.severity, d.pos.file, d.pos.line, d.pos.col, d.message); };
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (key(a[i]) != key(b[i])) return false;
    return true;
}

}  // namespace

std::shared_ptr<const Snapshot> SiteState::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

void SiteState::publish_pages(output::OutputTree pages, bool printing, bool quiet) {
    std::lock_guard lock(mutex_);
    auto next = std::make_shared<Snapshot>(*current_);
    const bool changed = !current_->errors.empty() || !current_->pages || *current_->pages != pages;
    next->pages = std::make_shared<const output::OutputTree>(std::move(pages));
    next->errors.clear();
    next->printing = printing;
    if (changed && !quiet) ++next->generation;
    current_ = std::move(next);
    changed_.notify_all();
}

void SiteState::publish_errors(std::vector<Diagnostic> errors) {
    std::lock_guard lock(mutex_);
    if (!current_->errors.empty() && same(current_->errors, errors)) return;
    auto next = std::make_shared<Snapshot>(*current_);
    next->errors = std::move(errors);
    next->printing = false;
    ++next->generation;
    current_ = std::move(next);
    changed_.notify_all();
}

void SiteState::publish_printed(output::OutputTree printed, bool bump) {
    std::lock_guard lock(mutex_);
    auto next = std::make_shared<Snapshot>(*current_);
    next->printed = std::make_shared<const output::OutputTree>(std::move(printed));
    next->printing = false;
    if (bump) ++next->generation;
    current_ = std::move(next);
    changed_.notify_all();
}

std::uint64_t SiteState::wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return stopped_ || current_->generation != seen; });
    return current_->generation;
}

std::shared_ptr<const Snapshot> SiteState::wait_for_printed(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [&] { return stopped_ || !current_->printing; });
    return current_;
}

void SiteState::stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
}

bool SiteState::stopped() const {
    std::lock_guard lock(mutex_);
    return stopped_;
}

}  // namespace planpack::serve
