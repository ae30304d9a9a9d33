#include "render/atom/feed.hpp"

#include <algorithm>
#include <tuple>

#include "model/paths.hpp"
#include "render/html/escape.hpp"

namespace planpack::render::atom {

namespace {

using html::escape;

struct Entry {
    std::string id, title, link, summary;
    model::Date updated;
};

std::string timestamp(const model::Date& d) { return model::format_iso(d) + "T00:00:00Z"; }

class Feeds {
public:
    Feeds(const load::Config& cfg, const model::Civic& civic, const std::map<std::string, model::Date>& published)
        : cfg_(cfg), civic_(civic), published_(published), authority_(model::authority(cfg.base_url, cfg.contact)) {
        // The tag date of a feed's own id: the first agenda the site holds, which later
        // meetings do not move.
        for (const auto& m : civic.meetings)
            if (!first_ || m.issued < *first_) first_ = m.issued;
    }

    // The feed at `path` of the meetings `take` accepts; `page` is the site path of the
    // page it stands for.
    template <typename Take>
    std::string feed(const std::string& path, const std::string& title, const std::string& page, Take take) const {
        std::vector<Entry> entries;
        for (const auto& m : civic_.meetings)
            if (take(m)) add_entries(m, path, entries);
        // Newest first; ties in id order, so the bytes never depend on the input's order.
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            return std::tie(b.updated, a.id) < std::tie(a.updated, b.id);
        });
        model::Date updated = first_.value_or(model::Date{});
        for (const auto& e : entries) updated = std::max(updated, e.updated);
        std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + escape(cfg_.language) + "\"";
        const std::string base = model::absolute_url(cfg_.base_url, path);
        if (!base.empty()) out += " xml:base=\"" + escape(base) + "\"";
        out += ">\n";
        out += "  <id>" + escape(tag(first_.value_or(model::Date{}), path)) + "</id>\n";
        out += "  <title>" + escape(title) + "</title>\n";
        out += "  <updated>" + timestamp(updated) + "</updated>\n";
        out += "  <author><name>" + escape(cfg_.local_authority) + "</name></author>\n";
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + escape(href(path, path)) + "\"/>\n";
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + escape(href(path, page)) + "\"/>\n";
        out += "  <generator version=\"" PLANPACK_VERSION "\">planpack</generator>\n";
        for (const auto& e : entries) {
            out += "  <entry>\n";
            out += "    <id>" + escape(e.id) + "</id>\n";
            out += "    <title>" + escape(e.title) + "</title>\n";
            out += "    <updated>" + timestamp(e.updated) + "</updated>\n";
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + escape(e.link) + "\"/>\n";
            out += "    <summary type=\"text\">" + escape(e.summary) + "</summary>\n";
            out += "  </entry>\n";
        }
        out += "</feed>\n";
        return out;
    }

private:
    std::string tag(const model::Date& d, const std::string& specific) const {
        return "tag:" + authority_ + "," + model::format_iso(d) + ":" + specific;
    }

    // Links relative to the feed (xml:base makes them absolute where the site has an address).
    static std::string href(const std::string& feed, const std::string& to) { return model::relative(feed, to); }

    void add_entries(const model::CivicMeeting& m, const std::string& feed, std::vector<Entry>& out) const {
        const auto* c = civic_.committee(m.committee);
        const std::string name = c ? c->name : m.committee;
        const auto recorded = published_.find(m.id);
        const model::Date issued = recorded != published_.end() ? recorded->second : m.issued;
        std::string items;
        for (const auto& i : m.items) {
            items += "\n" + std::to_string(i.number) + ". " + i.title;
            if (!i.notice.empty()) items += " (" + i.notice + ")";
        }
        const std::string when = std::string(model::weekday(m.date)) + " " + model::format_long(m.date) +
                                 (m.start ? " at " + model::format_time(*m.start) : "");
        out.push_back({tag(m.issued, model::site_path(m.agenda)), "Agenda: " + name + ", " + model::format_long(m.date),
                       href(feed, model::site_path(m.agenda)),
                       "The agenda for the meeting on " + when + (m.venue.empty() ? "" : ", " + m.venue) + "." +
                           (m.cancelled ? " The meeting has since been cancelled." : "") + items,
                       issued});
        if (!m.minutes) return;
        const std::string minutes = model::site_path(*m.minutes);
        out.push_back({tag(m.date, minutes), "Minutes: " + name + ", " + model::format_long(m.date),
                       href(feed, minutes), "The minutes of the meeting on " + when + ".", m.date});
        if (m.decisions.empty()) return;
        std::string decisions = "Decisions of the meeting on " + when + ":";
        for (const auto& d : m.decisions) {
            const auto item = std::find_if(m.items.begin(), m.items.end(), [&](const auto& i) { return i.number == d.item; });
            decisions += "\n" + std::to_string(d.item) + ". " + (item != m.items.end() ? item->title : "") + " (" +
                         d.kind + "): " + d.text;
        }
        out.push_back({tag(m.date, minutes + "/decisions"), "Decisions: " + name + ", " + model::format_long(m.date),
                       href(feed, minutes), decisions, m.date});
    }

    const load::Config& cfg_;
    const model::Civic& civic_;
    const std::map<std::string, model::Date>& published_;
    std::string authority_;
    std::optional<model::Date> first_;
};

}  // namespace

output::OutputTree render_feeds(const load::Config& config, const model::Civic& civic,
                                const std::map<std::string, model::Date>& published) {
    output::OutputTree tree;
    if (civic.meetings.empty()) return tree;
    Feeds feeds(config, civic, published);
    const std::string all = model::feed_path();
    tree[all] = feeds.feed(all, config.local_authority + ": committee papers", model::home_path(),
                           [](const auto&) { return true; });
    for (const auto& c : civic.committees) {
        const std::string path = model::feed_path(c.folder);
        tree[path] = feeds.feed(path, c.name + ": papers", model::site_path(model::contents(c.folder)),
                                [&](const model::CivicMeeting& m) { return m.committee == c.id; });
    }
    return tree;
}

}  // namespace planpack::render::atom
