"""The smaller faults a reader of the example's outputs found (issue 13), each read back
from real output:

- a section's notes never stand alone at the top of a page: sections of every length up to
  two pages, each ending in a note, and no page whose text starts with "Notes";
- typographic quotes in prose, in the web page and the PDF alike; code keeps straight ones;
- a status is one colour in every output: the cell behind "Complete" in the PDF is the
  colour the web page's stylesheet gives the same cell;
- the note under a table of counts of staff speaks of staff, not children;
- no contents page lists a single entry: a contents that runs over ends on a page of
  several, and a document whose contents would list one entry has none;
- a cross-reference printed in a PDF gives the page its target is really on: each link
  annotation whose words are followed by "(page N)" leads to the page whose footer says
  "Page N of"; the web page's link text stays as written."""
import os
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

import pikepdf
from PIL import Image

from checks import Checks
from pdf_text import page_texts, page_words

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
PLAN = "youth-justice-plan-2023-24"
PACK = "board-pack-2023-10"


def one_plan_service(root, town, doc_id, title):
    """A service tree holding one annual plan and no content yet; returns its root."""
    os.makedirs(os.path.join(root, "content"))
    with open(os.path.join(root, "planpack.toml"), "w", encoding="utf-8") as f:
        f.write(f'[service]\nname = "{town} Youth Justice Service"\nlocal_authority = "{town} Council"\n\n'
                f'[[document]]\nid = "{doc_id}"\nkind = "annual_plan"\ntitle = "{title}"\n'
                'period_start = 2024-04-01\nperiod_end = 2025-03-31\npublished = 2024-06-30\n')
    return root


def words(text):
    return " ".join(text.split())


def page_image(pdf, page, tmp):
    """The page drawn at 72 dpi, so a pixel is a point."""
    stem = os.path.join(tmp, f"page-{os.path.basename(pdf)}-{page}")
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", "-f", str(page), "-l", str(page), pdf, stem],
                   check=True)
    return Image.open(stem + ".png").convert("RGB")


class Cells(HTMLParser):
    """Every table cell of a page: its classes and its text."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.cells, self._cell = [], None
        with open(path, encoding="utf-8") as f:
            self.feed(f.read())

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self._cell = [dict(attrs).get("class") or "", ""]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append((self._cell[0].split(), words(self._cell[1])))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1] += data


class Prose(HTMLParser):
    """The text of <main>, without code."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.text, self._main, self._code = [], 0, 0
        with open(path, encoding="utf-8") as f:
            self.feed(f.read())

    def handle_starttag(self, tag, attrs):
        self._main += tag == "main"
        self._code += tag in ("code", "pre")

    def handle_endtag(self, tag):
        self._main -= tag == "main"
        self._code -= tag in ("code", "pre")

    def handle_data(self, data):
        if self._main and not self._code:
            self.text.append(data)


def css_backgrounds(css):
    """td.NAME -> background, in the stylesheet's order (a later rule wins)."""
    rules = []
    for m in re.finditer(r"td\.([a-z-]+)(?:, th\.[a-z-]+)? \{([^}]*)\}", css):
        bg = re.search(r"background: (#[0-9a-f]{6})", m.group(2))
        rules.append((m.group(1), bg.group(1) if bg else None))
    return rules


def background(rules, classes):
    colour = None
    for name, bg in rules:
        if name in classes and bg:
            colour = bg
    return colour


def rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def close(a, b):
    return all(abs(x - y) <= 3 for x, y in zip(a, b))


def build(src, site):
    r = subprocess.run([planpack, "build", "--root", src, "--out", site, "-q"], capture_output=True, text=True)
    check(r.returncode == 0, f"{src} builds: {r.stderr}")
    return r.returncode == 0


