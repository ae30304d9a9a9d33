#pragma once
// The five faces the PDF uses and their metrics, read from the same TrueType files the
// writer embeds. Layout measures text here, without a PDF document, so line breaking is a
// pure function that tests can call.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace planpack::render::pdf {

enum class Face : std::uint8_t { regular, bold, italic, bold_italic, mono };
inline constexpr size_t face_count = 5;

Face with_bold(Face f);
Face with_italic(Face f);

// Metrics of one TrueType font: which Basic Multilingual Plane characters it has and how
// wide each is, in 1/1000 em truncated exactly as libharu writes the PDF's /W array, so
// what layout measures is what a viewer draws.
class FontMetrics {
public:
    static std::optional<FontMetrics> parse(std::string_view ttf, std::string& error);

    bool has(char32_t cp) const { return cp < gid_.size() && gid_[cp] != 0; }
    int advance(char32_t cp) const { return cp < gid_.size() ? widths_[gid_[cp]] : widths_[0]; }
    int ascent() const { return ascent_; }    // above the baseline, 1/1000 em
    int descent() const { return descent_; }  // below the baseline, positive

private:
    std::vector<std::uint16_t> gid_;     // glyph per BMP code point; 0: none
    std::vector<std::uint16_t> widths_;  // advance per glyph
    int ascent_ = 0, descent_ = 0;
};

struct FontSet {
    std::array<FontMetrics, face_count> metrics;
    std::array<std::filesystem::path, face_count> files;
    const FontMetrics& operator[](Face f) const { return metrics[static_cast<size_t>(f)]; }
    const std::filesystem::path& file(Face f) const { return files[static_cast<size_t>(f)]; }
};

struct FontFiles {
    std::filesystem::path regular, bold, italic, bold_italic, mono;
};

// Reads and parses the five files; a missing or unreadable one is an error naming it and
// shown_style (where the path was configured).
std::optional<FontSet> load_fonts(const FontFiles& files, const std::string& shown_style,
                                  Diagnostics& diags);

}  // namespace planpack::render::pdf
