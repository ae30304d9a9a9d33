#include "import/docx/fields.hpp"

#include <vector>

namespace planpack::import_docx {

namespace {

struct FieldToken {
    std::string text;
    bool quoted = false;
};

// An instruction's words: runs of non-space, or "quoted text" in which \" and \\ stand for
// " and \ (17.16.1).
std::vector<FieldToken> field_tokens(std::string_view s) {
    std::vector<FieldToken> out;
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            ++i;
            continue;
        }
        FieldToken t;
        if (s[i] == '"') {
            t.quoted = true;
            for (++i; i < s.size() && s[i] != '"'; ++i) {
                if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\')) ++i;
                t.text += s[i];
            }
            ++i;  // the closing quote
        } else {
            while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') t.text += s[i++];
        }
        out.push_back(std::move(t));
    }
    return out;
}

bool field_is(const FieldToken& t, std::string_view word) {
    if (t.quoted || t.text.size() != word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
        if ((t.text[i] | 0x20) != (word[i] | 0x20)) return false;
    return true;
}

}  // namespace

std::optional<std::string> hyperlink_target(std::string_view instruction) {
    const auto tokens = field_tokens(instruction);
    if (tokens.empty() || !field_is(tokens[0], "hyperlink")) return std::nullopt;
    std::string address, location;
    for (size_t i = 1; i < tokens.size(); ++i) {
        const FieldToken& t = tokens[i];
        if (!t.quoted && t.text.size() == 2 && t.text[0] == '\\') {
            // \l location, \o tooltip, \t target frame take an argument; \m and \n do not.
            if (field_is(t, "\\l") && i + 1 < tokens.size()) location = tokens[i + 1].text;
            if (field_is(t, "\\l") || field_is(t, "\\o") || field_is(t, "\\t")) ++i;
        } else if (address.empty()) {
            address = t.text;
        }
    }
    if (address.empty()) return std::nullopt;
    return location.empty() ? address : address + "#" + location;
}

}  // namespace planpack::import_docx
