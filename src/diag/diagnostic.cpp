#include "diag/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace planpack {

std::string format(const Diagnostic& d) {
    std::string out = d.pos.file;
    if (d.pos.line > 0) {
        out += ':' + std::to_string(d.pos.line);
        if (d.pos.col > 0) out += ':' + std::to_string(d.pos.col);
    }
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
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

std::vector<Diagnostic> Diagnostics::sorted() const {
    auto out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.file, a.pos.line, a.pos.col) <
               std::tie(b.pos.file, b.pos.line, b.pos.col);
    });
    return out;
}

}  // namespace planpack
