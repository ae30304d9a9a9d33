#include "render/pdf/style.hpp"

#include <algorithm>

#include "load/files.hpp"
#include "load/toml_reader.hpp"

namespace planpack::render::pdf {

namespace {

using load::TableReader;

constexpr float points_per_mm = 72.0f / 25.4f;

// One sub-table of the style file, read strictly; every accessor records a failure so
// the caller can tell a complete style from one with holes.
class Reader {
public:
    Reader(const toml::table& t, const load::TomlOrigin& origin, Diagnostics& diags,
           std::string context)
        : r_(t, origin, diags, context), context_(std::move(context)) {}
    ~Reader() { r_.finish(); }
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    float number(std::string_view key, float min, float max) {
        auto v = r_.number(key, true);
        if (!v) return fail(0.0f);
        if (*v < min || *v > max) {
            r_.diags().error(r_.pos_of(key), std::string(key) + " must be between " + fmt(min) +
                                                 " and " + fmt(max));
            return fail(0.0f);
        }
        return static_cast<float>(*v);
    }
    float mm(std::string_view key, float max) { return number(key, 0, max) * points_per_mm; }
    int integer(std::string_view key, int min, int max) {
        return static_cast<int>(number(key, static_cast<float>(min), static_cast<float>(max)));
    }
    bool boolean(std::string_view key) {
        auto v = r_.boolean(key, true);
        return v ? *v : fail(false);
    }
    std::string string(std::string_view key) {
        auto v = r_.string(key, true);
        return v ? *v : fail(std::string());
    }
    Colour colour(std::string_view key) {
        auto v = optional_colour(key, true);
        return v ? *v : fail(Colour{});
    }
    // "" means none, for optional fills.
    std::optional<Colour> optional_colour(std::string_view key, bool required = true) {
        auto s = r_.string(key, required);
        if (!s) {
            if (required) ok_ = false;
            return std::nullopt;
        }
        if (s->empty()) return std::nullopt;
        auto c = parse_colour(*s);
        if (!c) {
            r_.diags().error(r_.pos_of(key), std::string(key) + " must be a colour written "
                                                                "\"#rrggbb\", not \"" + *s + "\"");
            return fail(std::optional<Colour>());
        }
        return c;
    }
    std::vector<std::string> strings(std::string_view key) {
        std::vector<std::string> out;
        const toml::array* a = r_.array(key, true);
        if (!a) return fail(out);
        for (const toml::node& n : *a) {
            if (n.is_string()) out.push_back(*n.value<std::string>());
            else {
                r_.diags().error(r_.origin().at(n), std::string(key) + " must list strings");
                ok_ = false;
            }
        }
        if (out.empty() && ok_) {
            r_.diags().error(r_.pos_of(key), std::string(key) + " must not be empty");
            ok_ = false;
        }
        return out;
    }
    std::vector<Colour> colours(std::string_view key) {
        std::vector<Colour> out;
        for (const auto& s : strings(key)) {
            if (auto c = parse_colour(s)) out.push_back(*c);
            else {
                r_.diags().error(r_.pos_of(key), std::string(key) + ": \"" + s +
                                                     "\" is not a colour written \"#rrggbb\"");
                ok_ = false;
            }
        }
        return out;
    }
    const toml::table* table(std::string_view key) {
        const toml::table* t = r_.table(key, true);
        if (!t) ok_ = false;
        return t;
    }
    TextStyle text_style(std::string_view key, bool spacing) {
        TextStyle s;
        const toml::table* t = table(key);
        if (!t) return s;
        Reader sub(*t, r_.origin(), r_.diags(), "[" + context_name() + "." + std::string(key) + "]");
        s.size = sub.number("size", 4, 72);
        s.leading = sub.number("leading", 0.8f, 3);
        s.colour = sub.colour("colour");
        s.bold = sub.boolean("bold");
        if (spacing) {
            s.space_before = sub.number("space_before", 0, 200);
            s.space_after = sub.number("space_after", 0, 200);
        }
        ok_ = ok_ && sub.ok();
        return s;
    }
    Running running(std::string_view key) {
        Running out;
        const toml::table* t = table(key);
        if (!t) return out;
        // A top-level table, or one inside [pack] and the like.
        const std::string name = context_.front() == '[' ? context_name() + "." + std::string(key) : std::string(key);
        Reader sub(*t, r_.origin(), r_.diags(), "[" + name + "]");
        out.left = sub.pattern("left");
        out.centre = sub.pattern("centre");
        out.right = sub.pattern("right");
        out.size = sub.number("size", 4, 24);
        out.colour = sub.colour("colour");
        out.rule = sub.boolean("rule");
        ok_ = ok_ && sub.ok();
        return out;
    }
    // A header or footer pattern: text with {placeholders} from a fixed list.
    std::string pattern(std::string_view key) {
        std::string p = string(key);
        static const char* known[] = {"title", "service", "section", "page", "pages", "period",
                                      "published"};
        for (size_t open = p.find('{'); open != std::string::npos; open = p.find('{', open + 1)) {
            const size_t close = p.find('}', open);
            const std::string name = close == std::string::npos ? "" : p.substr(open + 1, close - open - 1);
            if (std::find(std::begin(known), std::end(known), name) == std::end(known)) {
                r_.diags().error(r_.pos_of(key),
                                 "unknown placeholder in \"" + p +
                                     "\" (known: {title}, {service}, {section}, {page}, {pages}, "
                                     "{period}, {published})");
                ok_ = false;
                break;
            }
        }
        return p;
    }

