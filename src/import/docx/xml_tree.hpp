#pragma once
// A part of the package parsed by libxml2, owned by XmlTree, and the few questions the
// reader asks of it: an element's name in its namespace, an attribute, the next element.
// No network, no entity expansion: a Word file is data, never a fetch.
#include <memory>
#include <optional>
#include <string>

#include <libxml/tree.h>

namespace planpack::import_docx {

namespace ns {
inline constexpr const char* w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr const char* a = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* rels = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* dc = "http://purl.org/dc/elements/1.1/";
}  // namespace ns

class XmlTree {
public:
    // The parsed part, or nullopt when it is not well-formed XML.
    static std::optional<XmlTree> parse(const std::string& bytes);
    const xmlNode* root() const { return xmlDocGetRootElement(doc_.get()); }

private:
    struct Free {
        void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
    };
    explicit XmlTree(xmlDoc* d) : doc_(d) {}
    std::unique_ptr<xmlDoc, Free> doc_;
};

// Whether n is the element {space}local.
bool is(const xmlNode* n, const char* space, const char* local);
// The first element child of n, and the element after n, or nullptr.
const xmlNode* first_element(const xmlNode* n);
const xmlNode* next_element(const xmlNode* n);
// The first child element {space}local of n, or nullptr.
const xmlNode* child(const xmlNode* n, const char* space, const char* local);
// The attribute {space}local (space nullptr: no namespace), "" when absent.
std::string attribute(const xmlNode* n, const char* space, const char* local);
bool has_attribute(const xmlNode* n, const char* space, const char* local);
// All the text inside n.
std::string text_of(const xmlNode* n);

}  // namespace planpack::import_docx
