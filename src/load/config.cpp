#include "load/config.hpp"

#include <algorithm>

#include "load/corrections.hpp"
#include "load/toml_reader.hpp"

namespace planpack::load {

namespace {

bool is_web_address(const std::string& s) {
    return (s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0) && s.find(' ') == std::string::npos;
}

bool is_email_address(const std::string& s) {
    const auto at = s.find('@');
    return at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos &&
           s.find_first_of(" <>\"", 0) == std::string::npos && s.find('@', at + 1) == std::string::npos;
}

// The kinds a [[document]] may state; committee papers are made, never stated.
constexpr model::DocumentKind stated_kinds[] = {model::DocumentKind::annual_plan, model::DocumentKind::board_pack};

// nullptr when name is not one. A pointer, not an optional: GCC 12's -O3 takes the
// optional's value for uninitialised (-Wmaybe-uninitialized) in read_document.
const model::DocumentKind* parse_document_kind(std::string_view name) {
    for (const auto& k : stated_kinds)
        if (model::to_string(k) == name) return &k;
    return nullptr;
}

std::optional<DocumentConfig> read_document(const toml::table& t, const TomlOrigin& origin,
                                            Diagnostics& diags) {
    TableReader r(t, origin, diags, "[[document]]");
    DocumentConfig doc;
    doc.pos = r.pos();
    auto id = r.string("id", true);
    auto kind = r.string("kind", true);
    auto title = r.string("title", true);
    auto start = r.date("period_start", true);
    auto end = r.date("period_end", true);
    doc.draft = r.boolean("draft", false).value_or(false);
    auto published = r.date("published", !doc.draft);
    auto as_of = r.date("as_of", false);
    doc.meeting = r.string("meeting", false).value_or("");
    doc.meeting_pos = r.pos_of("meeting");
    doc.corrections = read_corrections(r, published, "document");
    r.finish();
    if (id && !valid_id(*id))
        diags.error(r.pos_of("id"), "document id '" + *id +
                                        "' may hold only lower-case letters, digits and '-'");
    const model::DocumentKind* known = kind ? parse_document_kind(*kind) : nullptr;
    if (kind && !known)
        diags.error(r.pos_of("kind"), "unknown document kind '" + *kind + "' (expected: annual_plan, board_pack)");
    if (!doc.meeting.empty() && kind && (!known || *known != model::DocumentKind::board_pack))
        diags.error(doc.meeting_pos, "only a board pack names a meeting (kind = \"board_pack\"); this "
                                     "document is " + *kind);
    if (start && end && *end < *start)
        diags.error(r.pos_of("period_end"), "period_end " + model::format_iso(*end) +
                                                " is before period_start " +
                                                model::format_iso(*start));
    if (!id || !kind || !title || !start || !end || (!published && !doc.draft)) return std::nullopt;
    doc.id = *id;
    doc.kind = known ? *known : model::DocumentKind::annual_plan;
    doc.title = *title;
    doc.period_start = *start;
    doc.period_end = *end;
    doc.undated = !published;
    // An undated draft is judged, and its files dated, at as_of or the start of its period.
    doc.published = published ? *published : as_of.value_or(*start);
    doc.as_of = as_of;
    return doc;
}

}  // namespace

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

void check_id(const std::string& id, std::string_view what, const SourcePos& pos, Diagnostics& diags) {
    if (!id.empty() && !valid_id(id))
        diags.error(pos, std::string(what) + " id '" + id + "' may hold only lower-case letters, digits and '-'");
}

std::optional<Config> parse_config(std::string_view text, const std::string& file,
                                   Diagnostics& diags) {
    const TomlOrigin origin{file, 0};
    auto root = parse_toml(text, origin, diags);
    if (!root) return std::nullopt;
    const size_t errors_before = diags.all().size();

    Config cfg;
    TableReader top(*root, origin, diags, file);
    if (const toml::table* service = top.table("service", true)) {
        TableReader r(*service, origin, diags, "[service]");
        cfg.service_name = r.string("name", true).value_or("");
        cfg.local_authority = r.string("local_authority", true).value_or("");
        cfg.contact = r.string("contact", false).value_or("");
        if (!cfg.contact.empty() && !is_web_address(cfg.contact) && !is_email_address(cfg.contact))
            diags.error(r.pos_of("contact"),
                        "contact must be an email address (such as youth.justice@example.gov.uk) or a web "
                        "address starting https://, not '" + cfg.contact + "'");
        cfg.accessibility_statement = r.string("accessibility_statement", false).value_or("");
        if (!cfg.accessibility_statement.empty() && !is_web_address(cfg.accessibility_statement))
            diags.error(r.pos_of("accessibility_statement"),
                        "accessibility_statement must be the web address of the council's statement, starting "
                        "https://; leave it out and planpack writes one for these publications");
        r.finish();
    }
    if (const toml::table* site = top.table("site", false)) {
        TableReader r(*site, origin, diags, "[site]");
        cfg.language = r.string("language", false).value_or(cfg.language);
        cfg.base_url = r.string("base_url", false).value_or(cfg.base_url);
        r.finish();
        if (cfg.base_url.empty() || cfg.base_url.back() != '/') cfg.base_url += '/';
    }
    if (const toml::table* privacy = top.table("privacy", false)) {
        TableReader r(*privacy, origin, diags, "[privacy]");
        if (auto names = r.string("names", false)) {
            if (*names == "full") cfg.privacy.names = data::NameMode::full;
            else if (*names == "members-only") cfg.privacy.names = data::NameMode::members_only;
            else if (*names != "roles-only")
                diags.error(r.pos_of("names"), "names must be \"full\", \"members-only\" or \"roles-only\"");
        }
        if (auto contacts = r.string("contacts", false)) {
            if (*contacts == "all") cfg.privacy.contacts = data::ContactMode::all;
            else if (*contacts != "generic-only")
                diags.error(r.pos_of("contacts"), "contacts must be \"all\" or \"generic-only\"");
        }
        r.finish();
    }
    top.each_table("council_priority", false, [&](const toml::table& t) {
        TableReader r(t, origin, diags, "[[council_priority]]");
        CouncilPriority p{r.string("id", true).value_or(""), r.string("text", true).value_or(""), r.pos()};
        r.finish();
        for (const auto& other : cfg.priorities)
            if (!p.id.empty() && other.id == p.id) diags.error(p.pos, "duplicate council priority id '" + p.id + "'");
        cfg.priorities.push_back(std::move(p));
    });
    if (const toml::table* sup = top.table("suppression", false)) {
        TableReader r(*sup, origin, diags, "[suppression]");
        auto threshold = r.integer("threshold", false);
        auto marker = r.string("marker", false);
        auto secondary = r.string("secondary_marker", false);
        r.finish();
        if (threshold && (*threshold < 1 || *threshold > 1000))
            diags.error(r.pos_of("threshold"), "threshold must be a whole number from 1 to 1000");
        else if (threshold)
            cfg.suppression.threshold = static_cast<int>(*threshold);
        cfg.suppression.marker = marker.value_or("<" + std::to_string(cfg.suppression.threshold));
        cfg.suppression.secondary_marker = secondary.value_or(cfg.suppression.secondary_marker);
        for (const char* key : {"marker", "secondary_marker"}) {
            const std::string& m = std::string(key) == "marker" ? cfg.suppression.marker
                                                                : cfg.suppression.secondary_marker;
            if (sup->contains(key) && (m.empty() || m.find_first_of("0123456789") == 0))
                diags.error(r.pos_of(key), std::string(key) +
                                               " must not be empty or start with a digit, so it "
                                               "cannot be read as a figure");
        }
    }
    if (const toml::array* docs = top.array("document", true)) {
        for (const toml::node& n : *docs) {
            if (!n.is_table()) {
                diags.error(origin.at(n), "each [[document]] must be a table");
                continue;
            }
            if (auto doc = read_document(*n.as_table(), origin, diags)) {
                for (const auto& other : cfg.documents)
                    if (other.id == doc->id)
                        diags.error(doc->pos, "duplicate document id '" + doc->id + "'");
                cfg.documents.push_back(std::move(*doc));
            }
        }
        if (docs->empty()) diags.error(top.pos(), "planpack.toml lists no [[document]] to build");
    }
    top.finish();
    for (size_t i = errors_before; i < diags.all().size(); ++i)
        if (diags.all()[i].severity == Severity::error) return std::nullopt;
    return cfg;
}

}  // namespace planpack::load
