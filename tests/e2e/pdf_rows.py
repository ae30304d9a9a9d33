"""A PDF's words with their places (pdftotext -bbox), page by page, and its action-plan tables'
rows put back together. pdftotext reads a page cell by cell, so a row that a page break
splits reads as half of each cell, the page's furniture and the repeated header, then the
other halves: here each row's words are gathered by column, across pages, under the
columns of the header ("... Milestones Notes Status") on each page."""
import html
import re
import subprocess

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
FOOTER = re.compile(r"(^|.* )Page \d+( of \d+)?$")
GAP = 6.0  # points between two words that belong to different header cells


class Pdf:
    def __init__(self, path):
        r = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True, check=True)
        self.pages = [[(float(a), float(b), float(c), float(d), html.unescape(t))
                       for a, b, c, d, t in WORD.findall(page)] for page in r.stdout.split("<page ")[1:]]
        r = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True, check=True)
        self.raw = r.stdout.split("\f")  # pdftotext ends each page with a form feed

    def text(self, first=0, last=None):
        """The pages' text in the order it was drawn, cell by cell (pdftotext -raw)."""
        return " ".join(self.raw[first:len(self.pages) if last is None else last])

    def find_page(self, marker, first=0):
        for i in range(first, len(self.pages)):
            if marker in " ".join(self.text(i, i + 1).split()):
                return i
        return None

    def rows(self, ids, header_words, first=0, last=None):
        """Each action-plan table row from page first to last, its cells' words in column
        order: a row starts where a word in the first column is an action id followed by
        the action's first word (ids: id -> that word)."""
        body = []  # (page, y, x, column, word)
        starts = []
        for p in range(first, len(self.pages) if last is None else last):
            for top, columns, below in _tables(self.pages[p], header_words):
                for x0, y0, x1, _, t in below:
                    col = max(i for i, c in enumerate(columns) if x0 >= c - 1) if x0 >= columns[0] - 1 else 0
                    body.append((p, y0, x0, col, t))
        body.sort()
        for i, (p, y, x, col, t) in enumerate(body):
            nxt = body[i + 1] if i + 1 < len(body) else None
            if col == 0 and t in ids and nxt and nxt[0] == p and abs(nxt[1] - y) < 1 and nxt[4] == ids[t]:
                starts.append(i)
        out = []
        for k, s in enumerate(starts):
            words = body[s:starts[k + 1] if k + 1 < len(starts) else len(body)]
            n = 1 + max(w[3] for w in words)
            out.append(" ".join(w[4] for c in range(n) for w in words if w[3] == c))
        return out


def _lines(words):
    by_y = {}
    for w in words:
        by_y.setdefault(round(w[1]), []).append(w)
    return [sorted(ws) for _, ws in sorted(by_y.items())]


def _tables(page, header_words):
    """(header top, column left edges, words below the header up to the next table) for each
    action-plan table on a page; the page's running footer is left out."""
    lines = [ln for ln in _lines(page) if not FOOTER.match(" ".join(w[4] for w in ln))]
    heads = [i for i, ln in enumerate(lines) if {"Milestones", "Notes", "Status"} <= {w[4] for w in ln}]
    out = []
    for k, h in enumerate(heads):
        ws = lines[h]
        columns = [ws[0][0]] + [w[0] for prev, w in zip(ws, ws[1:]) if w[0] - prev[2] > GAP]
        i = h + 1
        while i < len(lines) and all(w[4] in header_words for w in lines[i]):
            i += 1  # the header's wrapped lines
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        out.append((ws[0][1], columns, [w for ln in lines[i:end] for w in ln]))
    return out
