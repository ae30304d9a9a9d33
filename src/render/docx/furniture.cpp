#include "render/docx/furniture.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "import/docx/xml_tree.hpp"  // libxml2, as the import reads a Word file
#include "render/docx/xml.hpp"

namespace planpack::render::docx {

namespace {

namespace ns = import_docx::ns;
using import_docx::attribute;
using import_docx::child;
using import_docx::first_element;
using import_docx::is;
using import_docx::next_element;
using import_docx::XmlTree;

constexpr const char* content_types_ns = "http://schemas.openxmlformats.org/package/2006/content-types";
constexpr const char* header_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
constexpr const char* footer_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
constexpr const char* relationships_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n";

struct FurnitureRelationship {
    std::string id, type, target;
    bool external = false;
};

std::optional<std::vector<FurnitureRelationship>> furniture_relationships(const std::string& bytes) {
    auto tree = XmlTree::parse(bytes);
    if (!tree) return std::nullopt;
    std::vector<FurnitureRelationship> out;
    for (const xmlNode* n = first_element(tree->root()); n; n = next_element(n))
        if (is(n, ns::rels, "Relationship"))
            out.push_back({attribute(n, nullptr, "Id"), attribute(n, nullptr, "Type"), attribute(n, nullptr, "Target"),
                           attribute(n, nullptr, "TargetMode") == "External"});
    return out;
}

// A relationship's target as a part name: relative to the folder of the part that names it,
// or from the package's root when it starts with '/'.
std::string furniture_resolve(const std::string& folder, const std::string& target) {
    const std::filesystem::path p = !target.empty() && target[0] == '/' ? std::filesystem::path(target.substr(1))
                                                                        : std::filesystem::path(folder) / target;
    return p.lexically_normal().generic_string();
}

std::string furniture_rels_of(const std::string& part) {
    const std::filesystem::path p(part);
    return (p.parent_path() / "_rels" / (p.filename().string() + ".rels")).generic_string();
}

// Word wants every drawing's id unique in the file. planpack numbers the body's from 1, so
// the reference's drawings (its logo) are numbered from far above them.
std::string furniture_renumber_drawings(std::string xml, int& next) {
    for (size_t at = xml.find("docPr "); at != std::string::npos; at = xml.find("docPr ", at + 1)) {
        if (at == 0 || (xml[at - 1] != ':' && xml[at - 1] != '<')) continue;
        const size_t end = xml.find('>', at);
        size_t id = xml.find(" id=\"", at);
        if (id == std::string::npos || id > end) continue;
        id += 5;
        const size_t close = xml.find('"', id);
        xml.replace(id, close - id, std::to_string(next++));
    }
    return xml;
}

// A media part's content type: the reference's Override for it, else its Default by extension.
std::string furniture_content_type(const xmlNode* types, const std::string& part) {
    std::string ext = std::filesystem::path(part).extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string by_extension;
    for (const xmlNode* n = first_element(types); n; n = next_element(n)) {
        if (is(n, content_types_ns, "Override") && attribute(n, nullptr, "PartName") == "/" + part)
            return attribute(n, nullptr, "ContentType");
        std::string e = attribute(n, nullptr, "Extension");
        std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
        if (is(n, content_types_ns, "Default") && e == ext) by_extension = attribute(n, nullptr, "ContentType");
    }
    return by_extension;
}

bool furniture_on(const xmlNode* n) {
    const std::string v = attribute(n, ns::w, "val");
    return n && v != "0" && v != "false" && v != "off";
}

}  // namespace

Furniture own_furniture() {
    Furniture f;
    f.references.push_back({false, "default", "footer1.xml"});
    f.parts.push_back(
        {"word/footer1.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>"
         "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>\n"});
    f.content_types.emplace_back("/word/footer1.xml", footer_type);
    return f;
}

std::optional<Furniture> reference_furniture(const std::filesystem::path& reference, Diagnostics& diags) {
    auto fail = [&](const std::string& why) {
        diags.error({reference.string(), 0, 0}, "cannot take the reference document's headers and footers: " + why);
        return std::nullopt;
    };
    std::string error;
    auto package = read_package(
        reference, {"[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels", "word/settings.xml"},
        error);
    if (!package) return fail(error);
    const auto document = package->find("word/document.xml");
    if (document == package->end()) return own_furniture();
    auto body = XmlTree::parse(document->second);
    if (!body) return fail("word/document.xml is not well-formed XML");
    const xmlNode* sect = nullptr;  // the body's own: its last child
    for (const xmlNode* n = first_element(child(body->root(), ns::w, "body")); n; n = next_element(n))
        if (is(n, ns::w, "sectPr")) sect = n;
    Furniture f;
    std::vector<std::pair<HeaderFooter, std::string>> named;  // with its relationship id
    for (const xmlNode* n = first_element(sect); n; n = next_element(n)) {
        const bool header = is(n, ns::w, "headerReference");
        if (header || is(n, ns::w, "footerReference")) {
            const std::string type = attribute(n, ns::w, "type");
            named.push_back({{header, type.empty() ? "default" : type, ""}, attribute(n, ns::r, "id")});
        }
        if (is(n, ns::w, "titlePg")) f.title_page = furniture_on(n);
    }
    if (named.empty()) return own_furniture();

    const auto rels_part = package->find("word/_rels/document.xml.rels");
    auto rels = rels_part == package->end() ? std::nullopt : furniture_relationships(rels_part->second);
    if (!rels) return fail("word/_rels/document.xml.rels is missing or not well-formed XML");
    const auto types_part = package->find("[Content_Types].xml");
    auto types = types_part == package->end() ? std::nullopt : XmlTree::parse(types_part->second);
    if (!types) return fail("[Content_Types].xml is missing or not well-formed XML");
    if (auto s = package->find("word/settings.xml"); s != package->end())
        if (auto settings = XmlTree::parse(s->second))
            f.even_and_odd = furniture_on(child(settings->root(), ns::w, "evenAndOddHeaders"));

    // Each part once (two references may name one), renamed: planpack names none reference-*.
    std::map<std::string, std::string> renamed;
    std::vector<std::string> sources;
    int headers = 0, footers = 0;
    for (auto& [ref, id] : named) {
        auto rel = std::find_if(rels->begin(), rels->end(), [&id = id](const auto& r) { return r.id == id; });
        if (rel == rels->end()) return fail("its body names relationship '" + id + "', which it does not have");
        const std::string source = furniture_resolve("word", rel->target);
        auto [it, fresh] = renamed.emplace(source, "");
        if (fresh) {
            it->second = ref.header ? "reference-header" + std::to_string(++headers) + ".xml"
                                    : "reference-footer" + std::to_string(++footers) + ".xml";
            sources.push_back(source);
        }
        ref.part = it->second;
        f.references.push_back(ref);
    }
    std::vector<std::string> wanted;
    for (const auto& s : sources) {
        wanted.push_back(s);
        wanted.push_back(furniture_rels_of(s));
    }
    auto parts = read_package(reference, wanted, error);
    if (!parts) return fail(error);

    int drawing = 100000;
    std::map<std::string, std::string> media;  // the reference's part -> planpack's name
    std::vector<std::string> media_order;
    for (const auto& source : sources) {
        const auto p = parts->find(source);
        if (p == parts->end()) return fail(source + " is missing");
        if (!XmlTree::parse(p->second)) return fail(source + " is not well-formed XML");
        const std::string& name = renamed[source];
        f.parts.push_back({"word/" + name, furniture_renumber_drawings(p->second, drawing)});
        f.content_types.emplace_back("/word/" + name, name.find("header") != std::string::npos ? header_type : footer_type);
        const auto r = parts->find(furniture_rels_of(source));
        if (r == parts->end()) continue;
        auto own = furniture_relationships(r->second);
        if (!own) return fail(furniture_rels_of(source) + " is not well-formed XML");
        // The part's relationship ids are its own (no clash with the body's); only the
        // targets it shares the package with are renamed.
        std::string out = relationships_head;
        for (const auto& rel : *own) {
            std::string target = rel.target;
            if (!rel.external) {
                const std::string from = furniture_resolve(std::filesystem::path(source).parent_path().string(), rel.target);
                auto [m, fresh] = media.emplace(from, "");
                if (fresh) {
                    m->second = "media/reference" + std::to_string(media.size()) +
                                std::filesystem::path(from).extension().string();
                    media_order.push_back(from);
                }
                target = m->second;
            }
            out += "<Relationship Id=\"" + xml(rel.id) + "\" Type=\"" + xml(rel.type) + "\" Target=\"" + xml(target) +
                   "\"" + (rel.external ? " TargetMode=\"External\"" : "") + "/>\n";
        }
        f.parts.push_back({"word/_rels/" + name + ".rels", out + "</Relationships>\n"});
    }
    auto files = read_package(reference, media_order, error);
    if (!files) return fail(error);
    for (const auto& from : media_order) {
        const auto m = files->find(from);
        if (m == files->end()) return fail(from + ", which its headers or footers show, is missing");
        const std::string type = furniture_content_type(types->root(), from);
        if (type.empty()) return fail("[Content_Types].xml gives no content type for " + from);
        f.parts.push_back({"word/" + media[from], m->second});
        f.content_types.emplace_back("/word/" + media[from], type);
    }
    // Headers only: the pages keep planpack's numbers.
    if (std::none_of(f.references.begin(), f.references.end(), [](const auto& r) { return !r.header; })) {
        Furniture own = own_furniture();
        f.references.insert(f.references.end(), own.references.begin(), own.references.end());
        f.parts.insert(f.parts.end(), own.parts.begin(), own.parts.end());
        f.content_types.insert(f.content_types.end(), own.content_types.begin(), own.content_types.end());
    }
    return f;
}

}  // namespace planpack::render::docx