    TableReader& raw() { return r_; }
    void invalidate() { ok_ = false; }
    bool ok() const { return ok_; }

private:
    template <typename T>
    T fail(T v) {
        ok_ = false;
        return v;
    }
    static std::string fmt(float v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
        return s;
    }
    std::string context_name() const {
        std::string c = context_;
        if (c.size() > 2 && c.front() == '[') c = c.substr(1, c.size() - 2);
        return c;
    }
    static std::optional<Colour> parse_colour(const std::string& s) {
        if (s.size() != 7 || s[0] != '#') return std::nullopt;
        unsigned v[3];
        for (int i = 0; i < 3; ++i) {
            v[i] = 0;
            for (int k = 0; k < 2; ++k) {
                const char c = s[1 + 2 * i + k];
                int d = c >= '0' && c <= '9' ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
                if (d < 0) return std::nullopt;
                v[i] = v[i] * 16 + static_cast<unsigned>(d);
            }
        }
        return Colour{v[0] / 255.0f, v[1] / 255.0f, v[2] / 255.0f};
    }

    TableReader r_;
    std::string context_;
    bool ok_ = true;
};

// Reads [name] of the top level with f(reader); false when anything in it was wrong.
template <typename F>
bool section(Reader& top, std::string_view name, F&& f) {
    const toml::table* t = top.table(name);
    if (!t) return false;
    Reader r(*t, top.raw().origin(), top.raw().diags(), "[" + std::string(name) + "]");
    f(r);
    return r.ok();
}

}  // namespace

std::optional<Style> parse_style(std::string_view text, const std::string& shown, Diagnostics& diags) {
    const load::TomlOrigin origin{shown, 0};
    auto doc = load::parse_toml(text, origin, diags);
    if (!doc) return std::nullopt;
    Style s;
    bool ok = true;
    {
        Reader top(*doc, origin, diags, "the PDF style file");
        ok = section(top, "page", [&](Reader& r) {
                 s.page.width = r.mm("width_mm", 2000);
                 s.page.height = r.mm("height_mm", 2000);
                 s.page.margin_top = r.mm("margin_top_mm", 200);
                 s.page.margin_bottom = r.mm("margin_bottom_mm", 200);
                 s.page.margin_left = r.mm("margin_left_mm", 200);
                 s.page.margin_right = r.mm("margin_right_mm", 200);
                 s.page.header_offset = r.mm("header_mm", 200);
                 s.page.footer_offset = r.mm("footer_mm", 200);
                 s.page.sections_start_new_page = r.boolean("sections_start_new_page");
             }) && ok;
        ok = section(top, "fonts", [&](Reader& r) {
                 const std::filesystem::path dir = r.string("dir");
                 s.fonts.regular = dir / r.string("regular");
                 s.fonts.bold = dir / r.string("bold");
                 s.fonts.italic = dir / r.string("italic");
                 s.fonts.bold_italic = dir / r.string("bold_italic");
                 s.fonts.mono = dir / r.string("mono");
             }) && ok;
        ok = section(top, "colours", [&](Reader& r) {
                 s.colours.text = r.colour("text");
                 s.colours.muted = r.colour("muted");
                 s.colours.accent = r.colour("accent");
                 s.colours.link = r.colour("link");
                 s.colours.rule = r.colour("rule");
             }) && ok;
        ok = section(top, "body", [&](Reader& r) {
                 s.body.size = r.number("size", 5, 24);
                 s.body.leading = r.number("leading", 1, 3);
                 s.body.colour = r.colour("colour");
                 s.body.space_after = r.number("paragraph_space", 0, 100);
                 s.widows = r.integer("widows", 1, 5);
                 s.orphans = r.integer("orphans", 1, 5);
                 s.link_underline = r.boolean("link_underline");
             }) && ok;
        ok = section(top, "headings", [&](Reader& r) {
                 s.title = r.text_style("title", true);
                 s.h2 = r.text_style("h2", true);
                 s.h3 = r.text_style("h3", true);
                 s.h4 = r.text_style("h4", true);
             }) && ok;
        ok = section(top, "lists", [&](Reader& r) {
                 s.lists.indent = r.number("indent", 4, 100);
                 s.lists.item_space = r.number("item_space", 0, 50);
                 s.lists.bullets = r.strings("bullets");
             }) && ok;
        ok = section(top, "quote", [&](Reader& r) {
                 s.quote.indent = r.number("indent", 0, 100);
                 s.quote.bar_width = r.number("bar_width", 0, 20);
                 s.quote.bar = r.colour("bar");
                 s.quote.text = r.colour("text");
                 s.quote.italic = r.boolean("italic");
             }) && ok;
        ok = section(top, "code", [&](Reader& r) {
                 s.code.size = r.number("size", 4, 24);
                 s.code.leading = r.number("leading", 1, 3);
                 s.code.padding = r.number("padding", 0, 30);
                 s.code.text = r.colour("text");
                 s.code.background = r.colour("background");
                 s.code.inline_background = r.optional_colour("inline_background");
             }) && ok;
        ok = section(top, "rule", [&](Reader& r) {
                 s.rule.width = r.number("width", 0.1f, 10);
                 s.rule.space = r.number("space", 0, 100);
                 s.rule.colour = r.colour("colour");
             }) && ok;
        ok = section(top, "table", [&](Reader& r) {
                 s.table.size = r.number("size", 4, 24);
                 s.table.leading = r.number("leading", 1, 3);
                 s.table.padding_x = r.number("padding_x", 0, 30);
                 s.table.padding_y = r.number("padding_y", 0, 30);
                 s.table.space_before = r.number("space_before", 0, 100);
                 s.table.space_after = r.number("space_after", 0, 100);
                 s.table.text = r.colour("text");
                 s.table.header_fill = r.colour("header_fill");
                 s.table.header_text = r.colour("header_text");
                 s.table.rule = r.colour("rule");
                 s.table.zebra = r.optional_colour("zebra");
                 s.table.row_rules = r.boolean("row_rules");
                 s.table.rule_width = r.number("rule_width", 0.1f, 5);
                 s.table.heavy_rule_width = r.number("heavy_rule_width", 0.1f, 5);
                 s.table.caption = r.text_style("caption", true);
                 s.table.note = r.text_style("note", false);
                 s.table.min_size = r.number("min_size", 4, 24);
                 s.table.keep_rows = static_cast<size_t>(r.integer("keep_rows", 0, 100));
                 s.table.split_row_share = r.number("split_row_share", 0.05f, 1);
                 // The cell colours are one table for every output now, not the PDF's own.
                 if (r.raw().peek("cell_styles")) {
                     r.raw().allow("cell_styles");
                     r.raw().diags().error(r.raw().pos_of("cell_styles"),
                                           "[table.cell_styles] has moved to templates/cell-styles.toml, the one "
                                           "table of cell colours the web pages, the PDF and the workbooks share: "
                                           "move your colours there and remove this table");
                     r.invalidate();
                 }
             }) && ok;
        ok = section(top, "chart", [&](Reader& r) {
                 s.chart.height = r.mm("height_mm", 300);
                 s.chart.size = r.number("size", 4, 24);
                 s.chart.palette = r.colours("palette");
                 s.chart.axis = r.colour("axis");
                 s.chart.grid = r.colour("grid");
                 s.chart.data_table = r.boolean("data_table");
             }) && ok;
        ok = section(top, "figure", [&](Reader& r) {
                 s.figure.max_height_share = r.number("max_height_share", 0.1f, 1);
             }) && ok;
        s.header = top.running("header");
        s.footer = top.running("footer");
        s.front_footer = top.running("front_footer");
        ok = section(top, "cover", [&](Reader& r) {
                 s.cover.band = r.colour("band");
                 s.cover.band_text = r.colour("band_text");
                 s.cover.text = r.colour("text");
                 s.cover.band_height = r.mm("band_height_mm", 300);
                 s.cover.title_size = r.number("title_size", 8, 96);
                 s.cover.subtitle_size = r.number("subtitle_size", 6, 72);
                 s.cover.detail_size = r.number("detail_size", 6, 48);
             }) && ok;
        ok = section(top, "contents", [&](Reader& r) {
                 s.contents.title = r.string("title");
                 s.contents.depth = r.integer("depth", 1, 2);
                 s.contents.entry = r.text_style("entry", true);
                 s.contents.sub_entry = r.text_style("sub_entry", true);
                 s.contents.leader_gap = r.number("leader_gap", 1, 20);
                 s.contents.appendices_heading = r.string("appendices_heading");
             }) && ok;
        ok = section(top, "notes", [&](Reader& r) {
                 s.notes.title = r.string("title");
                 s.notes.text = r.text_style("text", false);
             }) && ok;
        ok = section(top, "pack", [&](Reader& r) {
                 s.pack.marker = r.string("marker");
                 s.pack.blank_page = r.string("blank_page");
                 s.pack.stamp = r.text_style("stamp", false);
                 s.pack.footer = r.running("footer");
             }) && ok;
        ok = ok && top.ok();
    }
    if (!ok) return std::nullopt;
    return s;
}

std::optional<Style> load_style(const std::filesystem::path& path, const std::string& shown,
                                Diagnostics& diags) {
    auto text = load::read_file(path, shown, diags);
    if (!text) return std::nullopt;
    return parse_style(*text, shown, diags);
}

}  // namespace planpack::render::pdf
