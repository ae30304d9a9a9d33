#pragma once
// Measuring and breaking text on the real font metrics. libharu's HPDF_Page_TextRect cuts
// words, its MeasureText can split a UTF-8 sequence and answers 0 when the first word does
// not fit, and its notion of a space is ASCII; so planpack breaks lines itself.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/boxes.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/style.hpp"

namespace planpack::render::pdf {

struct RunStyle {
    Face face = Face::regular;
    float size = 10;
    Colour colour;
    float rise = 0;  // baseline shift up, for note references
    bool underline = false, strike = false;
    std::optional<Colour> background;  // inline code
    std::string link;                  // anchor name or URL; empty: not a link
    bool external = false;
};

// A picture standing in a line of text (an image inside a sentence or a table cell): one
// unbreakable box, sized by the layout.
struct InlineImage {
    std::string key;  // model::Image::asset
    ImageKind kind = ImageKind::png;
    float width = 0, height = 0;
    std::string alt;
};

struct Run {
    Run() = default;
    Run(std::string t, RunStyle st, bool brk = false) : text(std::move(t)), style(std::move(st)), hard_break(brk) {}

    std::string text;  // UTF-8
    RunStyle style;
    bool hard_break = false;  // a forced line break (Markdown's trailing backslash); no text
    std::optional<InlineImage> image;  // set instead of text
};

// Consecutive characters of one run in one face, placed on a line.
struct Frag {
    size_t run = 0;
    Face face = Face::regular;
    std::string text;
    float x = 0, width = 0;
};

struct Line {
    std::vector<Frag> frags;
    float width = 0;
};

// Told of every character that no face has; the character is drawn as U+FFFD instead.
using MissingGlyph = std::function<void(char32_t)>;

enum class Spaces {
    collapse,  // prose: runs of white space are one break opportunity, dropped at line ends
    keep,      // code: every space is printed; only over-long lines break, anywhere
};

// Greedy line breaking into lines no wider than width. Breaks at Unicode spaces and after
// hyphens and dashes within words; a word wider than the line is split between
// characters (never inside a UTF-8 sequence), at least one character per line, and in
// prose each broken piece ends with a hyphen.
std::vector<Line> break_lines(const std::vector<Run>& runs, float width, const FontSet& fonts,
                              const MissingGlyph& missing, Spaces spaces = Spaces::collapse);

// The narrowest a text can be set without splitting a word (its widest word) and its
// width on one line (the widest stretch between forced breaks): what a table column needs.
struct Extent {
    float min = 0, max = 0;
    float total = 0;  // every line end to end
};
Extent extent(const std::vector<Run>& runs, const FontSet& fonts, const MissingGlyph& missing);

// One run on one line, however long: headers, footers, labels.
Line single_line(const Run& run, const FontSet& fonts, const MissingGlyph& missing);

// Width of UTF-8 text in one face, characters it lacks measured as U+FFFD.
float measure(std::string_view utf8, Face face, float size, const FontSet& fonts);

// Ends a drawn line's last text with a space unless it ends in one or in a hyphen: the
// line break is then a word break for text extraction and screen readers, which see
// the runs of a tagged element one after another and no gap between them.
void end_line(std::string& last_text);

// Decodes one code point at s[i], advancing i; malformed bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);

}  // namespace planpack::render::pdf
