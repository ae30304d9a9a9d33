#pragma once
// The address book: the one place that knows where every page, PDF, workbook and media
// file of a build lives and how to reach it from any page (after Hugo's page_paths.go).
// Transforms, renderers and the CLI ask here; none of them spells a file name.
// Site paths are relative to the output's root, with '/' separators: "plan/index.html".
#include <string>

#include "model/document.hpp"

namespace planpack::model {

// Addresses of the model's pages.
Target page(const Document& doc, const Section& s, std::string fragment = {});
Target contents(const Document& doc);  // its contents page, agenda or committee page
Target contents(const std::string& folder);  // the same, by the document's folder
// Where a section is shown on the web: its own page, or the page it was borrowed from.
Target shown_at(const Document& doc, const Section& s);
Target workbook(const Document& doc, const std::string& name);  // a workbook it publishes

// Site paths.
std::string site_path(const Target& t);                        // the page or file itself
std::string page_path(const Document& doc, const Section& s);  // "plan/03-context.html"
std::string index_path(const Document& doc);                   // "plan/index.html"
std::string home_path();                                       // "index.html"
std::string accessibility_path();                              // "accessibility.html"
std::string search_path();                                     // "search.html"
std::string pdf_path(const Document& doc);                     // "plan/plan.pdf"
std::string docx_path(const Document& doc);                    // "plan/plan.docx"
std::string workbook_path(const Document& doc, const std::string& name);  // "plan/actions.xlsx"
std::string media_path(const std::string& asset);              // "media/content/img/x.png"
std::string file_path(const std::string& folder, const std::string& name);  // a file in a folder

// The public record of the committees (calendars, feeds, member pages, open data), each
// written once per site ("calendar.ics"), once per committee ("committees/ID/calendar.ics")
// or once per meeting, beside the meeting's folder rather than in it: a file in a meeting's
// folder is part of its publication, and a calendar changes when a meeting is cancelled.
std::string calendar_path(const std::string& committee_folder = {});  // all meetings, or a committee's
std::string meeting_calendar_path(const std::string& meeting_folder);  // "committees/c/m.ics"
std::string feed_path(const std::string& committee_folder = {});      // "feed.atom", "committees/c/feed.atom"
std::string members_folder();                                         // "members": its index.html lists them
std::string member_folder(const std::string& person_id);              // "members/cllr-burdess"
// Open data, under a versioned folder so a later change of shape gets a new address:
// "data/v1/meetings.csv". The folder holds the JSON, one CSV per table and the schema.
inline constexpr int open_data_version = 1;
std::string open_data_path(const std::string& name);

// The media type (RFC 6838) of a file by its name: "text/html", "application/pdf";
// "application/octet-stream" for a kind planpack does not write. No parameters: a server
// adds "; charset=utf-8" itself.
std::string media_type(const std::string& path);

// A site path as an absolute URL under [site] base_url ("https://example.org/yjs/"), for
// files read away from the site (a calendar's URL, a feed's links); empty when base_url is
// a path only ("/"), which a calendar cannot resolve.
std::string absolute_url(const std::string& base_url, const std::string& site_path);
// The domain that names the site in calendar UIDs and feed ids: base_url's host, else the
// service contact's (a web address or a mailbox), else "localhost". Ids stay as long as
// that address does.
std::string authority(const std::string& base_url, const std::string& contact);

// The URL of a site path from the page at site path `from`: from the same folder or one
// above it, the way down ("03-context.html", "plan/index.html"); from elsewhere, up to the
// site's root and down again ("../../plan/index.html").
std::string relative(const std::string& from, const std::string& to);
// A link from the page at site path `from` to a target: "#anchor" on the same page.
std::string href(const std::string& from, const Target& to);

}  // namespace planpack::model
