#include "load/meeting.hpp"

#include <set>

#include "load/config.hpp"
#include "load/corrections.hpp"
#include "load/markdown.hpp"
#include "load/people.hpp"

namespace planpack::load {

namespace fs = std::filesystem;

namespace {

data::Item read_item(const toml::table& t, const TomlOrigin& origin, const PaperPlace& place,
                     Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[item]]");
    data::Item item;
    item.pos = r.pos();
    item.id = r.string("id", true).value_or("");
    item.title = r.string("title", false).value_or("");
    item.purpose = r.string("purpose", false).value_or("");
    item.report = r.string("report", false).value_or("");
    item.report_pos = r.pos_of("report");
    item.minutes = r.string("minutes", false).value_or("");
    item.minutes_pos = r.pos_of("minutes");
    if (auto paragraph = r.integer("exempt", false)) item.exempt = static_cast<int>(*paragraph);
    item.exempt_pos = r.pos_of("exempt");
    item.appendices = read_appendices(r, place);
    r.finish();
    check_id(item.id, "item", r.pos_of("id"), diags);
    if (!item.report.empty() && !item.minutes.empty())
        diags.error(item.minutes_pos, "an item carries a report or minutes, not both");
    if (!item.report.empty() && !item.appendices.empty())
        diags.error(item.appendices.front().pos, "this item carries a report: list its appendices in "
                                                 "the report's front matter");
    if (item.title.empty() && item.report.empty() && item.minutes.empty())
        diags.error(item.pos, "the item needs a title (only a report or minutes can give it one)");
    return item;
}

data::Resolution read_resolution(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[minute.resolution]]");
    data::Resolution res;
    res.pos = r.pos();
    if (auto kind = r.string("kind", true)) {
        if (auto k = data::parse_resolution_kind(*kind)) res.kind = *k;
        else diags.error(r.pos_of("kind"), "resolution kind must be \"agreed\", \"noted\" or \"deferred\"");
    }
    res.text = r.string("text", true).value_or("");
    if (const toml::table* a = r.table("action", false)) {
        TableReader ar(*a, origin, diags, "the action");
        data::ResolutionAction action;
        action.pos = ar.pos();
        action.id = ar.string("id", true).value_or("");
        action.owner = read_ref(ar, "owner", true).value_or(data::Ref{});
        if (auto due = ar.string("due", true)) {
            if (auto d = model::parse_partial_date(*due)) action.due = *d;
            else diags.error(ar.pos_of("due"), "due must be a date (2022-11-30), a month (2022-11), a "
                                               "quarter (2022-Q4), \"ongoing\" or \"tbc\"");
        }
        ar.finish();
        check_id(action.id, "action", ar.pos_of("id"), diags);
        res.action = std::move(action);
    }
    r.finish();
    return res;
}

// The Markdown of a minute's text, with lines counted in the TOML file.
model::Blocks minute_body(TableReader& r, Diagnostics& diags) {
    const toml::node* n = r.peek("text");
    auto text = r.string("text", false);
    if (!text || !n) return {};
    // A """ string drops the line break after its opening quotes: the text starts below.
    const SourcePos at = r.origin().at(*n);
    const int first_line = at.line + (text->find('\n') != std::string::npos ? 1 : 0);
    auto body = parse_markdown(*text, r.origin().file, first_line, diags);
    if (!body) return {};
    if (!body->footnotes.empty())
        diags.error(at, "minutes cannot carry footnotes: write the note into the text");
    return std::move(body->blocks);
}

data::Minute read_minute(const toml::table& t, const TomlOrigin& origin, Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[minute]]");
    data::Minute m;
    m.pos = r.pos();
    m.item = read_ref(r, "item", true).value_or(data::Ref{});
    m.body = minute_body(r, diags);
    r.each_table("resolution", false,
                 [&](const toml::table& rt) { m.resolutions.push_back(read_resolution(rt, origin, diags)); });
    m.left = read_refs(r, "left", false);
    r.finish();
    return m;
}

}  // namespace

std::vector<data::Appendix> read_appendices(TableReader& top, const PaperPlace& place) {
    std::vector<data::Appendix> out;
    Diagnostics& diags = top.diags();
    top.each_table("appendix", false, [&](const toml::table& t) {
        TableReader r(t, top.origin(), diags, "[[appendix]]");
        data::Appendix a;
        a.pos = r.pos();
        a.id = r.string("id", true).value_or("");
        a.title = r.string("title", false).value_or("");
        a.document = r.string("document", false).value_or("");
        auto file = r.string("file", false);
        r.finish();
        check_id(a.id, "appendix", r.pos_of("id"), diags);
        if (a.document.empty() == !file.has_value()) {
            diags.error(a.pos, "an appendix is either a planpack document (document = \"ID\") or a "
                               "file (file = \"PATH\")");
        } else if (file) {
            a.source_pos = r.pos_of("file");
            a.file = (fs::path(place.dir) / *file).lexically_normal().generic_string();
            std::error_code ec;
            if (a.title.empty()) diags.error(a.pos, "an appendix that is a file needs a title");
            if (!fs::is_regular_file(place.root / a.file, ec))
                diags.error(a.source_pos, "appendix file " + a.file + " does not exist");
        } else {
            a.source_pos = r.pos_of("document");
        }
        out.push_back(std::move(a));
    });
    return out;
}