with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    if not build(root, site):
        check.finish()
    plan_pdf = os.path.join(site, PLAN, PLAN + ".pdf")
    pack_pdf = os.path.join(site, PACK, PACK + ".pdf")
    plan_pages = page_texts(plan_pdf)

    # Typographic quotes: content/01-introduction.md types "Outstanding" and children's.
    intro = words("".join(Prose(os.path.join(site, PLAN, "introduction.html")).text))
    check("\u201cOutstanding\u201d" in intro, "the web page curls the quotes round \u201cOutstanding\u201d")
    check('"Outstanding"' not in intro, "and prints no straight quotes there")
    plan_text = words(" ".join(plan_pages))
    check("\u201cOutstanding\u201d" in plan_text, "the PDF prints the same curly quotes")
    check("\u201cWhat do you think?\u201d" in plan_text, "and curls them in every section")

    # One colour per status: the PDF's cell behind a status is the web page's.
    css = open(os.path.join(site, "assets", "site.css"), encoding="utf-8").read()
    rules = css_backgrounds(css)
    cells = Cells(os.path.join(site, PACK, "action-plan-progress.html")).cells
    html_complete = {background(rules, c) for c, t in cells if t.startswith("Complete (Blue)")}
    check(len(html_complete) == 1 and None not in html_complete,
          f"the web page gives every Complete (Blue) cell one background: {html_complete}")
    html_count = {background(rules, c) for c, t in cells if "status-complete" in c and t.isdigit()}
    check(html_count == html_complete, f"and the summary's Complete counts the same: {html_count}")
    seen = 0
    for page in range(1, len(page_texts(pack_pdf)) + 1):
        ws = page_words(pack_pdf, page)
        targets = [w for i, w in enumerate(ws) if w[0] == "Complete" and i + 1 < len(ws) and ws[i + 1][0] == "(Blue)"]
        if not targets:
            continue
        img = page_image(pack_pdf, page, tmp)
        for w in targets:
            px = img.getpixel((int(w[1] - 2), int((w[2] + w[4]) / 2)))
            seen += 1
            want = next(iter(html_complete))
            check(close(px, rgb(want)), f"board pack p{page}: the PDF's Complete (Blue) cell is {px}, "
                                        f"the web page's {want}")
    check(seen >= 2, f"the board pack's PDF shows Complete actions ({seen})")

    # The staff-ethnicity table counts staff, and its note says so.
    staffing = words("".join(Prose(os.path.join(site, PLAN, "staffing.html")).text))
    check("no member of staff can be identified" in staffing, "the web page's staffing note speaks of staff")
    check("no child can be identified" not in staffing, "and not of children")
    staff_pages = [p for p in plan_pages if "Ethnicity of Youth Justice Service staff" in p]
    check(staff_pages and "no member of staff can be identified" in words(" ".join(staff_pages)) and
          "no child" not in words(" ".join(staff_pages)), "so does the PDF's")

    # Every contents page (numbered i, ii, ...) of every PDF lists more than one entry.
    for d in sorted(os.listdir(site)):
        pdf = os.path.join(site, d, d + ".pdf")
        if not os.path.exists(pdf):
            continue
        layout = page_texts(pdf, "-layout")
        for n, text in enumerate(layout[1:], start=2):
            lines = [l.strip() for l in text.splitlines() if l.strip()]
            if not lines or not re.fullmatch(r"[ivx]+", lines[-1].split()[-1]):
                continue
            entries = [l for l in lines[1:-1] if re.search(r"\s\d+$", l)]
            check(len(entries) > 1, f"{d}.pdf page {n}: a contents page lists {len(entries)} entry")

    # A document of one section without subheadings: its contents would list one entry.
    one = one_plan_service(os.path.join(tmp, "one"), "One Town", "statement", "A statement")
    with open(os.path.join(one, "content", "01-statement.md"), "w", encoding="utf-8") as f:
        f.write('+++\ndocument = "statement"\norder = 1\ntitle = "Our statement"\n+++\n\nOne section.\n')
    one_site = os.path.join(tmp, "one-site")
    if build(one, one_site):
        pages = page_texts(os.path.join(one_site, "statement", "statement.pdf"))
        check(len(pages) == 2, f"a one-section document is its cover and its page ({len(pages)} pages)")
        check(not any("Contents" in p for p in pages), "with no contents page listing one entry")
        check("Page 1 of 1" in words(pages[-1]), "its page is page 1")
    check(any("Contents" in p for p in plan_pages[1:3]), "the plan, with many sections, keeps its contents")


    # Cross-references give their page, and it is the page the link leads to.
    def citations(pdf):
        """(link text, cited page, page the link leads to, page the footer of that page gives)."""
        out = []
        doc = pikepdf.open(pdf)
        index = {p.objgen: i for i, p in enumerate(doc.pages)}
        texts = page_texts(pdf)
        labels = [re.search(r"Page (\d+) of", t) for t in texts]
        for i, page in enumerate(doc.pages):
            annots = [a for a in page.get("/Annots", []) if a.get("/Subtype") == "/Link" and "/Dest" in a]
            if not annots:
                continue
            height = float(page.MediaBox[3])
            ws = page_words(pdf, i + 1)
            for a in annots:
                x0, y0, x1, y1 = (float(v) for v in a.Rect)
                inside = [k for k, w in enumerate(ws)
                          if x0 - 1 <= (w[1] + w[3]) / 2 <= x1 + 1 and height - y1 - 1 <= (w[2] + w[4]) / 2 <= height - y0 + 1]
                if not inside:
                    continue
                k = inside[-1]
                # "Priorities (page 13)", or inside brackets "(Appendix 4, page 26)"
                if k + 2 < len(ws) and (ws[k][0].endswith(",") and ws[k + 1][0] == "page" or
                                        ws[k + 1][0] == "(page"):
                    cited = re.match(r"\d+", ws[k + 2][0])
                    target = index.get(a.Dest[0].objgen)
                    label = labels[target].group(1) if target is not None and labels[target] else None
                    out.append((str(a.get("/Contents", "")), cited.group(0) if cited else None, target, label))
        return out

    plan_cites = citations(plan_pdf)
    check(len(plan_cites) >= 5, f"the plan's cross-references give their pages ({len(plan_cites)})")
    for text, cited, target, label in plan_cites:
        check(cited is not None and cited == label,
              f"plan: '{text}, page {cited}' leads to physical page {target}, printed as page {label}")
    check(any(t == "Priorities" for t, *_ in plan_cites), "including \u201csee Priorities, page N\u201d")
    pack_cites = citations(pack_pdf)
    check(pack_cites and all(c == l for _, c, _, l in pack_cites),
          f"the board pack's cross-references give the pages they lead to: {pack_cites}")
    # The web page is unchanged: a link, no page.
    plan_html = "".join(Prose(os.path.join(site, PLAN, "introduction.html")).text)
    check(", page " not in plan_html, "the web page prints no page numbers after its links")


    # Notes stay with the last lines of their section, wherever the section ends.
    notes = one_plan_service(os.path.join(tmp, "notes"), "Note Town", "notes", "Notes everywhere")
    for k in range(60):
        lines = " ".join(["Each line of this section is much the same as the one before it."] * (30 + k))
        with open(os.path.join(notes, "content", f"{k + 1:02d}-s{k}.md"), "w", encoding="utf-8") as f:
            f.write(f'+++\ndocument = "notes"\norder = {k + 1}\ntitle = "Section {k}"\n+++\n\n'
                    f'{lines} The end.[^1]\n\n[^1]: A note on section {k}.\n')
    notes_site = os.path.join(tmp, "notes-site")
    if build(notes, notes_site):
        layout = page_texts(os.path.join(notes_site, "notes", "notes.pdf"), "-layout")
        alone = []
        for n, text in enumerate(layout, start=1):
            lines = [l.strip() for l in text.splitlines() if l.strip()]
            if len(lines) > 1 and lines[1] == "Notes":
                alone.append(n)
        check(sum(l.strip() == "Notes" for t in layout for l in t.splitlines()) == 60, "every section prints its note")
        check(not alone, f"no page starts with a section's notes: pages {alone}")

check.finish()
