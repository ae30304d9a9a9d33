#pragma once
// Committee papers as Atom feeds (RFC 4287): one for the site and one per committee, with
// an entry when an agenda is published, when minutes are, and for the decisions they
// record. Ids are tag: URIs (RFC 4151) made from the site's domain, the meeting and what
// the entry is about, so a reader never sees an entry twice; updated dates come from the
// publication record. An exempt item shows only its title and exemption notice.
#include <map>
#include <string>

#include "load/config.hpp"
#include "model/civic.hpp"
#include "output/output_tree.hpp"

namespace planpack::render::atom {

// published: meetings' publication dates from the record, by meeting id; a meeting not yet
// recorded is dated by its agenda's issue date, which publishing records.
output::OutputTree render_feeds(const load::Config& config, const model::Civic& civic,
                                const std::map<std::string, model::Date>& published);

}  // namespace planpack::render::atom
