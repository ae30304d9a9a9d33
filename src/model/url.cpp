#include "model/url.hpp"

#include <array>
#include <cctype>

namespace planpack::model {

namespace {

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 128; }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

}  // namespace

std::optional<std::string> url_scheme(std::string_view url) {
    const size_t colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    if (!is_alpha(url[0])) return std::nullopt;
    std::string scheme;
    for (size_t i = 0; i < colon; ++i) {
        const char c = url[i];
        if (!is_alnum(c) && c != '+' && c != '-' && c != '.') return std::nullopt;
        scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return scheme;
}

bool publishable_scheme(std::string_view scheme) {
    static constexpr std::array<std::string_view, 11> allowed = {
        "http", "https", "mailto", "tel", "ftp", "ftps", "sftp", "irc", "ircs", "xmpp", "sms"};
    for (auto s : allowed)
        if (s == scheme) return true;
    return false;
}

bool publishable_url(std::string_view url) {
    const auto scheme = url_scheme(url);
    return !scheme || publishable_scheme(*scheme);
}

std::string escape_href(std::string_view url) {
    static constexpr std::string_view safe = "-_.+!*(),%#@?=;:/$~";
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(url.size());
    for (char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_alnum(ch) || safe.find(ch) != std::string_view::npos) out += ch;
        else if (ch == '&') out += "&amp;";
        else if (ch == '\'') out += "&#x27;";
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace planpack::model
