#pragma once
// Short constructors for the model, for passes that build blocks from data.
#include <string>

#include "model/document.hpp"

namespace planpack::model {

inline Inlines text(std::string s) { return {Inline{Text{std::move(s)}}}; }
inline Inline strong(std::string s) { return Inline{Strong{text(std::move(s))}}; }
inline Inline line_break() { return Inline{LineBreak{}}; }
inline Block paragraph(Inlines content) { return Block{Paragraph{std::move(content), {}}}; }
inline Block heading(int level, std::string s, std::string id) {
    return Block{Heading{level, text(std::move(s)), std::move(id), {}}};
}
inline Inline link(std::string url, Inlines content) {
    Link l;
    l.url = std::move(url);
    l.content = std::move(content);
    return Inline{std::move(l)};
}
// A link to a page of the site (model/paths.hpp addresses it in each format).
inline Inline link(Target to, Inlines content) {
    Link l;
    l.target = std::move(to);
    l.content = std::move(content);
    return Inline{std::move(l)};
}
inline TableCell number_cell(double v, std::string shown, std::string number_format = "0") {
    TableCell c(text(std::move(shown)));
    c.value = {v, std::move(number_format)};
    return c;
}

}  // namespace planpack::model
