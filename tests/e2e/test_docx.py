"""Every Word file of the example, read back by real readers (issue 18).

One build of the example with --format docx (and --restricted-out, for the exempt paper),
then:
- python-docx (Debian's python3-docx) reads each file: Word's built-in styles, document
  properties, headings, tables (a Caption paragraph before each, its head rows repeated,
  every row as wide as its grid), numbering (bullets, numbered lists, a committee report's
  paragraph numbers), footnotes, internal links to bookmarks, pictures with alt text, and
  the chart's figures table after each chart;
- the exempt report is in the restricted pack's Word file and in no public one;
- LibreOffice, in one headless run over every file, converts them to PDF; the text of each
  (pdftotext) has every heading and caption in order, and the report's paragraph numbers;
- a council's templates/docx/reference.docx (made here with zipfile) with another heading
  colour and font and a Letter page restyles the output with no rebuild of planpack.
Byte-identical output across time zones is checked by test_deterministic."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import docx
from docx.oxml.ns import qn

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
BUILT_IN = ["Normal", "Title", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6",
            "ListBullet", "ListNumber", "Caption", "TableGrid", "FootnoteText", "Quote"]
PLAN = "youth-justice-plan-2023-24/youth-justice-plan-2023-24.docx"
BOARD = "board-pack-2023-10/board-pack-2023-10.docx"
PACK = "committees/cyp-scrutiny/cyp-scrutiny-2022-09-22/cyp-scrutiny-2022-09-22.docx"


def build(out, *extra):
    return subprocess.run([planpack, "build", "--root", root, "--out", out, "--format", "docx", "-q"] + list(extra),
                          capture_output=True, text=True, timeout=600)


def flat(text):
    return re.sub(r"\s+", " ", text).strip()


def style_of(p):
    ps = p.find(f"{W}pPr/{W}pStyle")
    return ps.get(f"{W}val") if ps is not None else "Normal"


def text_of(el):
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def body_elements(d):
    return list(d.element.body)


def check_file(name, path):
    d = docx.Document(path)
    ids = {s.style_id for s in d.styles}
    missing = [s for s in BUILT_IN if s not in ids]
    check(not missing, f"{name}: Word's built-in styles are defined (missing {missing})")
    core = d.core_properties
    check(core.title and core.author and core.subject and core.language == "en-GB",
          f"{name}: title, author, subject and language are set ({core.title!r}, {core.author!r}, {core.language!r})")

    elements = body_elements(d)
    paragraphs = [e for e in elements if e.tag == f"{W}p"]
    headings = [(int(style_of(p)[7:]), text_of(p)) for p in paragraphs if style_of(p).startswith("Heading")]
    check(headings and all(t.strip() for _, t in headings), f"{name}: headings, none of them empty")
    check(all(b[0] <= a[0] + 1 or b[0] <= 2 for a, b in zip(headings, headings[1:])),
          f"{name}: heading levels step down one at a time")

    # Tables: a caption before each, head rows repeated, every row as wide as the grid.
    tables = [i for i, e in enumerate(elements) if e.tag == f"{W}tbl"]
    uncaptioned, ragged, unrepeated = [], [], []
    for i in tables:
        tbl = elements[i]
        before = elements[i - 1] if i > 0 else None
        if before is None or before.tag != f"{W}p" or style_of(before) != "Caption":
            uncaptioned.append(text_of(tbl)[:40])
        grid = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
        if any(len(tr.findall(f"{W}tc")) != grid for tr in tbl.findall(f"{W}tr")):
            ragged.append(text_of(tbl)[:40])
        first = tbl.find(f"{W}tr")
        if first.find(f"{W}trPr/{W}tblHeader") is None:
            unrepeated.append(text_of(tbl)[:40])
    check(not uncaptioned, f"{name}: every table has a Caption paragraph before it ({uncaptioned[:3]})")
    check(not ragged, f"{name}: every row has a cell per grid column ({ragged[:3]})")
    check(not unrepeated, f"{name}: every table repeats its header row on each page ({unrepeated[:3]})")
    check(len(d.tables) == len(tables), f"{name}: python-docx reads {len(tables)} tables")

    # Pictures: each with alt text, each a picture part of the package.
    pictures = list(d.element.body.iter(f"{WP}docPr"))
    check(all(p.get("descr") for p in pictures), f"{name}: every picture has alt text")
    rels = [r for r in d.part.rels.values() if r.reltype.endswith("/image")]
    check(all(r.target_part.blob[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1") for r in rels),
          f"{name}: every picture is a PNG or JPEG")

    # Links inside the file go to bookmarks it has.
    marks = {b.get(f"{W}name") for b in d.element.body.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for h in d.element.body.iter(f"{W}hyperlink") if h.get(f"{W}anchor")]
    check(all(a in marks for a in anchors), f"{name}: every internal link has its bookmark")

    # Footnotes: every reference has its note.
    with zipfile.ZipFile(path) as z:
        notes = z.read("word/footnotes.xml").decode()
        numbering = z.read("word/numbering.xml").decode()
    refs = [r.get(f"{W}id") for r in d.element.body.iter(f"{W}footnoteReference")]
    check(all(f'w:id="{r}"' in notes for r in refs), f"{name}: every footnote reference has its footnote")
    check('w:numFmt w:val="bullet"' in numbering and 'w:numFmt w:val="decimal"' in numbering,
          f"{name}: numbering defines bullets and numbers")
    return d, elements, headings, anchors, refs, pictures, numbering


with tempfile.TemporaryDirectory() as tmp:
    site, restricted = os.path.join(tmp, "site"), os.path.join(tmp, "restricted")
    r = build(site, "--restricted-out", restricted)
    check(r.returncode == 0, "the example builds with --format docx: " + r.stderr[-2000:])
    files = sorted(os.path.relpath(p, site) for p in glob.glob(os.path.join(site, "**", "*.docx"), recursive=True))
    pdfs = sorted(os.path.relpath(p, site) for p in glob.glob(os.path.join(site, "**", "*.pdf"), recursive=True))
    check(not pdfs and not glob.glob(os.path.join(site, "**", "*.html"), recursive=True),
          "--format docx writes Word files only")
    for f in (PLAN, BOARD, PACK):
        check(f in files, f"{f} is written")
    kept = glob.glob(os.path.join(restricted, "**", "*.docx"), recursive=True)
    check(len(kept) == 1, f"the restricted tree has the whole pack as a Word file ({kept})")

    read = {f: check_file(f, os.path.join(site, f)) for f in files}

    # The plan: a Heading 1 per section, footnotes, charts with their figures after them.
    d, elements, headings, anchors, refs, pictures, _ = read[PLAN]
    sections = len([f for f in os.listdir(os.path.join(root, "content")) if f.endswith(".md")])
    check(len([h for h in headings if h[0] == 1]) == sections,
          f"the plan has a Heading 1 for each of {sections} sections")
    check(len(refs) >= 2, "the plan's footnotes are Word footnotes")
    check(len(anchors) >= 10, "the plan's cross-references are links to bookmarks")
    charts = len(re.findall(r"^```planpack chart", "".join(open(p, encoding="utf-8").read()
                                                             for p in glob.glob(os.path.join(root, "content", "*.md"))),
                            re.M))
    check(len(pictures) == charts, f"the plan shows its {charts} charts as pictures ({len(pictures)})")
    drawn = [i for i, e in enumerate(elements) if e.tag == f"{W}p" and e.find(f".//{W}drawing") is not None]
    check(all(any(e.tag == f"{W}tbl" for e in elements[i + 1:i + 4]) for i in drawn),
          "each chart is followed by its figures table")
    check(any(s.style_id == "ListBullet" for s in d.styles) and
          any(style_of(p) == "ListBullet" and p.find(f"{W}pPr/{W}numPr") is not None
              for p in elements if p.tag == f"{W}p"), "bulleted lists use List Bullet with numbering")

    # The committee pack: report paragraphs numbered by Word, the exempt paper kept out.
    _, elements, _, _, _, _, numbering = read[PACK]
    check('w:lvlText w:val="6.%1"' in numbering, "report paragraphs 6.1, 6.2 ... are Word numbering")
    numbered = [p for p in elements if p.tag == f"{W}p" and p.find(f"{W}pPr/{W}numPr") is not None
                and style_of(p) == "Normal"]
    check(len(numbered) > 20, "the reports' paragraphs carry their numbering")
    public = flat(" ".join(text_of(e) for e in elements))
    secret = "Harbourside Communication Therapies"
    check(secret not in public and "Speech and language therapy for the Youth Justice Service" in public,
          "the exempt report is out of the public Word pack; its title stays on the agenda")
    check(kept and secret in flat(" ".join(text_of(e) for e in body_elements(docx.Document(kept[0])))),
          "the restricted Word pack holds the exempt report")

    # LibreOffice opens every file: one run converts them all to PDF.
    profile = os.path.join(tmp, "lo-profile")
    out = os.path.join(tmp, "lo")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    lo = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                         "--convert-to", "pdf", "--outdir", out] + [os.path.join(site, f) for f in files] + kept,
                        capture_output=True, text=True, timeout=400)
    check(lo.returncode == 0 and "Error" not in lo.stderr, "LibreOffice converts every Word file: " + lo.stderr[-500:])
    for f in files:
        pdf = os.path.join(out, os.path.basename(f)[:-5] + ".pdf")
        if not check(os.path.exists(pdf), f"LibreOffice made a PDF of {f}"):
            continue
        text = flat(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout)
        _, elements, _, _, _, _, _ = read[f]
        wanted = [flat(text_of(p)) for p in elements
                  if p.tag == f"{W}p" and (style_of(p).startswith("Heading") or style_of(p) == "Caption")]
        at, lost = 0, []
        for w in wanted:
            found = text.find(w, at)
            if found < 0:
                lost.append(w)
            else:
                at = found + len(w)
        check(not lost, f"{f}: LibreOffice's text has every heading and caption in order (lost {lost[:3]})")
        # Columns are at least as wide as their head's words: none broken mid-word ("Planne d").
        head_words = {w for t in elements if t.tag == f"{W}tbl"
                      for tr in t.findall(f"{W}tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None
                      for tc in tr.findall(f"{W}tc") for w in re.findall(r"[A-Za-z]{3,}", text_of(tc))}
        broken = sorted(w for w in head_words if not re.search(rf"\b{w}\b", text))
        check(not broken, f"{f}: every table head's words are whole in LibreOffice's layout (broken: {broken[:5]})")
        if f == PACK:
            laid = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
            check(all(re.search(n, laid) for n in (r"6\.2\s+HM Inspectorate of Probation",
                                                   r"6\.5\s+Performance headlines", r"6\.5\.1\s+Use of custody")),
                  "the report's numbers print as planpack numbered them")

    # A council's reference document restyles every file without a rebuild.
    templates = os.path.join(tmp, "templates")
    shutil.copytree(os.path.join(root, "templates"), templates)
    styles = open(os.path.join(templates, "docx", "styles.xml"), encoding="utf-8").read()
    heading = re.search(r'<w:style w:type="paragraph" w:styleId="Heading1">.*?</w:style>', styles, re.S)[0]
    council = heading.replace('w:val="1F3864"', 'w:val="C00000"').replace(
        "<w:rPr>", '<w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/>')
    caption = re.search(r'<w:style w:type="paragraph" w:styleId="Caption">.*?</w:style>', styles, re.S)[0]
    reference_styles = styles.replace(heading, council).replace(caption, "")
    with zipfile.ZipFile(os.path.join(templates, "docx", "reference.docx"), "w") as z:
        z.writestr("word/styles.xml", reference_styles)
        z.writestr("word/document.xml",
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                   '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1080" '
                   'w:bottom="1440" w:left="1080" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
                   '</w:body></w:document>')
    restyled = os.path.join(tmp, "restyled")
    r = build(restyled, "--templates", templates)
    check(r.returncode == 0, "the example builds with a reference.docx: " + r.stderr[-1000:])
    d = docx.Document(os.path.join(restyled, BOARD))
    h1 = d.styles["Heading 1"]
    check(str(h1.font.color.rgb) == "C00000" and h1.font.name == "Georgia",
          f"Heading 1 takes the reference's colour and font ({h1.font.color.rgb}, {h1.font.name})")
    check("Caption" in {s.style_id for s in d.styles}, "a style the reference lacks comes from styles.xml")
    section = d.sections[0]
    check(section.page_width == 12240 * 635 and section.left_margin == 1080 * 635,
          "the page size and margins come from the reference")

check.finish()
