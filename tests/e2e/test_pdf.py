"""The printed plan, read back with Debian's PDF tools: qpdf --check, pdfinfo, pdffonts,
pdftotext. Builds the example service and the PDF fixture (tests/fixtures/pdf-service:
special characters, every block kind, a table over several pages, a landscape section)."""
import json
import os
import re
import subprocess
import sys
import tempfile

from pdf_text import page_texts
from site_reader import pages as html_pages

planpack, root = sys.argv[1], sys.argv[2]
fixture = os.path.join(root, "tests", "fixtures", "pdf-service")
passed, failed = 0, 0
EPOCH = "1700000000"  # 2023-11-14T22:13:20Z


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def tool(*args):
    r = subprocess.run(args, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def build(service, out, env_extra=None, cwd=None):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    env.update(env_extra or {})
    return subprocess.run([os.path.abspath(planpack), "build", "--root", os.path.abspath(service),
                           "--out", out], capture_output=True, text=True, env=env, cwd=cwd)


def words(text):
    # Hyphens split words: the typesetter may break "two-way" after its hyphen.
    return re.findall(r"[^\s-]+", text)


def text_of(pdf, first=None, last=None):
    """The whole document's text, or pages first to last (as pdftotext -f/-l would give)."""
    if first:
        return "".join(page + "\f" for page in page_texts(pdf, "-layout")[first - 1:last or first])
    code, out, err = tool("pdftotext", "-layout", pdf, "-")
    check(code == 0 and not err.strip(), f"pdftotext reads {pdf} cleanly: {err.strip()[:200]}")
    return out


def squash(s):
    return " ".join(s.split())


def subsequence(needles, hay):
    """Index of the first needle not found in order in hay (word lists), or None."""
    at = 0
    for i, n in enumerate(needles):
        try:
            at = hay.index(n, at) + 1
        except ValueError:
            return i
    return None


def info(pdf):
    _, out, _ = tool("pdfinfo", pdf)
    return dict((k.strip(), v.strip()) for k, _, v in (l.partition(":") for l in out.splitlines()))


def labels(pdf):
    _, out, _ = tool("qpdf", "--json", "--json-key=pagelabels", pdf)
    return json.loads(out)["pagelabels"]


def common_checks(pdf, name):
    code, out, err = tool("qpdf", "--check", pdf)
    check(code == 0 and "No syntax or stream encoding errors found" in out and not err.strip(),
          f"{name}: qpdf --check is clean: {out[-300:]} {err[:300]}")
    meta = info(pdf)
    check(meta.get("Page size", "").startswith("595.276 x 841.89"), f"{name}: A4 portrait first page")
    check(meta.get("Creator") == "planpack", f"{name}: Creator planpack")
    check(meta.get("CreationDate", "").endswith("2023 UTC") and "Nov 14 22:13:20" in meta.get("CreationDate", ""),
          f"{name}: CreationDate from SOURCE_DATE_EPOCH (got {meta.get('CreationDate')})")
    _, fonts, _ = tool("pdffonts", pdf)
    rows = fonts.splitlines()[2:]
    check(len(rows) >= 3, f"{name}: at least regular, bold and italic fonts used")
    for row in rows:
        cols = row.split()
        check(cols[-5:-2] == ["yes", "yes", "yes"], f"{name}: font embedded, subset, with ToUnicode: {row}")
        check("DejaVu" in cols[0], f"{name}: DejaVu font: {row}")
    qdf = pdf + ".qdf"
    tool("qpdf", "--qdf", "--object-streams=disable", pdf, qdf)
    raw = open(qdf, "rb").read()
    check(b"/Lang (en-GB)" in raw, f"{name}: document language en-GB")
    check(b"/DisplayDocTitle true" in raw, f"{name}: viewer shows the document title")
    check(b"/ID [" in raw or b"/ID [ " in raw, f"{name}: has a file identifier")
    return meta


def contents_numbers(pdf, front):
    """Entries of the contents pages: (text, printed page number)."""
    entries = []
    for line in text_of(pdf, 2, 1 + front - 1).splitlines():
        m = re.match(r"^\s*(.+?)\s{2,}(\d+)\s*$", line)
        if m:
            entries.append((m.group(1).strip(), int(m.group(2))))
    return entries


with tempfile.TemporaryDirectory() as tmp:
    # ---- the example plan -------------------------------------------------------------
    site = os.path.join(tmp, "site")
    r = build(root, site)
    check(r.returncode == 0 and "warning" not in r.stderr, "the example builds without warnings: " + r.stderr)
    doc_id = "youth-justice-plan-2023-24"
    pdf = os.path.join(site, doc_id, doc_id + ".pdf")
    check(os.path.exists(pdf), "the PDF is in the output tree as <doc-id>/<doc-id>.pdf")
    if not os.path.exists(pdf):
        print(f"{passed} passed, {failed + 1} failed")
        sys.exit(1)
    size = os.path.getsize(pdf)
    # The structure tree of a tagged PDF (some 2,500 elements, which libharu cannot put in
    # compressed object streams) takes the plan from under 1 MB untagged to about 1.1 MB.
    check(size < 1_200_000, f"the example's PDF is under 1.2 MB (it is {size} bytes)")
    meta = common_checks(pdf, "example")
    check(meta.get("Title") == "Youth Justice Partnership Business Plan 2023/24", "Title")
    check(meta.get("Author") == "Blackpool Youth Justice Service", "Author is the service")
    check("Blackpool" in meta.get("Keywords", "") and meta.get("Subject"), "Subject and keywords")
    npages = int(meta["Pages"])

    # Page labels: Cover, i.., 1..; the contents' numbers are the body's labels.
    lab = labels(pdf)
    check(lab[0]["label"].get("/P") == "u:Cover", "the cover is labelled Cover")
    check(lab[1]["index"] == 1 and lab[1]["label"].get("/S") == "/r", "contents pages are i, ii, ...")
    front = lab[2]["index"]
    check(lab[2]["label"].get("/S") == "/D" and lab[2]["label"].get("/St") == 1, "the body is numbered from 1")

    # The HTML contents page links the PDF with its page count and size.
    site_pages = html_pages(site)
    contents_html = site_pages[f"{doc_id}/index.html"]
    link = [l for l in contents_html.links if l[0] == f"{doc_id}.pdf"]
    check(len(link) == 1 and link[0][1].startswith(f"Download the plan as a PDF ({npages} pages, "),
          f"the contents page offers the PDF with its {npages} pages: {link}")

    # Every heading and every table cell of the site, in order, is in the PDF's text.
    full = text_of(pdf)
    flat = squash(full)
    pdf_words = words(full)
    # Section order is the HTML contents page's own.
    seq = []
    for href, _, _ in contents_html.links:
        rel = f"{doc_id}/{href}"
        if href.endswith(".html") and rel in site_pages and rel not in seq and href != "index.html":
            seq.append(rel)
    check(len(seq) == 21, f"21 sections and appendices found through the site ({len(seq)})")
    # Headings in the site's order; table rows in order, each row's words close together
    # (a wrapped cell's second line comes after its neighbours' first lines in pdftotext).
    heading_words, rows = [], []
    for rel in seq:
        page = site_pages[rel]
        for level, text, _ in page.headings:
            if level <= 3:
                check(squash(text) in flat, f"heading '{text}' of {rel} is in the PDF")
                heading_words += words(text)
        for t in page.tables:
            rows += [words(" ".join(row)) for row in t["rows"] if words(" ".join(row))]
    missing_at = subsequence(heading_words, pdf_words)
    check(missing_at is None and len(heading_words) > 100, "the site's headings appear in the PDF in order"
          + ("" if missing_at is None else f" (lost at '{heading_words[missing_at]}')"))
    at, lost = 0, []
    for row in rows:
        found = None
        for start in (i for i in range(at, len(pdf_words)) if pdf_words[i] == row[0]):
            # A row's cells sit side by side, so text extraction may give a later column's
            # first lines before the first column's; and a tall row may break across a page
            # (footer, header, repeated header row). The window allows for both.
            window = pdf_words[max(0, start - 2 * len(row)):start + 3 * len(row) + 150]
            if all(w in window for w in row):
                found = start
                break
        if found is None:
            lost.append(" ".join(row))
        else:
            at = found + 1
    check(len(rows) > 30 and not lost, f"every table row of the site is in the PDF, in order ({len(rows)} rows; lost: {lost[:3]})")
    check("£1,081,612" in flat, "pound signs and computed totals survive")

    # Contents numbers are the pages the headings are really on.
    entries = contents_numbers(pdf, front)
    check(len(entries) >= 21, f"the contents lists every section with a page number ({len(entries)})")
    for text, n in entries:
        on_page = squash(text_of(pdf, front + n))
        check(squash(text) in on_page, f"contents: '{text}' is on page {n} (physical {front + n})")

    # Bookmarks: Contents, then every section, with their headings beneath.
    _, out, _ = tool("qpdf", "--json", "--json-key=outlines", pdf)
    outlines = json.loads(out)["outlines"]
    titles = [o["title"] for o in outlines]
    check(titles[0] == "Contents" and len(titles) == 22, f"an outline entry per section: {titles[:3]}...")
    check(all(o.get("dest") for o in outlines), "every bookmark has a destination")
    check(sum(len(o["kids"]) for o in outlines) > 40, "sub-headings are bookmarked under their sections")

    # Links: xrefs are internal, so there are GoTo-style link annotations.
    raw = open(pdf + ".qdf", "rb").read()
    check(raw.count(b"/Subtype /Link") >= 20, "contents entries and cross-references are links")

    # ---- determinism ------------------------------------------------------------------------
    again = os.path.join(tmp, "again")
    build(root, again, {"TZ": "Pacific/Auckland"}, cwd=tmp)
    check(open(pdf, "rb").read() == open(os.path.join(again, doc_id, doc_id + ".pdf"), "rb").read(),
          "two builds give a byte-identical PDF")
    undated = os.path.join(tmp, "undated")
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    subprocess.run([planpack, "build", "--root", root, "--out", undated], env=env, capture_output=True)
    check(info(os.path.join(undated, doc_id, doc_id + ".pdf")).get("CreationDate", "").startswith("Mon Jun 26 00:00:00 2023"),
          "without SOURCE_DATE_EPOCH the PDF is dated by its published date")

    # html only: no PDF and no download link.
    html_only = os.path.join(tmp, "html-only")
    subprocess.run([planpack, "build", "--root", root, "--out", html_only, "--format", "html"], capture_output=True)
    check(not os.path.exists(os.path.join(html_only, doc_id, doc_id + ".pdf")), "--format html writes no PDF")
    check("Download the plan as a PDF" not in open(os.path.join(html_only, doc_id, "index.html"), encoding="utf-8").read(),
          "no download link when no PDF was built")

    # ---- the fixture: special characters, a long table, landscape ---------------------
    fx_site = os.path.join(tmp, "fx")
    r = build(fixture, fx_site)
    check(r.returncode == 0 and "warning" not in r.stderr, "the fixture builds: " + r.stderr)
    fx = os.path.join(fx_site, "plan-2024-25", "plan-2024-25.pdf")
    fmeta = common_checks(fx, "fixture")
    check(fmeta.get("Title") == "Youth Justice Plan 2024/25 – Café Town", "a non-ASCII title survives in Info")
    fx_text = text_of(fx)
    for s in ["£1,081,612", "2023/24 – the café’s “résumé” of work is ✓ complete", "Priorités for the year",
              "Naïve assumptions", "☑ Done: appoint a new chair", "Café Team",
              "planpack build --root . --format html,pdf"]:
        check(s in fx_text, f"'{s}' survives into the PDF's text")
    flab = labels(fx)
    ffront = flab[2]["index"]
    fpages = int(fmeta["Pages"])
    # The caseload appendix is landscape; its table's header row is on every page it spans.
    table_pages = []
    for p in range(ffront + 1, fpages + 1):
        t = text_of(fx, p)
        if re.search(r"Week \d{3}", t):
            table_pages.append(p)
            head = t.find("Open cases")
            first_row = re.search(r"Week \d{3}", t).start()
            check(0 <= head < first_row, f"fixture page {p}: the header row comes before the rows")
    check(len(table_pages) >= 3, f"the caseload table spans several pages ({table_pages})")
    _, out, _ = tool("pdfinfo", "-f", str(table_pages[0]), "-l", str(table_pages[0]), fx)
    check(re.search(r"Page\s+\d+ size:\s+841.89 x 595.276", out) is not None, "the appendix pages are landscape")
    weeks = re.findall(r"Week (\d{3})", fx_text)
    check(weeks == [f"{i:03d}" for i in range(1, 161)], "every row printed once, in order, none split")
    check(re.search(r"Total\s+[\d,]+\s+[\d,]+", fx_text) is not None, "the totals row is printed")
    # The themes table is too wide for the portrait measure at the smallest readable size
    # (style.toml's min_size): it turns onto a landscape page of its own, with its heading,
    # and every word in it is whole there; the text around it stays on portrait pages.
    intro = open(os.path.join(fixture, "content", "01-introduction.md"), encoding="utf-8").read()
    cells = {c.strip() for line in intro.splitlines() if line.startswith("| ") for c in line.strip("| ").split("|")}
    wide = [p for p in range(ffront + 1, fpages + 1) if "Themes by partnership strand" in text_of(fx, p)]
    if check(len(wide) == 1, f"the wide table's caption is on one page ({wide})"):
        p = wide[0]
        sizes = {q: re.search(r"size:\s+([\d.]+) x ([\d.]+)", tool("pdfinfo", "-f", str(q), "-l", str(q), fx)[1])
                 for q in (p - 1, p, p + 1)}
        landscape = {q: m is not None and float(m.group(1)) > float(m.group(2)) for q, m in sizes.items()}
        check(landscape[p], f"the wide table's page {p} is landscape ({sizes[p] and sizes[p].group(0)})")
        check(not landscape[p - 1] and not landscape[p + 1],
              f"the pages either side of it ({p - 1}, {p + 1}) stay portrait")
        page_words = words(text_of(fx, p))
        broken = [c for c in sorted(cells) if c not in page_words]
        check(len(cells) == 18 and not broken, f"every word of the table is whole on its page (broken: {broken})")
        check("Partnership themes" in squash(text_of(fx, p)), "the table's heading turned with it")
        check("Nine themes" in squash(text_of(fx, p - 1)), "the paragraph before it stays on the portrait page")
    _, out, _ = tool("pdfimages", "-list", fx)
    images = [l.split() for l in out.splitlines()[2:]]
    check(len(images) == 1 and images[0][3:5] == ["120", "60"], f"the PNG figure is embedded at its size: {images}")
    check("Figure 1: a test pattern" in fx_text, "the figure's caption is printed")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
