#pragma once
// A cheap scan of TOML text before toml++ sees it. toml++ 3.3 recurses once per dotted-key
// part and per nested table, so `a.a.a…` with tens of thousands of parts overflows the
// stack (SIGSEGV); nothing a service writes comes near these bounds.
#include <cstddef>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace planpack::load {

struct TomlOrigin;

struct TomlLimits {
    size_t max_bytes = 8u << 20;   // a whole file or front matter
    size_t max_line = 64u << 10;   // bytes on one line
    int max_key_parts = 32;        // a.b.c is three parts
    int max_nesting = 32;          // arrays and inline tables inside one another
};

// Reports the first bound the text passes, at its file:line:col; true when within all.
bool within_toml_limits(std::string_view text, const TomlOrigin& origin, Diagnostics& diags,
                        const TomlLimits& limits = {});

}  // namespace planpack::load
