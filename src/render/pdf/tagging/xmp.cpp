#include "render/pdf/tagging/xmp.hpp"

#include "render/html/escape.hpp"

namespace planpack::render::pdf::tagging {

namespace {

// XML's escaping is HTML's for text and attribute values: one function for both.
std::string escaped(const std::string& s) { return html::escape(s); }

}  // namespace

std::string xmp_packet(const XmpFields& f) {
    // The begin attribute's value is U+FEFF, the byte-order mark, as XMP requires.
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\"\n"
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
    x += "   <dc:format>application/pdf</dc:format>\n";
    x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(f.title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!f.author.empty())
        x += "   <dc:creator><rdf:Seq><rdf:li>" + escaped(f.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!f.subject.empty())
        x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(f.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    x += "   <dc:language><rdf:Bag><rdf:li>" + escaped(f.language) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!f.keywords.empty()) x += "   <pdf:Keywords>" + escaped(f.keywords) + "</pdf:Keywords>\n";
    x += "   <pdf:Producer>" + escaped(f.producer) + "</pdf:Producer>\n";
    x += "   <xmp:CreatorTool>" + escaped(f.creator_tool) + "</xmp:CreatorTool>\n";
    x += "   <xmp:CreateDate>" + f.date + "</xmp:CreateDate>\n";
    x += "   <xmp:ModifyDate>" + f.date + "</xmp:ModifyDate>\n";
    x += "   <xmp:MetadataDate>" + f.date + "</xmp:MetadataDate>\n";
    x += "   <pdfuaid:part>1</pdfuaid:part>\n";
    x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

}  // namespace planpack::render::pdf::tagging
