#include <doctest/doctest.h>

#include <string>

#include "render/pdf/tagging/marked_content.hpp"
#include "render/pdf/tagging/xmp.hpp"

namespace unit_pdf_tagging {

using namespace planpack::render::pdf;
using namespace planpack::render::pdf::tagging;

TEST_CASE("marked content: one sequence per run of items of a node, artifacts apart, MCIDs per page") {
    StructTree tree;
    const int h = tree.add(Tag::H1, StructTree::root);
    const int p = tree.add(Tag::P, StructTree::root);
    ContentMarker m(tree);
    m.begin_page(0);
    CHECK(m.enter(artifact, ArtifactKind::pagination) == "/Artifact <</Type /Pagination>> BDC\n");
    CHECK(m.enter(artifact, ArtifactKind::pagination).empty());
    CHECK(m.enter(h, ArtifactKind::layout) == "EMC\n/H1 <</MCID 0>> BDC\n");
    CHECK(m.enter(h, ArtifactKind::layout).empty());
    CHECK(m.enter(artifact, ArtifactKind::layout) == "EMC\n/Artifact <</Type /Layout>> BDC\n");
    CHECK(m.enter(p, ArtifactKind::layout) == "EMC\n/P <</MCID 1>> BDC\n");
    CHECK(m.finish_page() == "EMC\n");
    m.begin_page(1);
    CHECK(m.enter(p, ArtifactKind::layout) == "/P <</MCID 0>> BDC\n");  // MCIDs restart per page
    CHECK(m.finish_page() == "EMC\n");
    CHECK(m.finish_page().empty());
    REQUIRE(m.runs().size() == 3);
    CHECK(m.runs()[2].node == p);
    CHECK(m.runs()[2].page == 1);
    CHECK(m.mcids_per_page() == std::vector<int>{2, 1});
}

TEST_CASE("XMP: escapes what it quotes and claims PDF/UA-1") {
    const std::string x = xmp_packet({"Budget & <plan>", "YJS", "", "", "en-GB", "planpack", "planpack",
                                      "2023-11-14T22:13:20Z"});
    CHECK(x.find("Budget &amp; &lt;plan&gt;") != std::string::npos);
    CHECK(x.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
    CHECK(x.find("<rdf:li>en-GB</rdf:li>") != std::string::npos);
    CHECK(x.find("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>") != std::string::npos);
    CHECK(x.find("dc:description") == std::string::npos);  // no empty subject
}

}  // namespace unit_pdf_tagging
