#include "render/pdf/text.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace planpack::render::pdf {

void end_line(std::string& t) {
    if (t.empty() || t.back() == ' ' || t.back() == '-') return;
    // U+2010 hyphen, U+2011 non-breaking hyphen, U+00AD soft hyphen, U+2013 en dash.
    for (const char* h : {"\xE2\x80\x90", "\xE2\x80\x91", "\xC2\xAD", "\xE2\x80\x93"})
        if (t.size() >= std::strlen(h) && t.compare(t.size() - std::strlen(h), std::string::npos, h) == 0) return;
    t += ' ';
}

char32_t next_code_point(std::string_view s, size_t& i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b = byte(i);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = len == 1 ? b : len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
    for (int k = 1; k < len; ++k) {
        const unsigned char c = byte(i + static_cast<size_t>(k));
        if ((c >> 6) != 2) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    i += static_cast<size_t>(len);
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

enum class Kind { glyph, space, zero_width_break, invisible };

Kind classify(char32_t cp) {
    switch (cp) {
        case 0x20: case 0x09: case 0x0A: case 0x0D: case 0x1680: case 0x2028: case 0x2029:
        case 0x205F: case 0x3000:
            return Kind::space;
        case 0x200B: return Kind::zero_width_break;
        case 0x00AD: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: return Kind::invisible;
        default: break;
    }
    if (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007) return Kind::space;  // U+2007 figure
                                                                            // space: no break
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return Kind::space;      // controls
    return Kind::glyph;
}

// After these a word may break, between letters: "co-operate", "and/or", but never
// "2022/23" or "-5".
bool breaks_after(char32_t cp) {
    return cp == '-' || cp == '/' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014;
}

bool letter(char32_t cp) {
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7);
}

// The face that draws cp: the asked-for one, else the first that has it. None: U+FFFD.
struct Resolved {
    char32_t cp;
    Face face;
};

Resolved resolve(char32_t cp, Face face, const FontSet& fonts, const MissingGlyph& missing) {
    if (fonts[face].has(cp)) return {cp, face};
    for (Face f : {Face::regular, Face::bold, Face::italic, Face::bold_italic, Face::mono})
        if (fonts[f].has(cp)) return {cp, f};
    if (missing) missing(cp);
    if (fonts[face].has(0xFFFD)) return {0xFFFD, face};
    return {'?', face};
}

float width_of(char32_t cp, Face face, float size, const FontSet& fonts) {
    return static_cast<float>(fonts[face].advance(cp)) * size / 1000.0f;
}

struct Piece {
    size_t run = 0;
    Face face = Face::regular;
    std::string text;
    float width = 0;
};

struct Word {
    std::vector<Piece> pieces;
    float width = 0;
    std::optional<Piece> space;  // the space after it, if any
    bool hard_break = false;     // a forced break after it
};

void add_char(Word& w, size_t run, const Resolved& r, float wd) {
    if (w.pieces.empty() || w.pieces.back().run != run || w.pieces.back().face != r.face)
        w.pieces.push_back({run, r.face, {}, 0});
    append_utf8(w.pieces.back().text, r.cp);
    w.pieces.back().width += wd;
    w.width += wd;
}

std::vector<Word> words_of(const std::vector<Run>& runs, const FontSet& fonts,
                           const MissingGlyph& missing, Spaces spaces) {
    std::vector<Word> words;
    Word cur;
    bool cur_open = false;  // cur holds at least one character
    char32_t prev = 0;
    bool may_break = false;  // the last character was a hyphen or slash after a letter
    auto end_word = [&] {
        if (cur_open) words.push_back(std::move(cur));
        cur = Word{};
        cur_open = false;
    };
    for (size_t r = 0; r < runs.size(); ++r) {
        const Run& run = runs[r];
        const RunStyle& st = run.style;
        if (run.hard_break) {
            end_word();
            if (words.empty() || words.back().hard_break) words.push_back({});
            words.back().hard_break = true;
            words.back().space.reset();
            prev = 0;
            may_break = false;
            continue;
        }
        if (run.image) {  // a word of its own: lines may break on either side of it
            end_word();
            Word picture;
            picture.pieces.push_back({r, st.face, {}, run.image->width});
            picture.width = run.image->width;
            words.push_back(std::move(picture));
            prev = 0;
            may_break = false;
            continue;
        }
        for (size_t i = 0; i < run.text.size();) {
            char32_t cp = next_code_point(run.text, i);
            Kind kind = classify(cp);
            if (spaces == Spaces::keep && kind == Kind::space) {
                kind = Kind::glyph;
                cp = ' ';
            }
            if (kind == Kind::invisible) continue;
            if (kind == Kind::zero_width_break) {
                end_word();
                prev = 0;
                may_break = false;
                continue;
            }
            if (kind == Kind::space) {
                const Resolved sp = resolve(' ', st.face, fonts, missing);
                Piece p{r, sp.face, " ", width_of(' ', sp.face, st.size, fonts)};
                if (cur_open) {
                    cur.space = p;
                    end_word();
                } else if (!words.empty() && !words.back().space && !words.back().hard_break) {
                    words.back().space = p;  // a space after a word that ended at a hyphen
                }
                prev = ' ';
                may_break = false;
                continue;
            }
            if (may_break && letter(cp)) end_word();
            const Resolved res = resolve(cp, st.face, fonts, missing);
            add_char(cur, r, res, width_of(res.cp, res.face, st.size, fonts));
            cur_open = true;
            may_break = spaces == Spaces::collapse && breaks_after(cp) && letter(prev);
            prev = cp;
        }
    }
    end_word();
    return words;
}

class Filler {
public:
    Filler(float width, const std::vector<Run>& runs, const FontSet& fonts, bool hyphenate)
        : width_(width), runs_(runs), fonts_(fonts), hyphenate_(hyphenate) {}

    void word(const Word& w, const Piece* space_before) {
        float space = space_before && !empty() ? space_before->width : 0;
        if (!empty() && x_ + space + w.width > width_ + slack) {
            flush();
            space = 0;
        }
        if (empty() && w.width > width_ + slack) {
            split(w);
        } else {
            if (space > 0) place(*space_before);
            for (const Piece& p : w.pieces) place(p);
        }
        if (w.hard_break) flush(true);
    }

    std::vector<Line> finish() {
        if (!empty()) flush();
        return std::move(lines_);
    }

private:
    static constexpr float slack = 0.01f;  // rounding, so a word that exactly fits does

    bool empty() const { return line_.frags.empty(); }

    void place(const Piece& p) {
        if (!line_.frags.empty() && line_.frags.back().run == p.run &&
            line_.frags.back().face == p.face) {
            line_.frags.back().text += p.text;
            line_.frags.back().width += p.width;
        } else {
            line_.frags.push_back({p.run, p.face, p.text, x_, p.width});
        }
        x_ += p.width;
    }

    void flush(bool even_if_empty = false) {
        if (empty() && !even_if_empty) return;
        line_.width = x_;
        lines_.push_back(std::move(line_));
        line_ = Line{};
        x_ = 0;
    }

    // A word wider than the line: as many characters per line as fit, at least one, each
    // broken piece of prose ending in a hyphen so the reader sees the word goes on.
    void split(const Word& w) {
        for (size_t pi = 0; pi < w.pieces.size(); ++pi) {
            const Piece& p = w.pieces[pi];
            if (runs_[p.run].image) {  // a picture is never cut: it overhangs
                place(p);
                continue;
            }
            const float size = runs_[p.run].style.size;
            const float hy = hyphenate_ ? width_of('-', p.face, size, fonts_) : 0;
            Piece chunk{p.run, p.face, {}, 0};
            for (size_t i = 0; i < p.text.size();) {
                const size_t start = i;
                const char32_t cp = next_code_point(p.text, i);
                const float wd = width_of(cp, p.face, size, fonts_);
                const bool word_end = pi + 1 == w.pieces.size() && i == p.text.size();
                const float reserve = word_end ? 0 : hy;
                if (x_ + chunk.width + wd + reserve > width_ + slack && (!empty() || !chunk.text.empty())) {
                    if (!chunk.text.empty()) place(chunk);
                    hyphen();
                    flush();
                    chunk = Piece{p.run, p.face, {}, 0};
                }
                chunk.text.append(p.text, start, i - start);
                chunk.width += wd;
            }
            if (!chunk.text.empty()) place(chunk);
        }
    }

    void hyphen() {
        if (!hyphenate_ || empty()) return;
        const Frag last = line_.frags.back();
        if (runs_[last.run].image) return;
        if (!last.text.empty() && (last.text.back() == '-' || last.text.back() == '/')) return;
        place({last.run, last.face, "-", width_of('-', last.face, runs_[last.run].style.size, fonts_)});
    }

    float width_;
    const std::vector<Run>& runs_;
    const FontSet& fonts_;
    std::vector<Line> lines_;
    Line line_;
    float x_ = 0;
    bool hyphenate_ = true;
};

}  // namespace

