#include "import/docx/xml_tree.hpp"

#include <cstring>

#include <libxml/parser.h>

namespace planpack::import_docx {

std::optional<XmlTree> XmlTree::parse(const std::string& bytes) {
    // NONET: never fetch; no NOENT, so entities are not expanded (no XXE); NOERROR and
    // NOWARNING: libxml2 prints nothing, the caller says what was wrong.
    xmlDoc* d = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "part.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!d) return std::nullopt;
    XmlTree t(d);
    if (!t.root()) return std::nullopt;
    return t;
}

bool is(const xmlNode* n, const char* space, const char* local) {
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
           std::strcmp(reinterpret_cast<const char*>(n->ns->href), space) == 0 &&
           std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

const xmlNode* first_element(const xmlNode* n) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return c;
    return nullptr;
}

const xmlNode* next_element(const xmlNode* n) {
    for (const xmlNode* c = n ? n->next : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return c;
    return nullptr;
}

const xmlNode* child(const xmlNode* n, const char* space, const char* local) {
    for (const xmlNode* c = first_element(n); c; c = next_element(c))
        if (is(c, space, local)) return c;
    return nullptr;
}

namespace {

xmlChar* xml_tree_attribute(const xmlNode* n, const char* space, const char* local) {
    auto* node = const_cast<xmlNode*>(n);
    const auto* name = reinterpret_cast<const xmlChar*>(local);
    return space ? xmlGetNsProp(node, name, reinterpret_cast<const xmlChar*>(space)) : xmlGetNoNsProp(node, name);
}

}  // namespace

std::string attribute(const xmlNode* n, const char* space, const char* local) {
    if (!n) return "";
    xmlChar* v = xml_tree_attribute(n, space, local);
    if (!v) return "";
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

bool has_attribute(const xmlNode* n, const char* space, const char* local) {
    if (!n) return false;
    xmlChar* v = xml_tree_attribute(n, space, local);
    if (!v) return false;
    xmlFree(v);
    return true;
}

std::string text_of(const xmlNode* n) {
    if (!n) return "";
    xmlChar* v = xmlNodeGetContent(n);
    if (!v) return "";
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

}  // namespace planpack::import_docx
