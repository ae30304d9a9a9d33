#pragma once
// Rebuilds of the HTML that redo only what a change touched: the content files whose
// text changed are parsed again (the others come from the last load), the model is
// transformed whole (numbering, cross-references and suppression run across files), and
// only the section pages whose inputs changed are rendered again. A change to anything
// else (the dependency graph's "read by everything") starts afresh. The result is
// byte-identical to a full build's (tests/unit/test_incremental.cpp).
#include <filesystem>
#include <memory>
#include <optional>
#include <set>

#include "incremental/graph.hpp"
#include "pipeline/pipeline.hpp"

namespace planpack::incremental {

struct Result {
    std::optional<pipeline::Model> model;  // empty when the sources did not load
    output::OutputTree pages;               // HTML, media/ and public appendix files
    Diagnostics diags;
    bool full = false;                       // nothing was reused
    size_t parsed = 0, rendered = 0;         // content files parsed, section pages rendered
    std::set<std::string> predicted;         // the pages the graph says read the changed files
};

class Rebuilder {
public:
    explicit Rebuilder(pipeline::Settings settings);
    ~Rebuilder();

    // changed: every file (absolute, or relative to the root) changed since the last build;
    // a content file not named is taken as unchanged without being looked at;
    // empty: not known, so everything is rebuilt. downloads, spreadsheets: for the
    // contents pages.
    Result build(const std::set<std::filesystem::path>& changed,
                 const std::map<std::string, render::html::Download>& downloads = {},
                 const std::map<std::string, std::vector<render::html::Spreadsheet>>& spreadsheets = {});

private:
    pipeline::Settings settings_;
    std::unique_ptr<load::SectionCache> sections_;
    std::unique_ptr<render::html::PageCache> pages_;
    std::optional<DependencyGraph> graph_;
};

}  // namespace planpack::incremental
