"""Every PDF of the example read page by page as a reader would, with pdftotext -bbox-layout:
no word broken inside its column except with a hyphen, no heading or table caption left at
a page foot without what it introduces, each chart's summary printed exactly once, and the
action plan appendix no longer than the printed original (19 pages)."""
import html
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from checks import Checks
from site_reader import pages as html_pages

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
NS = "{http://www.w3.org/1999/xhtml}"


def clean(w):
    return w.strip(".,;:!?()[]\"'‘’“”…*").lower()


def vocabulary(site):
    """Every word the HTML pages say (and its parts at hyphens and slashes): what a
    correctly set PDF word must be one of."""
    vocab = set()
    for page in html_pages(site).values():
        for w in page.all_text().split():
            w = clean(w)
            vocab.add(w)
            vocab.update(clean(p) for p in re.split(r"[-/–—.,;:()]", w))
    return vocab


def read_pages(pdf):
    """Pages of lines of words: [(page_height, [[(word, xmin, ymin, xmax, ymax), ...], ...])]."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True)
    check(out.returncode == 0, f"pdftotext -bbox-layout reads {pdf}")
    doc = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out.stdout))
    pages = []
    for page in doc.iter(NS + "page"):
        lines = []
        for line in page.iter(NS + "line"):
            words = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                      float(w.get("yMax"))) for w in line.iter(NS + "word")]
            if words:
                lines.append(words)
        lines.sort(key=lambda l: (round(l[0][2]), l[0][1]))
        pages.append((float(page.get("height")), lines))
    return pages


def broken_words(pages, vocab):
    """Words set as two pieces without a hyphen: a piece that is no word, which joined to a
    piece just below it in the same column makes one."""
    found = []
    for number, (_, lines) in enumerate(pages, 1):
        words = [w for line in lines for w in line]
        for w in words:
            piece = clean(w[0])
            # a piece of a word ends in a letter (a whole one may end in punctuation)
            if not piece or not piece.isalpha() or piece in vocab or not w[0][-1].isalpha():
                continue
            height = w[4] - w[2]
            for below in words:
                if not (0 < below[2] - w[2] <= 2.6 * height and w[0] != below[0]):
                    continue
                if below[1] > w[3] + 2 or below[1] < w[1] - 400:
                    continue
                if clean(w[0] + below[0]) in vocab and clean(below[0]) not in ("", ):
                    found.append(f"p. {number}: {w[0]!r} + {below[0]!r}")
                    break
    return found


def squash(s):
    return re.sub(r"[^0-9a-z%£.]", "", s.lower())


def page_texts(pages):
    """Each page's text in reading order, words joined, hyphenated breaks undone."""
    out = []
    for _, lines in pages:
        words = [w[0] for line in lines for w in line]
        text = ""
        for w in words:
            text += w[:-1] if w.endswith("-") and len(w) > 1 else w + " "
        out.append(text)
    return out


def stranded(pages, introducers):
    """Pages whose last text (above the running footer) is a heading, a caption or a table's
    header row: something that introduces what is not on the page. A row of text counts as
    one if its words all come from one, and it is set as one: several cells side by side (a
    header row), a wide line, or a line standing alone."""
    found = []
    for number, (height, lines) in enumerate(pages, 1):
        # Above the running footer. The text block ends 22 mm from the bottom edge (92.6% of
        # an A4 page's height, 89.5% of a landscape one's) and the footer's baseline is 11 mm
        # from it (below 95%): 94% lies between, so a line at the block's foot still counts.
        body = [l for l in lines if l[0][4] < height * 0.94]
        groups = []  # rows of text: the lines set at one height
        for l in body:
            if groups and abs(groups[-1][0][0][2] - l[0][2]) < 2:
                groups[-1].append(l)
            else:
                groups.append([l])
        if not groups:
            continue
        width = max(w[3] for l in body for w in l) - min(l[0][1] for l in body)

        def gap_above(i):
            if i == 0:
                return 1e9
            return groups[i][0][0][2] - groups[i - 1][0][0][4]

        def introduces(i):
            g = groups[i]
            words = {clean(w[0]) for l in g for w in l} - {""}
            if not words or not any(words <= text for _, text in introducers):
                return False
            h = g[0][0][4] - g[0][0][2]
            wide = max(w[3] for l in g for w in l) - min(l[0][1] for l in g) >= 0.25 * width
            if len(g) >= 2 or wide or gap_above(i) > 0.7 * h:
                return True
            # the last line of a header cell that wrapped further than its neighbours
            return len(groups[i - 1]) >= 2 and introduces(i - 1)

        last = len(groups) - 1
        h = groups[last][0][0][4] - groups[last][0][0][2]
        if introduces(last) and (gap_above(last) > 0.7 * h or introduces(last - 1)):
            found.append(f"p. {number}: {' / '.join(' '.join(w[0] for w in l) for l in groups[last])!r}")
    return found


