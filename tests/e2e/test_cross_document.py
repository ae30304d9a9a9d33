"""Documents addressed across documents, read back from the built example: the board pack's
performance item links to the plan's performance appendix, on the web by a relative href
that reaches the page, in the PDF by a GoToR link that opens the plan's PDF at a named
destination on the appendix's first page; and it carries the latest figures as at its date."""
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from html.parser import HTMLParser

from checks import Checks
from pdf_text import page_text

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
PACK, PLAN = "board-pack-2023-10", "youth-justice-plan-2023-24"


class Page(HTMLParser):
    """Links in the page's main content, and the header rows of its tables."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.heads = [], []
        self._link = self._cell = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self._link = [a["href"], ""]
        elif tag == "thead":
            self._in_head = True
            self.heads.append([])
        elif tag == "th" and self._in_head:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "a" and self._link:
            self.links.append(tuple(self._link))
            self._link = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "th" and self._cell is not None:
            self.heads[-1].append(" ".join(self._cell.split()))
            self._cell = None

    def handle_data(self, data):
        if self._link:
            self._link[1] += data
        if self._cell is not None:
            self._cell += data


def pdf_objects(path):
    r = subprocess.run(["qpdf", "--json", path], capture_output=True, text=True, check=True)
    return {k: v.get("value") for k, v in json.loads(r.stdout)["qpdf"][1].items()}


def catalog(objs):
    return objs["obj:" + objs["trailer"]["/Root"]]


def page_index(objs, page_ref):
    """0-based index of a page object, walking the page tree in order."""
    order = []

    def walk(ref):
        node = objs["obj:" + ref]
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                walk(kid)
        else:
            order.append(ref)

    walk(catalog(objs)["/Pages"])
    return order.index(page_ref)


with open(os.path.join(root, "planpack.toml"), "rb") as f:
    documents = {d["id"]: d for d in tomllib.load(f)["document"]}

with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site], capture_output=True, text=True)
    check(r.returncode == 0, "the example builds: " + r.stderr)

    # The web: a relative link that lands on the plan's performance appendix.
    page_file = os.path.join(site, PACK, "performance.html")
    page = Page()
    page.feed(open(page_file, encoding="utf-8").read())
    to_plan = [(h, t) for h, t in page.links if PLAN in h]
    check(to_plan == [("../" + PLAN + "/performance.html", "performance appendix")],
          f"the performance item links to the plan's appendix by a relative href ({to_plan})")
    if to_plan:
        target = os.path.normpath(os.path.join(os.path.dirname(page_file), to_plan[0][0]))
        check(os.path.isfile(target) and "<h1" in open(target, encoding="utf-8").read() and
              "Performance" in open(target, encoding="utf-8").read(), "the href reaches the appendix page")
    check(not any(h in ("performance.html", "#", "") for h, _ in page.links),
          "the item does not link to itself")

    # The current figures as at the pack's date: the two latest periods that had ended.
    heads = [h for h in page.heads if h and h[0] in ("Measure", "Area")]
    check(len(heads) == 2, f"two indicator tables ({page.heads})")
    check(any(h[1:3] == ["2021/22", "2022/23"] for h in heads), f"offences: 2021/22 and 2022/23 ({heads})")
    check(any(h[1:3] == ["2021", "2022"] for h in heads), f"first-time entrants: 2021 and 2022 ({heads})")

    # The PDF: a GoToR link to the plan's PDF, at a named destination on the appendix.
    pack_pdf = os.path.join(site, PACK, PACK + ".pdf")
    objs = pdf_objects(pack_pdf)
    remote = [v["/A"] for v in objs.values()
              if isinstance(v, dict) and isinstance(v.get("/A"), dict) and v["/A"].get("/S") == "/GoToR"]
    check(len(remote) == 1, f"one link into another PDF ({remote})")
    if remote:
        file = remote[0]["/F"].removeprefix("u:")
        dest = remote[0]["/D"].removeprefix("u:")
        plan_pdf = os.path.normpath(os.path.join(os.path.dirname(pack_pdf), file))
        check(plan_pdf == os.path.join(site, PLAN, PLAN + ".pdf") and os.path.isfile(plan_pdf),
              f"the link names the plan's PDF relative to the pack's ({file})")
        plan = pdf_objects(plan_pdf)
        names = catalog(plan)["/Names"]["/Dests"]["/Names"]
        keys = [n.removeprefix("u:") for n in names[0::2]]
        check(keys == sorted(keys, key=lambda k: k.encode()), "the named destinations are in byte order")
        check(dest in keys, f"the plan's PDF has a destination named '{dest}'")
        if dest in keys:
            ref = names[2 * keys.index(dest) + 1]
            array = plan["obj:" + ref] if isinstance(ref, str) else ref
            n = page_index(plan, array[0]) + 1
            text = page_text(plan_pdf, n, "-layout")
            check("Appendix 7: Performance" in text, f"the destination is the appendix's first page (page {n})")
    text = subprocess.run(["pdftotext", "-layout", pack_pdf, "-"], capture_output=True, text=True).stdout
    check("2022/23" in text and "First-time entrants" in text, "the pack's PDF prints the current figures")
    check(documents[PACK]["published"] >= documents[PLAN]["published"],
          "the plan linked to was published before the pack")

check.finish()
