#include "model/inline_text.hpp"

namespace planpack::model {

namespace {

void append_text(const Inlines& inlines, std::string& out) {
    for (const Inline& in : inlines) {
        std::visit(
            [&](const auto& boxed) {
                const auto& v = unbox(boxed);
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, Text> || std::is_same_v<T, Code>) out += v.text;
                else if constexpr (std::is_same_v<T, SoftBreak> || std::is_same_v<T, LineBreak>) out += ' ';
                else if constexpr (std::is_same_v<T, Image>) out += v.alt;
                else if constexpr (std::is_same_v<T, FootnoteRef>) {}
                else if constexpr (std::is_same_v<T, PageRange>) out += v.text;
                else append_text(v.content, out);
            },
            in.value);
    }
}

}  // namespace

std::string plain_text(const Inlines& inlines) {
    std::string out;
    append_text(inlines, out);
    return out;
}

std::string slug(std::string_view text) {
    std::string out;
    bool dash = false;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(c);
            dash = false;
        } else if (c >= 'A' && c <= 'Z') {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(c - 'A' + 'a');
            dash = false;
        } else if (c != '\'' && c < 0x80) {
            dash = true;
        }
    }
    return out.empty() ? "section" : out;
}

}  // namespace planpack::model
