"""Every PDF planpack writes is tagged (PDF/UA-1), checked three ways on the real files:
Poppler (pdfinfo says Tagged: yes; -struct-text lists the contents page's entries and the
headings in order), Mozilla's pdf.js as a viewer exposes it to assistive technology
(headings with their levels, tables with TH and TD, figures with alt text, and the text
under the elements equal to pdftotext's text of each page, artifacts aside), and the
PDF/UA rule checker in pdfua.py. Runs on the example service (plan, board pack, agenda
pack), the PDF fixture and, with PLANPACK_TEST_300=1, the 300-page pdf_bench document."""
import json
import os
import re
import subprocess
import sys
import tempfile

import pikepdf

import pdfua
from checks import Checks
from pdf_text import page_texts
from site_reader import pages as html_pages

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
EPOCH = "1700000000"
STRUCT_TREE_JS = os.path.join(root, "tests", "browser", "struct_tree.mjs")


def build(service, out):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    r = subprocess.run([os.path.abspath(planpack), "build", "--root", service, "--out", out],
                       capture_output=True, text=True, env=env)
    check(r.returncode == 0, f"builds {service}: {r.stderr[-500:]}")


def pdfs_under(top):
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(top) for f in fs if f.endswith(".pdf"))


def nows(s):
    return re.sub(r"\s+", "", s)


def pdftotext_pages(path):
    # -raw: the content stream's order, which planpack makes the reading order.
    return page_texts(path, "-raw")


def outline_titles(pdf):
    out = []
    with pdf.open_outline() as o:
        def walk(items, level):
            for it in items:
                out.append((level, it.title))
                walk(it.children, level + 1)
        walk(o.root, 1)
    return out


def poppler(path, name):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    check(re.search(r"^Tagged:\s+yes$", info, re.M), f"{name}: pdfinfo says Tagged: yes")
    r = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout.strip(), f"{name}: pdfinfo -struct-text reads the tree: {r.stderr[:200]}")
    return r.stdout


def table_spans_pages(pdf):
    """Pages each Table element's content falls on, through its rows' cells."""
    spans = []

    def pages_of(e, acc):
        pg = e.get("/Pg")
        kids = e.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        for k in kids:
            if isinstance(k, int) and pg is not None:
                acc.add(pg.objgen)
            elif isinstance(k, pikepdf.Dictionary):
                if k.get("/Type") == pikepdf.Name.MCR:
                    acc.add(k.get("/Pg", pg).objgen)
                elif "/S" in k:
                    pages_of(k, acc)

    for e, _ in pdfua._elements(pdf):
        if e.S == pikepdf.Name.Table:
            acc = set()
            pages_of(e, acc)
            spans.append(len(acc))
    return spans


def viewer(paths):
    r = subprocess.run(["node", STRUCT_TREE_JS, *paths], capture_output=True, text=True)
    if r.returncode == 77:
        check(False, f"pdf.js is installed (scripts/setup.sh --test): {r.stdout.strip()}")
        return {}
    check(r.returncode == 0, f"pdf.js reads every PDF: {r.stderr[-800:]}")
    return {x["path"]: x for x in json.loads(r.stdout or "[]")}


def check_viewer(path, name, seen, html_headings):
    """What pdf.js exposes, page by page, against pdftotext and the HTML of the same model."""
    pages = seen["pages"]
    texts = pdftotext_pages(path)
    headings = []
    for n, (p, text) in enumerate(zip(pages, texts), 1):
        check(p["has_tree"] or not nows(p["content"]),
              f"{name} page {n}: pdf.js finds a structure tree for the page's content")
        check(p["untagged"] == "", f"{name} page {n}: no text outside tags and artifacts: {p['untagged'][:80]!r}")
        check(nows(p["stream"]) == nows(text),
              f"{name} page {n}: pdf.js and pdftotext read the same text\n  pdf.js:    {nows(p['stream'])[:300]}"
              f"\n  pdftotext: {nows(text)[:300]}")
        content = nows(p["content"])
        check(nows(p["tagged"]) == content,
              f"{name} page {n}: the text under the structure elements, in tree order, is the page's text"
              f" less its artifacts\n  tree: {nows(p['tagged'])[:300]}\n  page: {content[:300]}")
        headings += [(h["level"], " ".join(h["text"].split())) for h in p["headings"]]
        for t in p["tables"]:
            check(t["th"] + t["td"] > 0, f"{name} page {n}: a table's part on the page has TH or TD cells: {t}")
        # pdf.js shows the part of a table on each page: TH on the first, where the header
        # row is content (later pages repeat it as an artifact), TD where body rows fall.
        if p["tables"] and p["tables"][0]["th"] == 0:
            check(n > 1 and pages[n - 2]["tables"], f"{name} page {n}: a table without TH continues one")
        if p["tables"] and p["tables"][-1]["td"] == 0:
            check(n < len(pages) and pages[n]["tables"] and pages[n]["tables"][0]["td"] > 0,
                  f"{name} page {n}: a table's header row is followed by its body on the next page")
        for f in p["figures"]:
            check(bool(f["alt"]), f"{name} page {n}: a figure has alternative text")
    # Levels start at 1 and never skip; every heading the HTML has for this document is
    # a PDF heading of the same level (the PDF adds its contents page and notes).
    prev = 0
    for level, text in headings:
        check(level <= prev + 1, f"{name}: heading '{text}' (H{level}) follows an H{prev}")
        prev = level
    missing = [h for h in html_headings if h not in headings and h[1] != "Contents"]  # HTML navigation
    check(not missing, f"{name}: every HTML heading is a PDF heading of the same level: {missing[:5]}")
    return headings