def chart_summaries(site):
    """The sentence each chart's SVG gives as its description, by HTML page."""
    out = {}
    for page in html_pages(site).values():
        with open(page.path, encoding="utf-8") as f:
            text = f.read()
        for m in re.finditer(r"<desc id=\"[^\"]*\">(.*?)</desc>", text, re.S):
            desc = html.unescape(m.group(1))
            if desc.strip():
                out.setdefault(squash(desc), desc)
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        r = subprocess.run([planpack, "build", "--root", root, "--out", site], capture_output=True, text=True)
        check(r.returncode == 0, f"the example builds: {r.stderr[-400:]}")
        vocab = vocabulary(site)
        def word_set(text):
            return frozenset(clean(w) for w in re.split(r"[\s/–—-]+", text)) - {""}
        introducers = set()
        for p in html_pages(site).values():
            introducers.update(("heading", word_set(h[1])) for h in p.headings)
            for t in p.tables:
                if t["caption"]:
                    # a caption, and a caption with the header row under it
                    introducers.add(("caption", word_set(t["caption"])))
                if len(t["rows"]) > 1:  # the first row is the header row
                    introducers.add(("header row", word_set(" ".join(t["rows"][0]))))
                    if t["caption"]:
                        introducers.add(("caption and header row",
                                         word_set(t["caption"] + " " + " ".join(t["rows"][0]))))
        summaries = chart_summaries(site)
        check(len(summaries) >= 4, f"the example has charts with summaries ({len(summaries)})")
        pdfs = []
        for dirpath, _, files in os.walk(site):
            pdfs += [os.path.join(dirpath, f) for f in files if f.endswith(".pdf")]
        check(len(pdfs) >= 3, f"the example makes PDFs ({len(pdfs)})")
        seen = {k: 0 for k in summaries}
        for pdf in sorted(pdfs):
            name = os.path.relpath(pdf, site)
            pages = read_pages(pdf)
            broken = broken_words(pages, vocab)
            check(not broken, f"{name}: no word broken without a hyphen: {broken[:8]}")
            left = stranded(pages, introducers)
            check(not left, f"{name}: no heading or caption alone at a page foot: {left[:8]}")
            whole = squash(" ".join(page_texts(pages)))
            for key in summaries:
                n = whole.count(key)
                check(n <= 1, f"{name}: a chart summary printed {n} times: {summaries[key][:80]!r}")
                seen[key] += n
            if os.path.basename(name) == "youth-justice-plan-2023-24.pdf":
                # Physical pages from the first whose running header names Appendix 6 to the
                # first naming Appendix 7.
                heads = [" ".join(w[0] for l in lines if l[0][4] < 50 for w in l) for _, lines in pages]
                six = [i for i, h in enumerate(heads) if "Appendix 6:" in h]
                seven = [i for i, h in enumerate(heads) if "Appendix 7:" in h]
                check(six and seven, "the plan has Appendices 6 and 7 in its running headers")
                if six and seven:
                    n = seven[0] - six[0]
                    print(f"{name}: Appendix 6 takes {n} pages (pp. {six[0] + 1}-{seven[0]})")
                    check(n <= 19, f"{name}: the action plan appendix takes {n} pages, at most 19")
        missing = [summaries[k][:60] for k, n in seen.items() if n == 0]
        check(not missing, f"every chart summary is printed in some PDF: {missing[:5]}")
    check.finish()


main()
