#pragma once
// A build's two publications, assembled from the model: the public site and, kept apart,
// the restricted papers. What is public is decided here, once, for build and check alike;
// the command line only says which formats and whether restricted papers are wanted.
#include "output/format.hpp"
#include "output/output_tree.hpp"
#include "pipeline/pipeline.hpp"
#include "publish/record.hpp"

namespace planpack::pipeline {

struct Publications {
    output::OutputTree site;        // the public site
    output::OutputTree restricted;  // exempt papers, whole agenda packs, their images and appendices
    size_t exempt_sections = 0;     // sections kept out of the public site
    Printed printed;                // the PDFs' downloads, timings and text (their files are in site)
};

// Renders every format asked for, the PDFs first (the HTML says how long and how large
// each is), the committees' calendars, feeds and open data last (open data fingerprints
// the meetings' files as published). restricted: also render the exempt papers (for
// --restricted-out, and for check, which renders everything to find faults); otherwise
// they are left unrendered and `restricted` is empty.
Publications assemble(const Settings& s, const Model& m, const output::Formats& formats,
                      const publish::Record& record, bool restricted, Diagnostics& diags);

}  // namespace planpack::pipeline
