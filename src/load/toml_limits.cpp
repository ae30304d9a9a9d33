#include "load/toml_limits.hpp"

#include <string>

#include "load/toml_reader.hpp"

namespace planpack::load {

namespace {

// Walks the text once, skipping strings and comments, so dots, brackets and braces are
// counted only where TOML gives them meaning.
class Scanner {
public:
    Scanner(std::string_view text, const TomlOrigin& origin, Diagnostics& diags, const TomlLimits& limits)
        : t_(text), origin_(origin), diags_(diags), limits_(limits) {}

    bool run() {
        if (t_.size() > limits_.max_bytes)
            return fail(1, 1, "the TOML here is " + std::to_string(t_.size() >> 10) + " KiB; the most planpack reads is " +
                                  std::to_string(limits_.max_bytes >> 20) + " MiB. Split it into smaller files");
        while (i_ < t_.size()) {
            const char c = t_[i_];
            if (c == '\n') {
                newline();
                continue;
            }
            if (i_ - line_start_ >= limits_.max_line)
                return fail(line_, col(), "this line is longer than " + std::to_string(limits_.max_line >> 10) +
                                              " KiB; break it up (arrays may span lines)");
            if (c == '#') {
                skip_to_newline();
                continue;
            }
            if (c == '"' || c == '\'') {
                if (!skip_string(c)) return false;
                continue;
            }
            if (!step(c)) return false;
            ++i_;
        }
        return true;
    }

private:
    // One character outside strings and comments.
    bool step(char c) {
        switch (c) {
            case '.':
                if (++dots_ >= limits_.max_key_parts)
                    return fail(part_line_, part_col_, "a dotted key here has more than " +
                                                           std::to_string(limits_.max_key_parts) +
                                                           " parts; nest the data less deeply");
                return true;
            case '[':
                if (depth_ == 0 && !in_value_) break;  // a [table] or [[array]] header
                return open();
            case '{': return open();
            case ']':
            case '}':
                if (depth_ > 0) --depth_;
                break;
            case '=':
                if (depth_ == 0) in_value_ = true;
                break;
            case ',': break;
            case ' ':
            case '\t':
            case '\r': return true;
            default:
                if (dots_ == 0 && !in_part_) {
                    part_line_ = line_;
                    part_col_ = col();
                }
                in_part_ = true;
                return true;
        }
        reset_key();
        return true;
    }

    bool open() {
        if (++depth_ > limits_.max_nesting)
            return fail(line_, col(), "arrays and inline tables are nested more than " +
                                          std::to_string(limits_.max_nesting) + " levels deep here");
        reset_key();
        return true;
    }

    void reset_key() {
        dots_ = 0;
        in_part_ = false;
    }

    void newline() {
        ++i_;
        ++line_;
        line_start_ = i_;
        if (depth_ == 0) in_value_ = false;
        reset_key();
    }

    void skip_to_newline() {
        while (i_ < t_.size() && t_[i_] != '\n') ++i_;
    }

    // A quoted key part or a string value: "…", '…', """…""" or '''…'''.
    bool skip_string(char q) {
        if (dots_ == 0 && !in_part_) {
            part_line_ = line_;
            part_col_ = col();
        }
        in_part_ = true;
        const bool triple = t_.substr(i_, 3) == std::string(3, q);
        i_ += triple ? 3 : 1;
        while (i_ < t_.size()) {
            const char c = t_[i_];
            if (c == '\\' && q == '"') {
                i_ += 2;
                continue;
            }
            if (c == '\n') {
                if (!triple) return true;  // toml++ reports the unclosed string
                ++line_;
                line_start_ = i_ + 1;
            } else if (i_ - line_start_ >= limits_.max_line) {
                return fail(line_, col(), "this line is longer than " + std::to_string(limits_.max_line >> 10) +
                                              " KiB; break it up");
            } else if (c == q && (!triple || t_.substr(i_, 3) == std::string(3, q))) {
                i_ += triple ? 3 : 1;
                while (triple && i_ < t_.size() && t_[i_] == q) ++i_;  // """a"""" ends with a quote
                return true;
            }
            ++i_;
        }
        return true;
    }

    int col() const { return static_cast<int>(i_ - line_start_) + 1; }

    bool fail(int line, int col, std::string message) {
        diags_.error({origin_.file, line + origin_.line_offset, col}, std::move(message));
        return false;
    }

    std::string_view t_;
    const TomlOrigin& origin_;
    Diagnostics& diags_;
    const TomlLimits& limits_;
    size_t i_ = 0, line_start_ = 0;
    int line_ = 1;
    int depth_ = 0, dots_ = 0;
    bool in_value_ = false, in_part_ = false;
    int part_line_ = 1, part_col_ = 1;
};

}  // namespace

bool within_toml_limits(std::string_view text, const TomlOrigin& origin, Diagnostics& diags,
                        const TomlLimits& limits) {
    return Scanner(text, origin, diags, limits).run();
}

}  // namespace planpack::load
