"""Reads a generated site back with the standard library's HTML parser, so the end-to-end
tests check what a browser would get rather than strings planpack meant to write."""
from html.parser import HTMLParser
import os


class Page(HTMLParser):
    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.headings = []       # (level, text, id)
        self.links = []          # (href, text, rel)
        self.ids = set()
        self.lang = None
        self.tables = []         # dicts: caption, th (scopes), rows (lists of cell texts)
        self._cell = None
        self.landmarks = []
        self.text = []
        self._stack = []
        self._capture = None
        self._table = None
        with open(path, encoding="utf-8") as f:
            self.feed(f.read())

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("header", "nav", "main", "footer"):
            self.landmarks.append(tag)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._capture = {"kind": "h", "level": int(tag[1]), "id": a.get("id"), "text": ""}
        elif tag == "a" and self._capture is None:
            self._capture = {"kind": "a", "href": a.get("href"), "rel": a.get("rel"), "text": ""}
        elif tag == "table":
            self._table = {"caption": None, "th": [], "rows": []}
        elif tag == "tr" and self._table is not None:
            self._table["rows"].append([])
        if tag in ("td", "th") and self._table is not None and self._table["rows"]:
            self._cell = ""
        elif tag == "caption" and self._table is not None:
            self._capture = {"kind": "caption", "text": ""}
        elif tag == "th" and self._table is not None:
            self._table["th"].append(a.get("scope"))

    def handle_endtag(self, tag):
        c = self._capture
        if c and c["kind"] == "h" and tag == "h%d" % c["level"]:
            self.headings.append((c["level"], c["text"].strip(), c["id"]))
            self._capture = None
        elif c and c["kind"] == "a" and tag == "a":
            self.links.append((c["href"], " ".join(c["text"].split()), c["rel"]))
            self._capture = None
        elif c and c["kind"] == "caption" and tag == "caption":
            self._table["caption"] = c["text"].strip()
            self._capture = None
        elif tag in ("td", "th") and self._cell is not None:
            self._table["rows"][-1].append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "table" and self._table is not None:
            self.tables.append(self._table)
            self._table = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell += data
        if self._capture is not None:
            self._capture["text"] += data

    def all_text(self):
        return " ".join("".join(self.text).split())


def pages(site):
    out = {}
    for root, _, files in os.walk(site):
        for f in files:
            if f.endswith(".html"):
                p = os.path.join(root, f)
                out[os.path.relpath(p, site)] = Page(p)
    return out


def output_texts(top):
    """(name, text) for every file under top: a workbook part by part ("book.xlsx!part"),
    a PDF through pdftotext, anything else as UTF-8 with HTML entities decoded; so a search
    for words finds them in whatever format carries them."""
    import html
    import subprocess
    import zipfile
    for d, _, files in os.walk(top):
        for f in sorted(files):
            path = os.path.join(d, f)
            rel = os.path.relpath(path, top)
            if f.endswith(".xlsx"):
                with zipfile.ZipFile(path) as z:
                    for part in z.namelist():
                        yield f"{rel}!{part}", z.read(part).decode("utf-8", errors="replace")
            elif f.endswith(".pdf"):
                yield rel, subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                                          text=True).stdout
            else:
                with open(path, "rb") as fh:
                    yield rel, html.unescape(fh.read().decode("utf-8", errors="replace"))
