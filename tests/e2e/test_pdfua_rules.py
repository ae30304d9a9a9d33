"""Each rule of the PDF/UA checker (tests/e2e/pdfua.py) catches what it is for: a small
hand-made tagged PDF passes every rule, and each test breaks it in one way and expects
exactly that rule, and no other, to fail. Without this a checker that passes everything
would make the real-output checks in test_pdf_tagged.py worthless."""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name, String

import pdfua
from checks import Checks

check = Checks()

CONTENT = b"""/Artifact <</Type /Pagination>> BDC 0 0 m 100 0 l S EMC
/H1 <</MCID 0>> BDC BT /F1 12 Tf 10 700 Td (Title) Tj ET EMC
/P <</MCID 1>> BDC BT /F1 10 Tf 10 680 Td (Text ) Tj ET EMC
/Link <</MCID 2>> BDC BT /F1 10 Tf 40 680 Td (a link) Tj ET EMC
/H2 <</MCID 3>> BDC BT /F1 11 Tf 10 660 Td (Part) Tj ET EMC
/TH <</MCID 4>> BDC BT /F1 10 Tf 10 640 Td (Head) Tj ET EMC
/TD <</MCID 5>> BDC BT /F1 10 Tf 10 620 Td (Cell) Tj ET EMC
/Figure <</MCID 6>> BDC 10 500 50 50 re f EMC
"""

XMP = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">A test</rdf:li></rdf:Alt></dc:title><pdfuaid:part>1</pdfuaid:part>
</rdf:Description></rdf:RDF></x:xmpmeta>"""


def good():
    """A one-page PDF/UA-shaped file: headings, a paragraph with a link, a table, a figure."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(
        Type=Name.Font, Subtype=Name.TrueType, BaseFont=Name("/Test"),
        ToUnicode=pdf.make_stream(b"cmap"),
        FontDescriptor=pdf.make_indirect(Dictionary(Type=Name.FontDescriptor, FontName=Name("/Test"),
                                                     FontFile2=pdf.make_stream(b"font")))))
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(CONTENT)
    annot = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[40, 675, 80, 690],
                                         Contents=String("a link"), StructParent=1,
                                         A=Dictionary(S=Name.URI, URI=String("https://example.org/"))))
    page.obj.Annots = Array([annot])
    page.obj.Tabs = Name.S
    page.obj.StructParents = 0
    pg = page.obj

    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))

    def elem(tag, parent, kids, **extra):
        e = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + tag), P=parent, Pg=pg, **extra))
        e.K = Array(kids)
        return e

    doc = elem("Document", root, [])
    h1 = elem("H1", doc, [0])
    para = elem("P", doc, [1])
    link = elem("Link", para, [2, Dictionary(Type=Name.OBJR, Obj=annot, Pg=pg)])
    para.K = Array([1, link])
    h2 = elem("H2", doc, [3])
    table = elem("Table", doc, [])
    tr1 = elem("TR", table, [])
    th = elem("TH", tr1, [4], A=Dictionary(O=Name.Table, Scope=Name.Column))
    tr1.K = Array([th])
    tr2 = elem("TR", table, [])
    td = elem("TD", tr2, [5])
    tr2.K = Array([td])
    table.K = Array([tr1, tr2])
    fig = elem("Figure", doc, [6], Alt=String("A grey square"))
    doc.K = Array([h1, para, h2, table, fig])
    root.K = doc
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array([0, Array([h1, para, link, h2, th, td, fig]), 1, link])))
    root.ParentTreeNextKey = 2
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = String("en-GB")
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.Root.Metadata = pdf.make_stream(XMP, Type=Name.Metadata, Subtype=Name.XML)
    return pdf, {"doc": doc, "h1": h1, "h2": h2, "th": th, "fig": fig, "annot": annot, "link": link,
                 "font": font, "page": pg, "root": root}


def expect_only(rule, what, breaker):
    pdf, parts = good()
    breaker(pdf, parts)
    found = pdfua.check_pdf(pdf)
    check(rule in found, f"{rule} catches {what}: {found}")
    check(set(found) <= {rule}, f"only {rule} fails when {what}: {sorted(found)}")


pdf, _ = good()
check(pdfua.check_pdf(pdf) == {}, f"the hand-made file passes every rule: {pdfua.check_pdf(pdf)}")


def set_content(pdf, parts, data):
    parts["page"].Contents = pdf.make_stream(data)


expect_only("structure_tree", "there is no structure tree",
            lambda pdf, p: (p["root"].__delitem__("/K")))
expect_only("structure_tree", "/MarkInfo is missing", lambda pdf, p: pdf.Root.__delitem__("/MarkInfo"))
expect_only("tagged_content", "a line is drawn outside marked content",
            lambda pdf, p: set_content(pdf, p, CONTENT + b"0 0 m 5 5 l S\n"))
expect_only("tagged_content", "text is shown outside marked content",
            lambda pdf, p: set_content(pdf, p, CONTENT + b"BT /F1 10 Tf 1 1 Td (x) Tj ET\n"))
expect_only("parent_tree", "the page has no /StructParents",
            lambda pdf, p: p["page"].__delitem__("/StructParents"))
expect_only("parent_tree", "the ParentTree maps an MCID to an element that does not hold it",
            lambda pdf, p: p["root"].ParentTree.Nums[1].__setitem__(0, p["h2"]))
expect_only("parent_tree", "an MCID has no ParentTree entry",
            lambda pdf, p: set_content(pdf, p, CONTENT + b"/P <</MCID 7>> BDC 1 1 2 2 re f EMC\n"))
expect_only("figure_alt", "a Figure has no /Alt", lambda pdf, p: p["fig"].__delitem__("/Alt"))
expect_only("th_scope", "a TH has no /Scope", lambda pdf, p: p["th"].__delitem__("/A"))
expect_only("heading_levels", "the first heading is H2",
            lambda pdf, p: p["h1"].__setitem__("/S", Name.H2))
expect_only("heading_levels", "H1 is followed by H3",
            lambda pdf, p: p["h2"].__setitem__("/S", Name.H3))
expect_only("lang", "/Lang is missing", lambda pdf, p: pdf.Root.__delitem__("/Lang"))
expect_only("xmp", "the XMP has no pdfuaid:part",
            lambda pdf, p: pdf.Root.__setitem__("/Metadata", pdf.make_stream(XMP.replace(b"pdfuaid:part", b"pdfuaid:x"))))
expect_only("xmp", "there is no XMP", lambda pdf, p: pdf.Root.__delitem__("/Metadata"))
expect_only("display_doc_title", "DisplayDocTitle is false",
            lambda pdf, p: pdf.Root.ViewerPreferences.__setitem__("/DisplayDocTitle", False))
expect_only("fonts", "a font has no ToUnicode", lambda pdf, p: p["font"].__delitem__("/ToUnicode"))
expect_only("fonts", "a font is not embedded",
            lambda pdf, p: p["font"].FontDescriptor.__delitem__("/FontFile2"))
expect_only("annotations", "a page with annotations lacks /Tabs /S", lambda pdf, p: p["page"].__delitem__("/Tabs"))
expect_only("annotations", "a link annotation has no /StructParent",
            lambda pdf, p: p["annot"].__delitem__("/StructParent"))
expect_only("annotations", "a link annotation has no /Contents",
            lambda pdf, p: p["annot"].__delitem__("/Contents"))
expect_only("annotations", "the Link element holds no OBJR",
            lambda pdf, p: p["link"].__setitem__("/K", Array([2])))
check.finish()
