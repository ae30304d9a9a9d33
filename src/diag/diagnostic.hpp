#pragma once
// Diagnostics are values: loaders and transforms append them, only the CLI prints.
#include <string>
#include <vector>

namespace planpack {

struct SourcePos {
    std::string file;  // path as the user should see it (relative to the root)
    int line = 0;      // 1-based; 0 when the whole file is meant
    int col = 0;       // 1-based; 0 when unknown
};

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    SourcePos pos;
    std::string message;
};

// "file:line:col: error: message", the format compilers use, so editors jump to it.
// colour: "error" and "warning" in bold red / magenta, as GCC does on a terminal.
std::string format(const Diagnostic& d, bool colour = false);

// Whether to colour what goes to this file descriptor: a terminal, and NO_COLOR
// (no-color.org) unset or empty.
bool use_colour(int fd);

class Diagnostics {
public:
    void error(SourcePos pos, std::string message);
    void warning(SourcePos pos, std::string message);
    void append(const Diagnostics& other);

    bool has_errors() const;
    // Whether an error was added after all().size() was mark: did this one load fail?
    bool errors_since(size_t mark) const;
    const std::vector<Diagnostic>& all() const { return items_; }
    // Sorted by file, line, column so output is stable whatever order passes ran in.
    std::vector<Diagnostic> sorted() const;
    // The same, in two stages: the first `stage_end` diagnostics (what loading found,
    // the root causes), then the rest (what later passes found).
    std::vector<Diagnostic> sorted(size_t stage_end) const;
    // Replaces diagnostic i (an index into all()): a later, better explanation of the
    // same fault, so one slip is reported once.
    void replace(size_t i, Diagnostic d) { items_.at(i) = std::move(d); }

private:
    std::vector<Diagnostic> items_;
};

}  // namespace planpack
