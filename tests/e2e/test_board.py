"""Board governance read back from every format: the attendance grid in HTML, in the PDF
(landscape, header repeated on each page) and in the workbook equals the CSV it came from
with markers turned into words; rates and quorum agree with a count made here; the board
pack's PDF has a bookmark for every agenda item, reachable in two taps on the web."""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from html.parser import HTMLParser

import openpyxl

from checks import Checks
from pdf_text import page_text

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WORDS = {"✓": "Attended", "Y": "Attended", "D": "Deputy attended", "A": "Apologies",
         "X": "Absent", "V": "Vacant", "-": "Not a member", "": "Not a member"}


class Tables(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self._cell, self._row = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


with open(os.path.join(root, "data", "board.toml"), "rb") as f:
    board = tomllib.load(f)
with open(os.path.join(root, "data", "board-attendance.csv"), encoding="utf-8") as f:
    grid = list(csv.DictReader(f))
seats = {s["id"]: s for s in board["seat"]}
meetings = [m for m in board["meeting"] if "2022-04-01" <= str(m["date"]) <= "2023-04-30"]

with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site], capture_output=True, text=True)
    check(r.returncode == 0, "builds: " + r.stderr)
    plan = os.path.join(site, "youth-justice-plan-2023-24")

    # HTML: one row per seat, a word per cell, a rate per seat that a count here agrees with.
    page = Tables()
    page.feed(open(os.path.join(plan, "board.html"), encoding="utf-8").read())
    table = page.tables[0]
    body = table[1:1 + len(grid)]
    check(len(body) == len(grid) == 32, f"32 seats in the grid ({len(body)})")
    for row, src in zip(body, grid):
        seat = seats[src["seat"]]
        check(row[0].startswith(seat["role"]), f"row for {seat['role'][:30]}")
        words = [WORDS[src[m["id"]]] for m in meetings]
        check(row[2:2 + len(meetings)] == words, f"{src['seat']}: cells are the CSV's markers as words")
        present = sum(w in ("Attended", "Deputy attended") for w in words)
        expected = sum(w not in ("Vacant", "Not a member") for w in words)
        if expected:
            check(row[-1] == f"{round(100 * present / expected)}% ({present} of {expected})",
                  f"{src['seat']}: rate {row[-1]}")
    foot = table[1 + len(grid):]
    for i, m in enumerate(meetings):
        col = [WORDS[src[m["id"]]] for src in grid]
        present = sum(w in ("Attended", "Deputy attended") for w in col)
        statutory = {seats[src["seat"]].get("statutory") for src in grid
                     if seats[src["seat"]].get("statutory") and WORDS[src[m["id"]]] in ("Attended", "Deputy attended")}
        quorate = present >= board["board"]["quorum"]["members"] and \
            len(statutory) >= board["board"]["quorum"]["statutory_partners"]
        check(foot[1][2 + i] == ("Yes" if quorate else "No"), f"{m['id']}: quorate is {quorate}")

    # PDF: landscape pages, the header on every page of the grid, every seat's row.
    pdf = os.path.join(plan, "youth-justice-plan-2023-24.pdf")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "200", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    grid_pages = []
    for p in range(1, pages + 1):
        text = page_text(pdf, p, "-layout")
        if re.search(r"Seat\s+Agency\s+May 2022", text):
            grid_pages.append((p, text))
    check(len(grid_pages) >= 2, f"the grid spans pages ({[p for p, _ in grid_pages]})")
    for p, text in grid_pages:
        size = re.search(rf"Page\s+{p} size:\s+([\d.]+) x ([\d.]+)", info)
        check(size and float(size.group(1)) > float(size.group(2)), f"page {p} is landscape")
        check("May 2022" in text and "Seat" in text, f"page {p} repeats the grid's header row")
    flat = " ".join(" ".join(t.split()) for _, t in grid_pages)
    for src in grid:
        # A long role wraps inside its cell, so look for its first two words.
        first = " ".join(seats[src["seat"]]["role"].split()[:2])
        check(first in flat, f"PDF has {src['seat']} ({first})")

    # XLSX: the attendance sheet holds the same words, with a list to pick from.
    wb = openpyxl.load_workbook(os.path.join(plan, "attendance.xlsx"))
    ws = wb[wb.sheetnames[0]]
    t = next(iter(ws.tables.values()))
    cells = ws[t.ref]
    header = [c.value for c in cells[0]]
    check(len(header) == len(table[0]), "the sheet has the grid's columns")
    rows = [[c.value for c in r] for r in cells[1:]]
    check([r[2:2 + len(meetings)] for r in rows] ==
          [[WORDS[src[m["id"]]] for m in meetings] for src in grid], "the sheet's cells equal the CSV as words")
    check(ws.freeze_panes is not None, "header and seat column frozen")
    check(any("Apologies" in (dv.formula1 or "") for dv in ws.data_validations.dataValidation),
          "a list of attendance words to pick from")
    check(len(ws.conditional_formatting) >= len(meetings), "cells coloured by their word")

    # The board pack: a bookmark per item; on the web, agenda then item.
    pack = os.path.join(site, "board-pack-2023-10")
    outlines = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines",
                                          os.path.join(pack, "board-pack-2023-10.pdf")],
                                         capture_output=True, text=True).stdout)["outlines"]
    titles = [o["title"] for o in outlines]
    items = sorted(f for f in os.listdir(os.path.join(root, "content", "board-pack-2023-10")))
    check(len([t for t in titles if re.match(r"\d+\. ", t)]) == len(items),
          f"a bookmark for every agenda item ({titles})")
    agenda = open(os.path.join(pack, "index.html"), encoding="utf-8").read()
    for name in items:
        sid = name[:-3].split("-", 1)[1]
        check(f'href="{sid}.html"' in agenda, f"the agenda links item {sid}")
    check('href="board-pack-2023-10.xlsx"' in agenda and 'href="board-pack-2023-10.pdf"' in agenda,
          "the agenda offers the pack as PDF and one workbook")

    # Meetings in time: the pack is issued before its own meeting, so its attendance grid
    # stops at the meeting before (read back from the page and the PDF), and the wording
    # does not claim otherwise.
    with open(os.path.join(root, "planpack.toml"), "rb") as f:
        pack_doc = next(d for d in tomllib.load(f)["document"] if d["id"] == "board-pack-2023-10")
    since = [m for m in board["meeting"] if str(m["date"]) >= "2023-04-01"]
    held = [m for m in since if m["date"] < pack_doc["as_of"]]
    check(len(held) < len(since) and since[-1]["date"] == pack_doc["as_of"],
          "the example board has a meeting on the pack's own date, to leave out")
    label = lambda m: f"{MONTHS[m['date'].month - 1]} {m['date'].year}" + (f" ({m['label']})" if m.get("label") else "")
    parser = Tables()
    parser.feed(open(os.path.join(pack, "attendance.html"), encoding="utf-8").read())
    pack_grid = next(t for t in parser.tables if t and t[0][:2] == ["Seat", "Agency"])
    check(pack_grid[0][2:-1] == [label(m) for m in held],
          f"the pack's grid shows the meetings before its own ({pack_grid[0][2:-1]})")
    text = subprocess.run(["pdftotext", "-layout", os.path.join(pack, "board-pack-2023-10.pdf"), "-"],
                          capture_output=True, text=True).stdout
    own = label(since[-1])
    heads = [line for line in text.splitlines() if re.match(r"\s*Seat\s+Agency\s", line)]
    check(heads and all(label(m).split(" (")[0] in h for h in heads for m in held),
          f"the PDF grid's header has every meeting held before the pack's ({heads})")
    check(not any(own in h for h in heads), f"the PDF grid stops before {own}")
    check("including this one" not in text, "the pack does not report a meeting it precedes")

check.finish()
