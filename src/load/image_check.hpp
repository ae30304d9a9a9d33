#pragma once
// Every image is decoded in full when it is loaded, with Debian's libpng and libjpeg, so a
// damaged file (a bad checksum, a truncated download, a format the PDF cannot embed) is an
// error at the Markdown line that shows it, the same in `check` and in every format, rather
// than a failure deep inside the PDF writer.
#include <string>
#include <string_view>
#include <variant>

namespace planpack::load {

struct ImageFacts {
    enum class Kind { png, jpeg } kind;
    unsigned width = 0;
    unsigned height = 0;
};

// Larger images gain nothing on a page (about 2,500 pixels cover an A4 width at 300 dpi)
// and would cost hundreds of megabytes to decode.
inline constexpr unsigned long long max_image_pixels = 40'000'000;

// The facts of a usable PNG or JPEG, or what is wrong with it in words for the writer.
std::variant<ImageFacts, std::string> check_image(std::string_view bytes);

}  // namespace planpack::load
