// The recommendations tracker: every recommendation a committee has made, with who is
// responsible, the latest update and its status on the document's date (its meeting's).
#include <algorithm>

#include "data/tracker.hpp"
#include "model/builders.hpp"
#include "transform/committee/names.hpp"
#include "transform/directives/directive.hpp"

namespace planpack::transform::directives {

namespace {

using model::text;

// The recommendation's date, linked to the minute that made it.
model::TableCell date_cell(const data::TrackerRow& row, const load::DataSet& data, const model::Document& doc) {
    model::TableCell c(text(model::format_long(row.date)));
    c.value = {row.date, "d mmmm yyyy"};
    if (row.meeting.empty()) return c;
    auto m = std::find_if(data.papers.meetings.begin(), data.papers.meetings.end(),
                          [&](const auto& x) { return x.id == row.meeting; });
    if (m == data.papers.meetings.end()) return c;
    auto item = std::find_if(m->items.begin(), m->items.end(), [&](const auto& i) { return i.id == row.item; });
    const std::string url = model::root_prefix(doc) + "committees/" + m->committee_ref.id + "/" + m->id +
                            "/minutes.html#minute-" + std::to_string(item - m->items.begin() + 1);
    c.content = {model::link(url, text(model::format_long(row.date)))};
    return c;
}

}  // namespace

// ```planpack recommendations-tracker: committee = "NAME"
std::optional<model::Blocks> recommendations_tracker(Input& in) {
    auto committee = in.params.string("committee", true);
    if (!committee) return std::nullopt;
    auto c = in.data.committees.find(*committee);
    if (c == in.data.committees.end()) {
        if (!in.data.broken.count(*committee))
            in.diags.error(in.params.pos_of("committee"), "no committee data/" + *committee +
                                                              ".toml (a TOML file with schema = \"committee/1\")");
        return std::nullopt;
    }
    const data::Tracker* tracker = nullptr;
    for (const auto& [name, t] : in.data.trackers)
        if (t.committee.id == *committee) tracker = &t;
    const model::Date as_of = in.context.as_of_for(in.document);
    const auto rows = data::tracker_rows(*committee, in.data.papers.meetings, in.data.papers.minutes, tracker, as_of);
    const committee::Names names(in.data.people, in.context.privacy);

    model::Table t;
    t.id = "tracker-" + *committee;
    t.caption = text("Progress on the " + c->second.name + "'s recommendations as at " + model::format_long(as_of));
    t.head.push_back({{model::TableCell(text("Date of recommendation")), model::TableCell(text("Recommendation")),
                       model::TableCell(text("Target date")), model::TableCell(text("Responsible officer")),
                       model::TableCell(text("Latest update")), model::TableCell(text("Status"))}});
    t.aligns.assign(6, model::Align::left);
    for (const auto& row : rows) {
        model::TableCell status(text(data::label(row.status)));
        status.style = std::string("tracker-") + data::key(row.status);
        model::TableCell recommendation(text(row.text));
        recommendation.id = "rec-" + row.id;
        t.body.push_back({{date_cell(row, in.data, in.document), std::move(recommendation),
                           model::TableCell(text(model::format_partial(row.due))),
                           model::TableCell(text(names.with_role(row.owner, as_of))),
                           model::TableCell(text(row.update.empty() ? "None yet" : row.update)), std::move(status)}});
    }
    if (rows.empty()) t.body.push_back({{model::TableCell(text("No recommendations yet")), {}, {}, {}, {}, {}}});
    t.notes.push_back(text("Overdue: the target date has passed without an update saying the recommendation is "
                           "complete. Not yet due: the target date is still to come."));
    return model::Blocks{model::Block{std::move(t)}};
}

}  // namespace planpack::transform::directives
