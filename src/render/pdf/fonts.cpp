#include "render/pdf/fonts.hpp"

#include "load/files.hpp"

namespace planpack::render::pdf {

Face with_bold(Face f) {
    switch (f) {
        case Face::regular: return Face::bold;
        case Face::italic: return Face::bold_italic;
        default: return f;  // mono has no bold here: code stays mono
    }
}

Face with_italic(Face f) {
    switch (f) {
        case Face::regular: return Face::italic;
        case Face::bold: return Face::bold_italic;
        default: return f;
    }
}

namespace {

// Big-endian reads that fail softly: out-of-range offsets read as zero and set bad.
struct Bytes {
    std::string_view data;
    bool bad = false;

    std::uint32_t u(size_t at, int n) {
        if (at + static_cast<size_t>(n) > data.size()) {
            bad = true;
            return 0;
        }
        std::uint32_t v = 0;
        for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(data[at + static_cast<size_t>(i)]);
        return v;
    }
    std::uint16_t u16(size_t at) { return static_cast<std::uint16_t>(u(at, 2)); }
    std::int16_t i16(size_t at) { return static_cast<std::int16_t>(u(at, 2)); }
    std::uint32_t u32(size_t at) { return u(at, 4); }
};

struct TableDir {
    std::uint32_t offset = 0, length = 0;
    explicit operator bool() const { return length != 0; }
};

TableDir find_table(Bytes& b, std::string_view tag) {
    const std::uint16_t n = b.u16(4);
    for (std::uint16_t i = 0; i < n; ++i) {
        const size_t rec = 12 + 16u * i;
        if (rec + 16 > b.data.size()) break;
        if (b.data.substr(rec, 4) == tag) return {b.u32(rec + 8), b.u32(rec + 12)};
    }
    return {};
}

// cmap format 4 (Windows, Unicode BMP) into a code point -> glyph table.
bool read_cmap4(Bytes& b, size_t sub, std::vector<std::uint16_t>& gid) {
    if (b.u16(sub) != 4) return false;
    const size_t segs = b.u16(sub + 6) / 2u;
    const size_t ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                 ranges = deltas + 2 * segs;
    for (size_t s = 0; s < segs && !b.bad; ++s) {
        const std::uint32_t end = b.u16(ends + 2 * s), start = b.u16(starts + 2 * s);
        const std::uint16_t delta = b.u16(deltas + 2 * s);
        const std::uint16_t range = b.u16(ranges + 2 * s);
        for (std::uint32_t c = start; c <= end && c < 0xFFFF; ++c) {
            std::uint16_t g;
            if (range == 0) g = static_cast<std::uint16_t>(c + delta);
            else {
                const size_t at = ranges + 2 * s + range + 2 * (c - start);
                g = b.u16(at);
                if (g != 0) g = static_cast<std::uint16_t>(g + delta);
            }
            gid[c] = g;
        }
    }
    return !b.bad;
}

}  // namespace

std::optional<FontMetrics> FontMetrics::parse(std::string_view ttf, std::string& error) {
    Bytes b{ttf};
    const TableDir head = find_table(b, "head"), hhea = find_table(b, "hhea"),
                   hmtx = find_table(b, "hmtx"), cmap = find_table(b, "cmap"),
                   maxp = find_table(b, "maxp");
    if (!head || !hhea || !hmtx || !cmap || !maxp) {
        error = "not a TrueType font (a head, hhea, hmtx, cmap or maxp table is missing)";
        return std::nullopt;
    }
    const int units = b.u16(head.offset + 18);
    const int glyphs = b.u16(maxp.offset + 4);
    const int metrics = b.u16(hhea.offset + 34);
    if (units <= 0 || glyphs <= 0 || metrics <= 0 || metrics > glyphs) {
        error = "the font's head, maxp or hhea table is damaged";
        return std::nullopt;
    }
    FontMetrics m;
    auto scale = [&](long v) { return static_cast<int>(v * 1000 / units); };  // as libharu does
    m.ascent_ = scale(b.i16(hhea.offset + 4));
    m.descent_ = -scale(b.i16(hhea.offset + 6));
    m.widths_.resize(static_cast<size_t>(glyphs));
    for (int g = 0; g < glyphs; ++g) {
        const int from = g < metrics ? g : metrics - 1;
        m.widths_[static_cast<size_t>(g)] =
            static_cast<std::uint16_t>(scale(b.u16(hmtx.offset + 4u * static_cast<unsigned>(from))));
    }
    m.gid_.assign(0x10000, 0);
    bool found = false;
    const std::uint16_t subtables = b.u16(cmap.offset + 2);
    for (std::uint16_t i = 0; i < subtables && !found; ++i) {
        const size_t rec = cmap.offset + 4 + 8u * i;
        if (b.u16(rec) == 3 && b.u16(rec + 2) == 1)
            found = read_cmap4(b, cmap.offset + b.u32(rec + 4), m.gid_);
    }
    if (!found || b.bad) {
        error = "the font has no usable Unicode character map (cmap 3/1, format 4)";
        return std::nullopt;
    }
    for (auto& g : m.gid_)
        if (g >= glyphs) g = 0;
    return m;
}

std::optional<FontSet> load_fonts(const FontFiles& files, const std::string& shown_style,
                                  Diagnostics& diags) {
    FontSet set;
    const std::filesystem::path* paths[] = {&files.regular, &files.bold, &files.italic,
                                            &files.bold_italic, &files.mono};
    bool ok = true;
    for (size_t i = 0; i < face_count; ++i) {
        const std::string shown = paths[i]->string();
        Diagnostics local;
        auto bytes = load::read_file(*paths[i], shown, local);
        if (!bytes) {
            diags.error({shown_style, 0, 0}, "cannot read the font " + shown +
                                                 " (on Debian: apt-get install fonts-dejavu-core "
                                                 "fonts-dejavu-extra)");
            ok = false;
            continue;
        }
        std::string error;
        auto m = FontMetrics::parse(*bytes, error);
        if (!m) {
            diags.error({shown_style, 0, 0}, shown + ": " + error);
            ok = false;
            continue;
        }
        set.metrics[i] = std::move(*m);
        set.files[i] = *paths[i];
    }
    if (!ok) return std::nullopt;
    return set;
}

}  // namespace planpack::render::pdf
