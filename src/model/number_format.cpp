#include "model/number_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace planpack::model {

std::optional<std::int64_t> parse_integer(std::string_view s) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<double> parse_decimal(std::string_view s) {
    // Digits, at most one '.', an optional leading '-': what people type in a CSV cell.
    size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
    bool digits = false, point = false;
    for (size_t j = i; j < s.size(); ++j) {
        if (s[j] >= '0' && s[j] <= '9') digits = true;
        else if (s[j] == '.' && !point) point = true;
        else return std::nullopt;
    }
    if (!digits) return std::nullopt;
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

namespace {

// A negative figure prints with the minus sign, as typeset tables do: a hyphen is
// shorter and breaks the line after it ("-" then "£43,260" on the next line).
constexpr const char* minus_sign = "\u2212";

std::string grouped_digits(std::string_view digits) {
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// The digits of |v| (std::to_string, not -v: the most negative int64 has no positive).
std::string magnitude_digits(std::int64_t v) {
    std::string digits = std::to_string(v);
    if (v < 0) digits.erase(0, 1);
    return digits;
}

}  // namespace

std::string format_grouped(std::int64_t v) {
    return (v < 0 ? minus_sign : "") + grouped_digits(magnitude_digits(v));
}

std::string format_money(std::int64_t v) {
    return (v < 0 ? minus_sign : "") + std::string("\u00A3") + grouped_digits(magnitude_digits(v));
}

namespace {

// One section of a format: literal text around one number pattern.
struct FormatSection {
    std::string prefix, suffix;
    bool grouped = false;
    bool percent = false;
    int decimals = 0;
    bool has_number = false;
};

bool is_literal_char(char c) {
    return c == '+' || c == '-' || c == '(' || c == ')' || c == ':' || c == '/' || c == ' ' ||
           c == '$';
}

std::optional<FormatSection> parse_format_section(std::string_view f) {
    FormatSection s;
    bool in_number = false, after_point = false, number_done = false;
    auto literal = [&]() -> std::string& { return s.has_number ? s.suffix : s.prefix; };
    for (size_t i = 0; i < f.size(); ++i) {
        const char c = f[i];
        const bool number_char = c == '0' || c == '#' || (in_number && (c == ',' || c == '.'));
        if (number_char && !number_done) {
            if (!in_number && s.has_number) return std::nullopt;
            in_number = true;
            s.has_number = true;
            if (c == ',') s.grouped = true;
            else if (c == '.') {
                if (after_point) return std::nullopt;
                after_point = true;
            } else if (after_point) ++s.decimals;
            continue;
        }
        if (in_number) {
            in_number = false;
            number_done = true;
        }
        if (c == '"') {
            const size_t close = f.find('"', i + 1);
            if (close == std::string_view::npos) return std::nullopt;
            literal() += f.substr(i + 1, close - i - 1);
            i = close;
        } else if (c == '\\') {
            if (i + 1 >= f.size()) return std::nullopt;
            literal() += f[++i];
        } else if (c == '%') {
            s.percent = true;
            literal() += '%';
        } else if (is_literal_char(c)) {
            literal() += c;
        } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < f.size() &&
                   static_cast<unsigned char>(f[i + 1]) == 0xA3) {  // £ in UTF-8
            literal() += "£";
            ++i;
        } else {
            return std::nullopt;
        }
    }
    if (!s.has_number) return std::nullopt;
    return s;
}

std::optional<std::vector<FormatSection>> parse_format(std::string_view f) {
    std::vector<FormatSection> out;
    size_t start = 0;
    bool quoted = false;
    for (size_t i = 0; i <= f.size(); ++i) {
        if (i < f.size() && f[i] == '"') quoted = !quoted;
        if (i == f.size() || (f[i] == ';' && !quoted)) {
            auto s = parse_format_section(f.substr(start, i - start));
            if (!s) return std::nullopt;
            out.push_back(std::move(*s));
            start = i + 1;
        }
    }
    if (out.empty() || out.size() > 3) return std::nullopt;
    return out;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (ec != std::errc()) {  // too big for the buffer: a figure no table shows
        std::snprintf(buf, sizeof buf, "%.*g", 15, v);
        return buf;
    }
    return std::string(buf, end);
}

std::string digits_of(double magnitude, int decimals, bool grouped) {
    std::string s = fixed(magnitude, decimals);
    if (!grouped) return s;
    const size_t point = s.find('.');
    const size_t whole = point == std::string::npos ? s.size() : point;
    std::string out;
    for (size_t i = 0; i < whole; ++i) {
        if (i > 0 && (whole - i) % 3 == 0) out += ',';
        out += s[i];
    }
    return out + s.substr(whole);
}

std::string plain(double v) {
    std::string s = fixed(v, 6);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

}  // namespace

bool valid_number_format(std::string_view format) {
    return format.empty() || parse_format(format).has_value();
}

int format_decimals(std::string_view format) {
    auto sections = parse_format(format);
    return sections ? sections->front().decimals : 0;
}

bool format_is_percent(std::string_view format) {
    auto sections = parse_format(format);
    return sections && sections->front().percent;
}

std::string format_number(double v, std::string_view format) {
    auto sections = format.empty() ? std::nullopt : parse_format(format);
    if (!sections) return plain(v);
    const FormatSection& first = sections->front();
    const double scaled = first.percent ? v * 100 : v;
    // What the value rounds to decides its section, so -0.04 with one decimal is zero.
    const double unit = std::pow(10.0, first.decimals);
    const double rounded = std::round(scaled * unit) / unit;
    const FormatSection* s = &first;
    bool minus = false;
    if (rounded < 0) {
        if (sections->size() >= 2) s = &(*sections)[1];
        else minus = true;
    } else if (rounded == 0 && sections->size() == 3) {
        s = &(*sections)[2];
    }
    const double magnitude = std::fabs(s->percent ? v * 100 : v);
    std::string number = digits_of(magnitude, s->decimals, s->grouped);
    if (number.find_first_not_of("0.,") == std::string::npos) minus = false;  // no "-0.0"
    // A negative section's own "-" ("+0%;-0%") prints as the minus sign too; the stored
    // format keeps Excel's hyphen.
    std::string prefix = s->prefix;
    if (s != &first && !prefix.empty() && prefix[0] == '-') prefix.replace(0, 1, minus_sign);
    return (minus ? minus_sign : "") + prefix + number + s->suffix;
}

}  // namespace planpack::model
