"""A council's headers, footers and logo from templates/docx/reference.docx (issue 18).

A reference.docx made here with python-docx (a header with the council's name and an
inline PNG logo, a footer "Page N of M" in PAGE and NUMPAGES fields), the example built
with --templates pointing at a copy of templates/ holding it, then:
- python-docx reads every Word file: each section (portrait and landscape) has the header
  with its words and the logo's image part, and the footer with its PAGE field;
- LibreOffice converts the plan to PDF: pdftotext finds the header's words on pages 1 and
  2, the footer's page numbers worked out, and pdfimages the logo drawn on page 1;
- a second build gives byte-identical Word files;
- a reference whose body names a header it does not have fails the build, naming the file."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image, ImageDraw

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()

HEADER = "Blackpool Council Youth Justice Partnership"
PLAN = "youth-justice-plan-2023-24/youth-justice-plan-2023-24.docx"


def build(out, templates):
    return subprocess.run([planpack, "build", "--root", root, "--out", out, "--format", "docx", "-q",
                           "--templates", templates], capture_output=True, text=True, timeout=600)


def field(paragraph, instruction):
    """A complex field, as Word writes one: begin, instruction, separate, result, end."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def make_reference(path, logo):
    d = docx.Document()
    section = d.sections[0]
    section.header.is_linked_to_previous = False
    p = section.header.paragraphs[0]
    p.add_run().add_picture(logo, width=Cm(3))
    p.add_run("  " + HEADER)
    section.footer.is_linked_to_previous = False
    f = section.footer.paragraphs[0]
    f.add_run("Page ")
    field(f, " PAGE ")
    f.add_run(" of ")
    field(f, " NUMPAGES ")
    d.save(path)


def footer_instructions(footer):
    el = footer._element
    return " ".join(el.xpath(".//w:instrText/text()") + el.xpath(".//w:fldSimple/@w:instr"))


with tempfile.TemporaryDirectory() as tmp:
    templates = os.path.join(tmp, "templates")
    shutil.copytree(os.path.join(root, "templates"), templates)
    logo = os.path.join(tmp, "logo.png")
    image = Image.new("RGB", (240, 80), "white")
    ImageDraw.Draw(image).rectangle([10, 10, 230, 70], fill=(0, 94, 184))
    image.save(logo)
    logo_bytes = open(logo, "rb").read()
    reference = os.path.join(templates, "docx", "reference.docx")
    make_reference(reference, logo)

    site = os.path.join(tmp, "site")
    r = build(site, templates)
    check(r.returncode == 0, "the example builds with a reference.docx that has a header and footer: " + r.stderr[-1500:])
    files = sorted(os.path.relpath(f, site) for f in glob.glob(os.path.join(site, "**", "*.docx"), recursive=True))
    check(len(files) >= 4, f"every document has a Word file ({len(files)})")
    landscape = 0
    for f in files:
        d = docx.Document(os.path.join(site, f))
        for i, s in enumerate(d.sections):
            where = f"{f} section {i + 1}"
            landscape += s.orientation == WD_ORIENT.LANDSCAPE
            header = s.header
            check(not header.is_linked_to_previous and HEADER in " ".join(p.text for p in header.paragraphs),
                  f"{where}: has the reference's header")
            images = [rel for rel in header.part.rels.values() if rel.reltype == RT.IMAGE]
            check(any(rel.target_part.blob == logo_bytes for rel in images), f"{where}: the header shows the logo")
            check(all(rel.target_part.partname.startswith("/word/media/reference") for rel in images),
                  f"{where}: the logo is named apart from planpack's own media")
            footer = s.footer
            check(not footer.is_linked_to_previous and "PAGE" in footer_instructions(footer)
                  and "NUMPAGES" in footer_instructions(footer), f"{where}: has the reference's footer fields")
        # planpack's own "Page N" footer gives way to the reference's.
        with zipfile.ZipFile(os.path.join(site, f)) as z:
            check("word/footer1.xml" not in z.namelist(), f"{f}: planpack's own footer gives way to the reference's")
    check(landscape > 0, f"landscape sections carry the header and footer too ({landscape} checked)")

    # LibreOffice lays the plan out: the header on every page, the page numbers filled in.
    profile = os.path.join(tmp, "lo-profile")
    lo_out = os.path.join(tmp, "lo")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    lo = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                         "--convert-to", "pdf", "--outdir", lo_out, os.path.join(site, PLAN)],
                        capture_output=True, text=True, timeout=300)
    pdf = os.path.join(lo_out, os.path.basename(PLAN)[:-5] + ".pdf")
    if check(lo.returncode == 0 and os.path.exists(pdf), "LibreOffice converts the plan: " + lo.stderr[-500:]):
        for page in (1, 2):
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"],
                                  capture_output=True, text=True).stdout
            check(HEADER in re.sub(r"\s+", " ", text), f"the header's words are on page {page}")
            check(re.search(rf"Page {page} of (\d+)", text) and int(re.search(r"Page \d+ of (\d+)", text)[1]) > 2,
                  f"page {page}'s footer has its PAGE and NUMPAGES: {text[-200:]!r}")
        listed = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", pdf], capture_output=True, text=True).stdout
        check(len(listed.strip().splitlines()) >= 3, "the logo is drawn on page 1: " + listed)

    # The same sources and reference, the same bytes.
    again = os.path.join(tmp, "again")
    r = build(again, templates)
    check(r.returncode == 0 and all(open(os.path.join(site, f), "rb").read() == open(os.path.join(again, f), "rb").read()
                                    for f in files), "a second build gives byte-identical Word files")

    # A reference whose body names a header part it does not have.
    with zipfile.ZipFile(reference) as z:
        kept = {n: z.read(n) for n in z.namelist() if not n.startswith("word/header")}
    with zipfile.ZipFile(reference, "w") as z:
        for n, b in kept.items():
            z.writestr(n, b)
    broken = os.path.join(tmp, "broken")
    r = build(broken, templates)
    check(r.returncode == 1 and "reference.docx" in r.stderr and "headers and footers" in r.stderr
          and "is missing" in r.stderr, "a broken reference fails the build, naming the file: " + r.stderr[-500:])

check.finish()
