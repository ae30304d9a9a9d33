#pragma once
// The publication record, published.toml at the service's root: for every document and
// agenda pack that `planpack publish` published, its date, the corrections it was
// republished with, and a fingerprint of each file. Committed with the sources, it is what
// lets a later build refuse to change a published paper silently (docs/publishing.md).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace planpack::publish {

using model::Correction;

// Hex digits kept of each line's SHA-256: enough to find where a text changed (whether it
// changed at all is decided by the whole text's digest).
inline constexpr size_t line_print_length = 8;

struct FileRecord {
    std::string path;    // in the site: "youth-justice-plan-2023-24/index.html"
    std::string sha256;  // of the bytes as published (sha256sum of a copy should match)
    std::string text;    // SHA-256 of its text as a reader reads it: what builds compare
    // A short fingerprint of each line of that text, to find the first line that changed.
    std::vector<std::string> lines;
    SourcePos pos;  // where the record says so
};

struct Publication {
    std::string id;  // a document's id, or a meeting's (its agenda pack and papers)
    model::Date published;
    std::vector<Correction> corrections;  // those published so far, oldest first
    std::vector<FileRecord> files;        // sorted by path
    SourcePos pos;
};

struct Record {
    std::vector<Publication> publications;  // sorted by id
    const Publication* find(std::string_view id) const;
};

inline constexpr const char* record_file = "published.toml";

// Parses published.toml; errors at file:line:col. nullopt when it cannot be read at all.
std::optional<Record> parse_record(std::string_view text, const std::string& shown, Diagnostics& diags);

// The file's text, deterministic: same record, same bytes.
std::string write_record(const Record& record);

}  // namespace planpack::publish