std::optional<data::CommitteeMeeting> parse_meeting(const toml::table& root, const TomlOrigin& origin,
                                           const PaperPlace& place, Diagnostics& diags) {
    const size_t mark = diags.all().size();
    data::CommitteeMeeting m;
    m.file = origin.file;
    TableReader top(root, origin, diags, origin.file);
    top.allow("schema");
    m.pos = top.pos();
    if (const toml::table* t = top.table("meeting", true)) {
        TableReader r(*t, origin, diags, "[meeting]");
        m.pos = r.pos();
        m.id = r.string("id", true).value_or("");
        m.committee_ref = read_ref(r, "committee", true).value_or(data::Ref{});
        m.date = r.date("date", true).value_or(model::Date{});
        m.time = r.time("time", false);
        m.venue = r.string("venue", false).value_or("");
        m.issued = r.date("issued", true).value_or(model::Date{});
        m.issued_pos = r.pos_of("issued");
        m.cancelled = r.date("cancelled", false);
        m.cancelled_pos = r.pos_of("cancelled");
        r.finish();
        check_id(m.id, "meeting", r.pos_of("id"), diags);
        if (m.date < m.issued) diags.error(r.pos_of("issued"), "the agenda is issued after the meeting");
        if (m.cancelled && m.date < *m.cancelled)
            diags.error(m.cancelled_pos, "the meeting is cancelled after the day it was to be held: a meeting "
                                         "that took place has minutes, not a cancellation");
    }
    top.each_table("item", true,
                   [&](const toml::table& t) { m.items.push_back(read_item(t, origin, place, diags)); });
    m.corrections = read_corrections(top, m.issued, "agenda pack");
    top.finish();
    std::set<std::string> ids;
    for (const auto& item : m.items)
        if (!item.id.empty() && !ids.insert(item.id).second)
            diags.error(item.pos, "item id '" + item.id + "' is used twice in this agenda");
    if (diags.errors_since(mark)) return std::nullopt;
    return m;
}

std::optional<data::Minutes> parse_minutes(const toml::table& root, const TomlOrigin& origin,
                                           Diagnostics& diags) {
    const size_t mark = diags.all().size();
    data::Minutes m;
    m.file = origin.file;
    TableReader top(root, origin, diags, origin.file);
    top.allow("schema");
    m.pos = top.pos();
    if (const toml::table* t = top.table("minutes", true)) {
        TableReader r(*t, origin, diags, "[minutes]");
        m.pos = r.pos();
        m.meeting = read_ref(r, "meeting", true).value_or(data::Ref{});
        m.chair = read_ref(r, "chair", true).value_or(data::Ref{});
        m.present = read_refs(r, "present", true);
        m.co_opted = read_refs(r, "co_opted", false);
        m.apologies = read_refs(r, "apologies", false);
        m.ended = r.time("ended", false);
        r.each_table("in_attendance", false, [&](const toml::table& at) {
            TableReader ar(at, origin, diags, "[[minutes.in_attendance]]");
            data::Attendee a;
            a.person = read_ref(ar, "person", true).value_or(data::Ref{});
            a.capacity = ar.string("capacity", false).value_or("");
            ar.finish();
            m.in_attendance.push_back(std::move(a));
        });
        r.each_table("substitute", false, [&](const toml::table& st) {
            TableReader sr(st, origin, diags, "[[minutes.substitute]]");
            data::Substitute sub;
            sub.person = read_ref(sr, "person", true).value_or(data::Ref{});
            sub.member = read_ref(sr, "for", true).value_or(data::Ref{});
            sr.finish();
            m.substitutes.push_back(std::move(sub));
        });
        r.finish();
    }
    top.each_table("minute", true, [&](const toml::table& t) { m.minutes.push_back(read_minute(t, origin, diags)); });
    top.finish();
    if (diags.errors_since(mark)) return std::nullopt;
    return m;
}

std::optional<data::Tracker> parse_tracker(const toml::table& root, const TomlOrigin& origin,
                                           const std::string& name, Diagnostics& diags) {
    const size_t mark = diags.all().size();
    data::Tracker tr;
    tr.name = name;
    TableReader top(root, origin, diags, origin.file);
    top.allow("schema");
    tr.pos = top.pos();
    tr.committee = read_ref(top, "committee", true).value_or(data::Ref{});
    top.each_table("recommendation", false, [&](const toml::table& t) {
        TableReader r(t, origin, diags, "[[recommendation]]");
        data::EarlierRecommendation e;
        e.pos = r.pos();
        e.id = r.string("id", true).value_or("");
        e.date = r.date("date", true).value_or(model::Date{});
        e.text = r.string("text", true).value_or("");
        if (auto due = r.string("due", true)) {
            if (auto d = model::parse_partial_date(*due)) e.due = *d;
            else diags.error(r.pos_of("due"), "due must be a date, a month (2022-11), a quarter, \"ongoing\" or \"tbc\"");
        }
        e.owner = read_ref(r, "owner", true).value_or(data::Ref{});
        r.finish();
        tr.earlier.push_back(std::move(e));
    });
    top.each_table("update", false, [&](const toml::table& t) {
        TableReader r(t, origin, diags, "[[update]]");
        data::TrackerUpdate u;
        u.pos = r.pos();
        u.action = read_ref(r, "action", true).value_or(data::Ref{});
        u.date = r.date("date", true).value_or(model::Date{});
        u.text = r.string("text", true).value_or("");
        if (auto status = r.string("status", false)) {
            u.status = data::parse_tracker_status(*status);
            if (!u.status)
                diags.error(r.pos_of("status"), "an update's status is \"in_progress\", \"complete\" or "
                                                "\"withdrawn\" (not yet due and overdue are worked out)");
        }
        r.finish();
        tr.updates.push_back(std::move(u));
    });
    top.finish();
    if (diags.errors_since(mark)) return std::nullopt;
    return tr;
}

}  // namespace planpack::load