std::vector<Line> break_lines(const std::vector<Run>& runs, float width, const FontSet& fonts,
                              const MissingGlyph& missing, Spaces spaces) {
    const std::vector<Word> words = words_of(runs, fonts, missing, spaces);
    Filler fill(width, runs, fonts, spaces == Spaces::collapse);
    const Piece* space = nullptr;
    for (const Word& w : words) {
        fill.word(w, space);
        space = w.space ? &*w.space : nullptr;
    }
    return fill.finish();
}

Extent extent(const std::vector<Run>& runs, const FontSet& fonts, const MissingGlyph& missing) {
    Extent e;
    float line = 0;
    const Piece* space = nullptr;
    for (const Word& w : words_of(runs, fonts, missing, Spaces::collapse)) {
        e.min = std::max(e.min, w.width);
        const float advance = (space && line > 0 ? space->width : 0) + w.width;
        line += advance;
        e.total += advance;
        e.max = std::max(e.max, line);
        space = w.space ? &*w.space : nullptr;
        if (w.hard_break) line = 0, space = nullptr;
    }
    return e;
}

Line single_line(const Run& run, const FontSet& fonts, const MissingGlyph& missing) {
    std::vector<Line> lines =
        break_lines({run}, std::numeric_limits<float>::max(), fonts, missing);
    return lines.empty() ? Line{} : std::move(lines.front());
}

float measure(std::string_view utf8, Face face, float size, const FontSet& fonts) {
    float w = 0;
    for (size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        w += width_of(fonts[face].has(cp) ? cp : 0xFFFD, face, size, fonts);
    }
    return w;
}

}  // namespace planpack::render::pdf
