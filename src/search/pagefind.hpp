#pragma once
// The public site's search index, made by Pagefind (https://pagefind.app), a program that
// reads a built site's HTML and writes a static index that the search page queries in the
// reader's browser: no server. planpack runs it on the public tree only, so restricted
// papers (--restricted-out) can never reach the index.
#include <filesystem>
#include <optional>

#include "diag/diagnostic.hpp"
#include "output/output_tree.hpp"

namespace planpack::search {

// Where the index goes in the site (templates/html/search.mustache loads it from there).
inline constexpr const char* index_folder = "pagefind/";

// The Pagefind binary: given (--pagefind) when set, else the copy scripts/setup.sh installs
// with npm under ROOT/tools/pagefind, else `pagefind` on PATH; nullopt when none is found.
std::optional<std::filesystem::path> find_pagefind(const std::filesystem::path& given,
                                                   const std::filesystem::path& root);

// Runs Pagefind on the site's HTML pages (written to a private temporary folder; nothing
// else of the site is needed) and returns the index as files under index_folder. Pages
// index only what lies inside data-pagefind-body. A Pagefind that fails is a warning and
// an empty tree: the site is published without its index, never half-written.
output::OutputTree index_site(const std::filesystem::path& pagefind, const output::OutputTree& site,
                              Diagnostics& diags);

}  // namespace planpack::search
