"""Exempt means marked: the restricted agenda pack is read back page by page. Its heading and
PDF title say NOT FOR PUBLICATION, its front sheet gives the exempt item's Schedule 12A
paragraph and the pages it is bound at, every page of the exempt paper carries the stamp
(and no other page does), and every restricted web page has the banner. The public pack
keeps its own wording. The words are the council's: changing exemptions.toml changes them."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

from checks import Checks
from pdf_text import page_texts

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()

MEETING = "committees/cyp-scrutiny/cyp-scrutiny-2022-09-22"
PACK = f"{MEETING}/cyp-scrutiny-2022-09-22.pdf"
EXEMPT_ITEM = 15


def pdf_pages(path):
    return [" ".join(t.split()) for t in page_texts(path)]


def pdfinfo(path):
    return subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout


def words(templates):
    with open(os.path.join(templates, "committee", "exemptions.toml"), "rb") as f:
        w = tomllib.load(f)
    with open(os.path.join(root, "meetings", "cyp-scrutiny-2022-09-22", "meeting.toml"), "rb") as f:
        paragraph = next(i["exempt"] for i in tomllib.load(f)["item"] if "exempt" in i)
    description = next(p["description"] for p in w["paragraph"] if p["number"] == paragraph)
    fill = lambda s: s.replace("{paragraph}", str(paragraph)).replace("{description}", description)
    return w["restricted_marker"], fill(w["restricted_notice"]), fill(w["restricted_stamp"]), paragraph


def read_packs(templates, tmp):
    site, restricted = os.path.join(tmp, "site"), os.path.join(tmp, "restricted")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site, "--restricted-out", restricted,
                        "--templates", templates], capture_output=True, text=True)
    check(r.returncode == 0, "builds with --restricted-out: " + r.stderr)
    return site, restricted


def check_marked(templates, tmp):
    marker, notice, stamp, paragraph = words(templates)
    site, restricted = read_packs(templates, tmp)
    pages = pdf_pages(os.path.join(restricted, PACK))
    front = next(i for i, p in enumerate(pages) if re.search(r"Agenda Item \d+", p))
    sheet = " ".join(pages[:front])
    check(pages[0].startswith(marker), f"the restricted pack is headed '{marker}' ({pages[0][:40]})")
    check("Public Document Pack" not in " ".join(pages), "the restricted pack never calls itself public")
    check(notice in sheet, "the front sheet gives the exempt item's paragraph in the restricted words")
    check("are not published" not in sheet, "the front sheet does not say the bound papers are not published")
    m = re.search(rf"{EXEMPT_ITEM}\. [^()]*\(Pages? (\d+)(?: - (\d+))?\)", sheet)
    check(m is not None, "the front sheet gives the pages the exempt item is bound at")
    info = pdfinfo(os.path.join(restricted, PACK))
    check(re.search(rf"Title:\s+{re.escape(marker)}: ", info) is not None, f"the PDF title starts '{marker}'")
    # Every page of the exempt paper carries the stamp; no other page does. A page's
    # number is its footer "Page N" (the front sheet has none).
    stamped, exempt_pages = [], []
    for i, p in enumerate(pages[front:]):
        number = int(re.search(r"Page (\d+)", p)[1])
        if stamp in p:
            stamped.append(number)
        if m and int(m[1]) <= number <= int(m[2] or m[1]) and "intentionally left blank" not in p:
            exempt_pages.append(number)
    check(len(exempt_pages) >= 1 and stamped == exempt_pages,
          f"the stamp is on exactly the exempt paper's pages ({stamped} vs {exempt_pages})")
    check(not any(stamp in p for p in pages[:front]), "the front sheet has no page stamp")
    # Every restricted web page says what it is.
    html_pages = [os.path.join(d, f) for d, _, fs in os.walk(restricted) for f in fs if f.endswith(".html")]
    check(len(html_pages) >= 2, f"restricted web pages ({len(html_pages)})")
    for path in html_pages:
        text = open(path, encoding="utf-8").read()
        banner = re.search(r'<p class="restricted-banner" role="note"><strong>([^<]*)</strong>', text)
        check(banner is not None and banner[1].startswith(marker.replace("&", "&amp;")),
              f"{os.path.relpath(path, restricted)} has the banner")
    return site


with tempfile.TemporaryDirectory() as tmp:
    site = check_marked(os.path.join(root, "templates"), os.path.join(tmp, "a"))
    # The public pack keeps its own wording and is never marked.
    public = pdf_pages(os.path.join(site, PACK))
    check(public[0].startswith("Public Document Pack"), "the public pack is headed Public Document Pack")
    check(not any("NOT FOR PUBLICATION" in p for p in public), "the public pack carries no restricted mark")
    check("NOT FOR PUBLICATION" not in pdfinfo(os.path.join(site, PACK)), "nor does its title")
    sheet = " ".join(public[:2])
    check("are not published" in sheet, "its front sheet says the exempt papers are not published")
    check(not re.search(rf"{EXEMPT_ITEM}\. [^()]*\(Pages? \d+", sheet), "and binds no pages for them")
    for d, _, fs in os.walk(site):
        for f in fs:
            if f.endswith(".html"):
                check("restricted-banner" not in open(os.path.join(d, f), encoding="utf-8").read(),
                      f"no banner on public page {f}")

    # A council's own words.
    own = os.path.join(tmp, "templates")
    shutil.copytree(os.path.join(root, "templates"), own)
    path = os.path.join(own, "committee", "exemptions.toml")
    text = open(path, encoding="utf-8").read()
    text = text.replace('restricted_marker = "NOT FOR PUBLICATION"', 'restricted_marker = "CONFIDENTIAL: PART B"')
    text = re.sub(r'restricted_stamp = ".*"', 'restricted_stamp = "CONFIDENTIAL: PART B (para {paragraph})"', text)
    open(path, "w", encoding="utf-8").write(text)
    check_marked(own, os.path.join(tmp, "b"))

check.finish()
