#include "diag/diagnostic.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include <unistd.h>

namespace planpack {

bool use_colour(int fd) {
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour && *no_colour) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string(term) == "dumb") return false;
    return isatty(fd) == 1;
}

std::string format(const Diagnostic& d, bool colour) {
    std::string out = d.pos.file;
    if (d.pos.line > 0) {
        out += ':' + std::to_string(d.pos.line);
        if (d.pos.col > 0) out += ':' + std::to_string(d.pos.col);
    }
    const bool error = d.severity == Severity::error;
    if (colour) out = "\033[1m" + out + ":\033[0m " + (error ? "\033[1;31merror:" : "\033[1;35mwarning:") + "\033[0m ";
    else out += error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

void Diagnostics::error(SourcePos pos, std::string message) {
    items_.push_back({Severity::error, std::move(pos), std::move(message)});
}

void Diagnostics::warning(SourcePos pos, std::string message) {
    items_.push_back({Severity::warning, std::move(pos), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

bool Diagnostics::errors_since(size_t mark) const {
    return std::any_of(items_.begin() + static_cast<std::ptrdiff_t>(std::min(mark, items_.size())),
                       items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::vector<Diagnostic> Diagnostics::sorted(size_t stage_end) const {
    auto out = items_;
    const auto middle = out.begin() + static_cast<std::ptrdiff_t>(std::min(stage_end, out.size()));
    auto by_place = [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.file, a.pos.line, a.pos.col) < std::tie(b.pos.file, b.pos.line, b.pos.col);
    };
    std::stable_sort(out.begin(), middle, by_place);
    std::stable_sort(middle, out.end(), by_place);
    return out;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    auto out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.file, a.pos.line, a.pos.col) <
               std::tie(b.pos.file, b.pos.line, b.pos.col);
    });
    return out;
}

}  // namespace planpack