def check_pdf(path, name, seen, html_headings=()):
    problems = pdfua.check(path)
    check(problems == {}, f"{name}: passes the PDF/UA rule checker: {json.dumps(problems)[:600]}")
    struct_text = poppler(path, name)
    headings = check_viewer(path, name, seen, list(html_headings)) if seen else []
    with pikepdf.open(path) as pdf:
        # Bookmarks are headings, in the same order. In an agenda or board pack the top
        # level names the agenda items, whose papers' titles are the headings beneath.
        outline = outline_titles(pdf)
        pack = bool(outline) and outline[0][1] == "Agenda"
        flat = [t for _, t in headings]
        at = 0
        for level, title in outline:
            if pack and level == 1:
                continue
            while at < len(flat) and flat[at] != title:
                at += 1
            check(at < len(flat), f"{name}: bookmark '{title}' is a heading, in order")
        return pdf, struct_text, headings


with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    build(root, site)
    paths = pdfs_under(site)
    check(len(paths) >= 3, f"the example writes the plan, a board pack and an agenda pack: {paths}")
    seen = viewer(paths)
    html = html_pages(site)
    for path in paths:
        rel = os.path.relpath(path, site)
        doc_dir = os.path.dirname(rel)
        # The HTML headings of the same document, below the page title (h1 is per page) and
    # outside the contents navigation (toc-*), whose levels sit under the page's title.
        hh = {(lv, t) for p, page in html.items() if os.path.dirname(p) == doc_dir and doc_dir
              for lv, t, hid in page.headings if lv >= 2 and not (hid or "").startswith("toc-")}
        name = rel
        _, struct_text, headings = check_pdf(path, name, seen.get(path), sorted(hh) if "plan" in rel else ())
        # pdfinfo -struct-text: the contents page's entries (TOCI) and every heading, in order.
        if "plan" in rel:
            with pikepdf.open(path) as pdf:
                tocis = [e for e, _ in pdfua._elements(pdf) if e.S == pikepdf.Name.TOCI]
            check(len(tocis) > 5, f"{name}: the contents page is a TOC of TOCI entries ({len(tocis)})")
            lines = [" ".join(l.split()) for l in struct_text.splitlines()]
            at = 0
            for level, text in headings:
                while at < len(lines) and text not in lines[at]:
                    at += 1
                check(at < len(lines), f"{name}: pdfinfo -struct-text lists heading '{text}' in order")

    fixture = os.path.join(root, "tests", "fixtures", "pdf-service")
    fsite = os.path.join(tmp, "fixture")
    build(fixture, fsite)
    fpaths = pdfs_under(fsite)
    fseen = viewer(fpaths)
    for path in fpaths:
        with pikepdf.open(path) as pdf:
            spans = table_spans_pages(pdf)
        check(any(s > 1 for s in spans), f"fixture: a table over several pages is one Table element: {spans}")
        check_pdf(path, "fixture " + os.path.basename(path), fseen.get(path))

    # The 300-page document of pdf_bench, on demand (PLANPACK_TEST_300=1): under the test
    # build's sanitizers it takes minutes, too long for every CI run.
    bench = os.path.join(os.path.dirname(os.path.abspath(planpack)), "pdf_bench")
    if os.environ.get("PLANPACK_TEST_300") and os.path.exists(bench):
        out = os.path.join(tmp, "bench.pdf")
        r = subprocess.run([bench, out], capture_output=True, text=True)
        check(r.returncode == 0, f"pdf_bench writes its document: {r.stderr[-300:]}")
        bseen = viewer([out])
        check_pdf(out, "pdf_bench", bseen.get(out))

check.finish()
