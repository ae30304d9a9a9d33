// The DOCX renderer's parts on hostile and hand-built input: escaping, the zip package,
// the styles merge with a council's reference, its headers and footers, numbering runs,
// and a small document.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "model_builders.hpp"
#include "render/docx/docx.hpp"
#include "render/docx/furniture.hpp"
#include "render/docx/numbering.hpp"
#include "render/docx/package.hpp"
#include "render/docx/styles.hpp"
#include "render/docx/xml.hpp"

namespace planpack {
namespace unit_docx {

using namespace render::docx;
namespace fs = std::filesystem;

// The named parts of a package held in memory, through a file as libzip reads them.
std::map<std::string, std::string> parts_of(const std::string& zip, const std::vector<std::string>& names) {
    const fs::path file = fs::temp_directory_path() / ("planpack-unit-docx-" + std::to_string(::getpid()) + ".zip");
    std::ofstream(file, std::ios::binary) << zip;
    std::string error;
    auto parts = read_package(file, names, error);
    fs::remove(file);
    REQUIRE_MESSAGE(parts, error);
    return *parts;
}

TEST_CASE("XML text: markup escaped, characters XML forbids dropped") {
    CHECK(xml("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d");
    CHECK(xml(std::string("x\x01y\x1Fz\tq\n", 9)) == "xyz\tq\n");
    CHECK(xml("\xC2\xA3" "5 \xE2\x80\x94 ok") == "\xC2\xA3" "5 \xE2\x80\x94 ok");  // UTF-8 passes
}

TEST_CASE("the package: parts in order, same bytes for the same parts, readable back") {
    std::string error;
    const std::vector<Part> parts = {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}};
    auto a = write_package(parts, 1687737600, error);
    REQUIRE_MESSAGE(a, error);
    auto b = write_package(parts, 1687737600, error);
    REQUIRE(b);
    CHECK(*a == *b);
    CHECK(a->rfind("PK", 0) == 0);
    CHECK(a->find("[Content_Types].xml") < a->find("word/document.xml"));
    auto read = parts_of(*a, {"word/document.xml", "word/missing.xml"});
    CHECK(read.size() == 1);
    CHECK(read["word/document.xml"] == "<w:document/>");
    // Another date, other bytes: the date is an input.
    auto c = write_package(parts, 1700000000, error);
    REQUIRE(c);
    CHECK(*c != *a);
    // Before 1980 a zip cannot say: the earliest date it can, not garbage.
    CHECK(write_package(parts, 0, error));
}

TEST_CASE("a reference document's styles win, planpack's fill the gaps") {
    const std::string own =
        "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:rPr><w:color w:val=\"1F3864\"/></w:rPr>"
        "</w:style><w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/></w:style>"
        "</w:styles>";
    const std::string reference =
        "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:rPr><w:color w:val=\"C00000\"/></w:rPr>"
        "</w:style></w:styles>";
    const std::string merged = merge_styles(reference, own);
    CHECK(merged.find("C00000") != std::string::npos);
    CHECK(merged.find("1F3864") == std::string::npos);
    CHECK(merged.find("w:styleId=\"Caption\"") != std::string::npos);
    CHECK(merged.rfind("</w:styles>") > merged.find("w:styleId=\"Caption\""));
    CHECK(merge_styles("not a styles part", own) == own);
}

TEST_CASE("report paragraph numbers: one run per prefix while they follow on") {
    Numbering n;
    const int first = n.report_paragraph("6.1");
    CHECK(n.report_paragraph("6.2") == first);
    CHECK(n.report_paragraph("6.3") == first);  // a sub-section heading takes its number
    const int sub = n.report_paragraph("6.3.1");
    CHECK(sub != first);
    CHECK(n.report_paragraph("6.3.2") == sub);
    CHECK(n.report_paragraph("6.4") == first);
    const int gap = n.report_paragraph("6.9");  // not the next: a new run that starts at 9
    CHECK(gap != first);
    n.new_section();
    CHECK(n.report_paragraph("6.1") != first);  // the next report starts again
    const std::string x = n.xml();
    CHECK(x.find("w:lvlText w:val=\"6.%1\"") != std::string::npos);
    CHECK(x.find("w:lvlText w:val=\"6.3.%1\"") != std::string::npos);
    CHECK(x.find("<w:startOverride w:val=\"9\"/>") != std::string::npos);
    CHECK(n.ordered_list(3, 1) > gap);
    CHECK(n.xml().find("<w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"3\"/>") != std::string::npos);
}

TEST_CASE("a hand-built document: hostile text escaped, links to bookmarks, footnotes") {
    using namespace testing;
    model::Document doc;
    doc.id = "plan";
    doc.kind = model::DocumentKind::annual_plan;
    doc.title = "Plan <&> \"2023\"";
    doc.published = {2023, 6, 26};
    model::Section s = section("intro", model::SectionKind::section, 1);
    s.title = "Intro & <script>";
    model::Link same;
    same.url = "#aims";
    same.content = text("our aims");
    model::Inlines words = text("See ");
    words.push_back({same});
    words.push_back({model::FootnoteRef{1, "1"}});
    words.push_back({model::Text{std::string("bad\x02" "char")}});
    s.blocks = {heading(2, "Aims"), para(words)};
    std::get<model::Heading>(s.blocks[0].value).id = "aims";
    s.footnotes.push_back({1, "1", {para("A note & more.")}});
    doc.sections.push_back(s);

    load::Config config;
    config.service_name = "Service";
    config.local_authority = "Council";
    Diagnostics diags;
    auto t = load_template(fs::path(PLANPACK_SOURCE_DIR) / "templates", diags);
    REQUIRE(t);
    auto bytes = render_docx(config, doc, *t, {}, {}, diags);
    REQUIRE(bytes);
    CHECK(!diags.has_errors());
    auto parts = parts_of(*bytes, {"word/document.xml", "word/footnotes.xml", "docProps/core.xml"});
    const std::string& body = parts["word/document.xml"];
    CHECK(body.find("Plan &lt;&amp;&gt; &quot;2023&quot;") != std::string::npos);
    CHECK(body.find("Intro &amp; &lt;script&gt;") != std::string::npos);
    CHECK(body.find('\x02') == std::string::npos);
    CHECK(body.find("w:name=\"pp2\"") != std::string::npos);  // the heading's bookmark
    CHECK(body.find("<w:hyperlink w:anchor=\"pp2\"") != std::string::npos);
    CHECK(body.find("<w:footnoteReference w:id=\"1\"/>") != std::string::npos);
    CHECK(parts["word/footnotes.xml"].find("A note &amp; more.") != std::string::npos);
    CHECK(parts["docProps/core.xml"].find("2023-06-26T00:00:00Z") != std::string::npos);
    // The same document, the same bytes.
    CHECK(render_docx(config, doc, *t, {}, {}, diags) == bytes);
}

// A reference document written to a file, as a council's templates/docx/reference.docx.
fs::path reference_file(const std::vector<Part>& parts) {
    std::string error;
    auto zip = write_package(parts, 0, error);
    REQUIRE_MESSAGE(zip, error);
    const fs::path file =
        fs::temp_directory_path() / ("planpack-unit-reference-" + std::to_string(::getpid()) + ".docx");
    std::ofstream(file, std::ios::binary) << *zip;
    return file;
}

const char* const body_with_header =
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body><w:p/>"
    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId8\"/><w:titlePg/></w:sectPr></w:body></w:document>";
const char* const header_rels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
    "Target=\"header1.xml\"/></Relationships>";

TEST_CASE("a reference's header and its logo are copied under planpack's names, its footer kept") {
    const fs::path file = reference_file({
        {"[Content_Types].xml",
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"PNG\" ContentType=\"image/png\"/></Types>"},
        {"word/document.xml", body_with_header},
        {"word/_rels/document.xml.rels", header_rels},
        {"word/header1.xml", "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                             "xmlns:wp=\"wp\"><w:p><wp:docPr id=\"1\" name=\"logo\"/></w:p></w:hdr>"},
        {"word/_rels/header1.xml.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"image\" Target=\"media/image1.PNG\"/>"
         "<Relationship Id=\"rId2\" Type=\"hyperlink\" Target=\"https://example.org/?a&amp;b\" "
         "TargetMode=\"External\"/></Relationships>"},
        {"word/media/image1.PNG", "logo bytes"},
    });
    Diagnostics diags;
    auto f = reference_furniture(file, diags);
    fs::remove(file);
    REQUIRE(f);
    CHECK(!diags.has_errors());
    REQUIRE(f->references.size() == 2);
    CHECK((f->references[0].header && f->references[0].part == "reference-header1.xml"));
    CHECK((!f->references[1].header && f->references[1].part == "footer1.xml"));  // planpack's page numbers
    CHECK(f->title_page);
    std::map<std::string, std::string> parts;
    for (const Part& p : f->parts) parts[p.name] = p.bytes;
    CHECK(parts["word/reference-header1.xml"].find("docPr id=\"100000\"") != std::string::npos);
    const std::string& rels = parts["word/_rels/reference-header1.xml.rels"];
    CHECK(rels.find("Id=\"rId1\" Type=\"image\" Target=\"media/reference1.PNG\"") != std::string::npos);
    CHECK(rels.find("Target=\"https://example.org/?a&amp;b\" TargetMode=\"External\"") != std::string::npos);
    CHECK(parts["word/media/reference1.PNG"] == "logo bytes");
    CHECK(parts.count("word/footer1.xml") == 1);
    CHECK(std::count(f->content_types.begin(), f->content_types.end(),
                     std::pair<std::string, std::string>{"/word/media/reference1.PNG", "image/png"}) == 1);
}

TEST_CASE("a reference without headers keeps planpack's footer, a broken one is an error naming it") {
    Diagnostics diags;
    const fs::path plain = reference_file(
        {{"word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                               "<w:body><w:sectPr/></w:body></w:document>"}});
    auto f = reference_furniture(plain, diags);
    fs::remove(plain);
    REQUIRE(f);
    CHECK(f->references.size() == 1);
    CHECK(f->parts.front().name == "word/footer1.xml");

    const fs::path broken = reference_file({{"word/document.xml", body_with_header},
                                            {"[Content_Types].xml", "<Types/>"},
                                            {"word/_rels/document.xml.rels", header_rels}});
    CHECK(!reference_furniture(broken, diags));  // word/header1.xml is not in it
    fs::remove(broken);
    REQUIRE(diags.has_errors());
    CHECK(diags.all().back().pos.file == broken.string());
    CHECK(diags.all().back().message.find("word/header1.xml is missing") != std::string::npos);
}

}  // namespace unit_docx
}  // namespace planpack
