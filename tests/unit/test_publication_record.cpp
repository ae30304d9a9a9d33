// The publication record (src/publish): SHA-256, published.toml read and written, the
// text a reader reads, and a build compared with what was published.
#include <doctest/doctest.h>

#include <string>

#include "publish/compare.hpp"
#include "publish/record.hpp"
#include "publish/sha256.hpp"
#include "publish/text.hpp"

namespace unit_publication_record {

using namespace planpack;
using namespace planpack::publish;

namespace {

std::string messages(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.sorted()) out += format(x) + "\n";
    return out;
}

const std::string digest_a(64, 'a');
const std::string digest_b(64, 'b');

std::string one_publication(const std::string& file_keys) {
    return "schema = \"published/1\"\n"
           "\n"
           "[[publication]]\n"
           "id = \"plan\"\n"
           "published = 2023-06-26\n"
           "\n"
           "  [[publication.file]]\n" +
           file_keys;
}

Edition plan_edition(std::vector<std::string> files) {
    Edition e;
    e.id = "plan";
    e.noun = "the Youth Justice Plan 2023/24";
    e.published = {2023, 6, 26};
    e.source = "its [[document]] in planpack.toml";
    e.files = std::move(files);
    return e;
}

const std::string page_v1 =
    "<html><body><nav>Home</nav><main><h1>Introduction</h1><p>We saw 48 first-time entrants.</p>"
    "<p>Next year we aim for fewer.</p></main><footer>Published</footer></body></html>";

}  // namespace

TEST_CASE("SHA-256 through Nettle matches the published test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("published.toml: written, read back, written again to the same bytes") {
    Record r;
    Publication p;
    p.id = "cyp-scrutiny-2022-09-22";
    p.published = {2022, 9, 13};
    p.corrections.push_back({{2022, 10, 3}, "Appendix 7(a)'s \"total\" was wrong.", {}});
    FileRecord f;
    f.path = "committees/cyp/cyp-scrutiny-2022-09-22/index.html";
    f.sha256 = digest_a;
    f.text = digest_b;
    for (int i = 0; i < 11; ++i) f.lines.push_back("0123abcd");
    p.files.push_back(f);
    r.publications.push_back(p);
    const std::string text = write_record(r);
    Diagnostics d;
    auto back = parse_record(text, "published.toml", d);
    REQUIRE(back);
    CHECK(messages(d) == "");
    REQUIRE(back->publications.size() == 1);
    const auto& q = back->publications[0];
    CHECK(q.id == p.id);
    CHECK(q.published == p.published);
    REQUIRE(q.corrections.size() == 1);
    CHECK(q.corrections[0].reason == p.corrections[0].reason);
    REQUIRE(q.files.size() == 1);
    CHECK(q.files[0].lines == f.lines);
    CHECK(q.files[0].sha256 == digest_a);
    CHECK(write_record(*back) == text);
}

TEST_CASE("a malformed published.toml is an error at its file, line and column") {
    SUBCASE("not TOML") {
        Diagnostics d;
        CHECK_FALSE(parse_record("schema = \"published/1\"\n[[publication]\n", "published.toml", d));
        REQUIRE(d.all().size() == 1);
        CHECK(d.all()[0].pos.file == "published.toml");
        CHECK(d.all()[0].pos.line == 2);
        CHECK(d.all()[0].pos.col > 0);
    }
    SUBCASE("a digest edited by hand") {
        Diagnostics d;
        parse_record(one_publication("  path = \"plan/index.html\"\n  sha256 = \"abc\"\n  text = \"" + digest_b +
                                     "\"\n  lines = \"\"\n"),
                     "published.toml", d);
        CHECK(messages(d) == "published.toml:9:12: error: sha256 must be a SHA-256 digest (64 hexadecimal digits, as "
                             "planpack publish writes it); this record was edited by hand\n");
    }
    SUBCASE("a line fingerprint that is not one") {
        Diagnostics d;
        parse_record(one_publication("  path = \"plan/index.html\"\n  sha256 = \"" + digest_a + "\"\n  text = \"" +
                                     digest_b + "\"\n  lines = \"0123abcd zz\"\n"),
                     "published.toml", d);
        CHECK(messages(d) == "published.toml:11:11: error: lines must be 8-digit hexadecimal fingerprints separated "
                             "by spaces, not 'zz'; this record was edited by hand\n");
    }
    SUBCASE("a key planpack does not write") {
        Diagnostics d;
        parse_record("schema = \"published/1\"\n[[publication]]\nid = \"plan\"\npublished = 2023-06-26\n"
                     "date = 2023-06-26\n",
                     "published.toml", d);
        const std::string all = messages(d);
        CHECK(all.find("published.toml:5:1: error:") != std::string::npos);
    }
    SUBCASE("the same paper twice") {
        Diagnostics d;
        parse_record("schema = \"published/1\"\n[[publication]]\nid = \"plan\"\npublished = 2023-06-26\n"
                     "[[publication]]\nid = \"plan\"\npublished = 2023-06-26\n",
                     "published.toml", d);
        CHECK(messages(d).find("published.toml:6:6: error: 'plan' is recorded twice (first at line 3); keep one "
                               "[[publication]] for it\n") != std::string::npos);
    }
    SUBCASE("another file's schema") {
        Diagnostics d;
        parse_record("schema = \"board/1\"\n", "published.toml", d);
        CHECK(messages(d) == "published.toml:1:10: error: unknown schema 'board/1': published.toml is planpack's "
                             "publication record, schema = \"published/1\"\n");
    }
}

