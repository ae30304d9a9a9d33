#include "load/cell_styles.hpp"

#include <cstdio>

#include "load/project.hpp"
#include "load/toml_reader.hpp"

namespace planpack::load {

namespace {

std::optional<std::uint32_t> cell_colour(TableReader& r, std::string_view key, bool& ok) {
    auto s = r.string(key, false);
    if (!s || s->empty()) return std::nullopt;
    std::uint32_t v = 0;
    bool good = s->size() == 7 && (*s)[0] == '#';
    for (size_t i = 1; good && i < 7; ++i) {
        const char c = (*s)[i];
        const int d = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
        good = d >= 0;
        v = v * 16 + static_cast<std::uint32_t>(d < 0 ? 0 : d);
    }
    if (!good) {
        r.diags().error(r.pos_of(key), "'" + std::string(key) + "' must be a colour written #rrggbb, not \"" + *s +
                                           "\"");
        ok = false;
        return std::nullopt;
    }
    return v;
}

bool lists_style(std::string_view style, std::string_view name) {
    size_t i = 0;
    while (i < style.size()) {
        const size_t end = std::min(style.find(' ', i), style.size());
        if (style.substr(i, end - i) == name) return true;
        i = end + 1;
    }
    return false;
}

}  // namespace

std::optional<CellStyles> parse_cell_styles(std::string_view text, const std::string& shown, Diagnostics& diags) {
    const size_t mark = diags.all().size();
    const TomlOrigin origin{shown, 0};
    auto doc = parse_toml(text, origin, diags);
    if (!doc) return std::nullopt;
    TableReader top(*doc, origin, diags, shown);
    CellStyles out;
    bool ok = true;
    top.each_table("style", true, [&](const toml::table& t) {
        TableReader r(t, origin, diags, "[[style]]");
        NamedCellLook n;
        if (auto name = r.string("name", true)) n.name = *name;
        else ok = false;
        n.look.fill = cell_colour(r, "fill", ok);
        n.look.text = cell_colour(r, "text", ok);
        n.look.bold = r.boolean("bold", false).value_or(false);
        r.finish();
        out.push_back(std::move(n));
    });
    top.finish();
    if (!ok || diags.errors_since(mark)) return std::nullopt;
    return out;
}

std::optional<CellStyles> load_cell_styles(const std::filesystem::path& file, Diagnostics& diags) {
    auto text = read_file(file, file.string(), diags);
    if (!text) return std::nullopt;
    return parse_cell_styles(*text, file.string(), diags);
}

CellLook cell_look(const CellStyles& styles, std::string_view style) {
    CellLook out;
    if (style.empty()) return out;
    for (const auto& [name, look] : styles) {
        if (!lists_style(style, name)) continue;
        if (look.fill) out.fill = look.fill;
        if (look.text) out.text = look.text;
        out.bold = out.bold || look.bold;
    }
    return out;
}

std::string hex_colour(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", rgb & 0xFFFFFFu);
    return buf;
}

std::string cell_styles_css(const CellStyles& styles) {
    std::string css = "\n/* Cell styles: generated from templates/cell-styles.toml, the table the PDF and the\n"
                      "   workbooks read too. */\n";
    for (const auto& [name, look] : styles) {
        css += "td." + name + ", th." + name + " {";
        if (look.fill) css += " background: " + hex_colour(*look.fill) + ";";
        if (look.text) css += " color: " + hex_colour(*look.text) + ";";
        if (look.bold) css += " font-weight: bold;";
        css += " }\n";
    }
    return css;
}

}  // namespace planpack::load