TEST_CASE("a page's text is what <main> says, block by block, entities decoded") {
    const Text t = html_text("<header>Site</header><main id=\"main\"><h1>Budget &amp; staffing</h1>"
                             "<p class=\"download\"><a href=\"x.pdf\">Download (3 pages, 12 KB)</a></p>"
                             "<p>Total:\n  &#163;1,234 &lt;5</p><table><tr><th>A</th><td>1</td></tr></table>"
                             "</main><footer>x</footer>");
    REQUIRE(t.size() == 3);
    CHECK(t[0].text == "Budget & staffing");
    CHECK(t[1].text == "Total: \xC2\xA3" "1,234 <5");
    CHECK(t[2].text == "A 1");
}

TEST_CASE("a text's digest is of its words, wherever the lines broke") {
    const Text a = pdf_text({{"The child-", "first approach works"}});
    const Text b = pdf_text({{"The child-first approach", "works"}});
    const Text c = pdf_text({{"The child-first approach fails"}});
    CHECK(text_digest(a) == text_digest(b));
    CHECK(text_digest(a) != text_digest(c));
    CHECK(a[1].page == 1);
}

TEST_CASE("a build compared with the record") {
    output::OutputTree tree{{"plan/index.html", page_v1}};
    Record record;
    Publication p;
    p.id = "plan";
    p.published = {2023, 6, 26};
    p.pos = {"published.toml", 3, 1};
    FileRecord f = fingerprint("plan/index.html", page_v1, {});
    f.pos = {"published.toml", 8, 3};
    p.files.push_back(f);
    record.publications.push_back(p);
    const output::Formats all{output::Format::html, output::Format::pdf, output::Format::xlsx};

    SUBCASE("the same text, other markup: no change") {
        output::OutputTree restyled{
            {"plan/index.html", "<main class=\"new\"><h1>Introduction</h1><p>We saw 48 first-time entrants.</p>"
                                "<p>Next year we aim for fewer.</p></main>"}};
        Diagnostics d;
        compare(record, {plan_edition({"plan/index.html"})}, restyled, {}, all, d);
        CHECK(messages(d) == "");
    }
    SUBCASE("a changed figure names the paper, the file and the first line that changed") {
        output::OutputTree changed{{"plan/index.html", page_v1.substr(0, page_v1.find("48")) + "46" +
                                                           page_v1.substr(page_v1.find("48") + 2)}};
        Diagnostics d;
        compare(record, {plan_edition({"plan/index.html"})}, changed, {}, all, d);
        CHECK(messages(d) ==
              "published.toml:8:3: error: the Youth Justice Plan 2023/24, published 26 June 2023, would change: "
              "plan/index.html, would now read \"We saw 46 first-time entrants.\"; a published paper may change only "
              "for a stated correction: add a [[correction]] with its date and reason to its [[document]] in "
              "planpack.toml (the paper then prints it as an erratum), or undo the change\n");
    }
    SUBCASE("a stated correction the record has not seen lets it change") {
        Edition e = plan_edition({"plan/index.html"});
        e.corrections.push_back({{2023, 7, 1}, "The count was wrong.", {}});
        output::OutputTree changed{{"plan/index.html", "<main><p>Something else</p></main>"}};
        Diagnostics d;
        auto result = compare(record, {e}, changed, {}, all, d);
        CHECK(messages(d) == "");
        CHECK(result.corrected == std::vector<std::string>{"plan"});
        SUBCASE("and publishing records it, with the correction") {
            Record next = republish(record, {e}, changed, {}, {}, d);
            CHECK(messages(d) == "");
            REQUIRE(next.publications.size() == 1);
            CHECK(next.publications[0].corrections.size() == 1);
            CHECK(next.publications[0].published == p.published);
            Diagnostics again;
            compare(next, {e}, changed, {}, all, again);
            CHECK(messages(again) == "");
        }
    }
    SUBCASE("a PDF's change is placed on its page") {
        PdfText before{{"plan/plan.pdf", {{"Cover"}, {"Introduction", "We saw 48"}}}};
        PdfText after{{"plan/plan.pdf", {{"Cover"}, {"Introduction", "We saw 46"}}}};
        output::OutputTree pdf{{"plan/plan.pdf", "%PDF-1"}};
        Record r2 = record;
        r2.publications[0].files = {fingerprint("plan/plan.pdf", "%PDF-1", before)};
        r2.publications[0].files[0].pos = {"published.toml", 9, 3};
        Diagnostics d;
        compare(r2, {plan_edition({"plan/plan.pdf"})}, pdf, after, all, d);
        CHECK(messages(d).find("would change: plan/plan.pdf, page 2, would now read \"We saw 46\"") !=
              std::string::npos);
        SUBCASE("another SOURCE_DATE_EPOCH, the same text: no change") {
            Diagnostics same;
            compare(r2, {plan_edition({"plan/plan.pdf"})}, {{"plan/plan.pdf", "%PDF-2"}}, before, all, same);
            CHECK(messages(same) == "");
        }
    }
    SUBCASE("a paper no longer built") {
        Diagnostics d;
        compare(record, {}, tree, {}, all, d);
        CHECK(messages(d) == "published.toml:3:1: error: 'plan', published 26 June 2023, is no longer built: a "
                             "published paper is not withdrawn silently; restore its source, or, to withdraw it, "
                             "delete its [[publication]] here\n");
    }
    SUBCASE("a draft cannot be published") {
        Edition e = plan_edition({"plan/index.html"});
        e.draft = true;
        e.pos = {"planpack.toml", 5, 1};
        Diagnostics d;
        republish({}, {e}, tree, {}, {}, d);
        CHECK(messages(d) == "planpack.toml:5:1: error: 'plan' is a draft (draft = true), and a draft cannot be "
                             "published: when it is agreed, remove draft = true and give the date it is published "
                             "(published = YYYY-MM-DD); to publish other papers now, name them: planpack publish "
                             "ID ...\n");
    }
}

}  // namespace unit_publication_record
