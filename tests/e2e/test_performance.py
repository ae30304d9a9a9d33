"""Builds the example service and reads its performance figures back: every chart is
well-formed SVG named for assistive technology, with its summary and its figures as a
table; the workbook's charts point at cells that hold the figures of the CSV; suppressed
cells hold markers."""
import csv
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import openpyxl

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
SVG = "{http://www.w3.org/2000/svg}"


class Figures(HTMLParser):
    """Each <figure class="chart">: its svg source, figcaption, details table rows."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.src = text
        self.charts = []
        self._chart = None
        self._in = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and a.get("class") == "chart":
            self._chart = {"id": a.get("id"), "caption": "", "details": False, "rows": 0, "table_caption": ""}
        elif self._chart is not None:
            if tag == "svg":
                start = self.getpos()
                self._chart["svg_start"] = start
            elif tag == "figcaption":
                self._in = "caption"
            elif tag == "details":
                self._chart["details"] = True
            elif tag == "tr" and self._chart["details"]:
                self._chart["rows"] += 1
            elif tag == "caption":
                self._in = "table_caption"

    def handle_endtag(self, tag):
        if tag in ("figcaption", "caption"):
            self._in = None
        elif tag == "figure" and self._chart is not None:
            self.charts.append(self._chart)
            self._chart = None

    def handle_data(self, data):
        if self._chart is not None and self._in:
            self._chart[self._in] += data


with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site], capture_output=True, text=True)
    check(r.returncode == 0, "the example builds: " + r.stderr)
    if r.returncode != 0:
        check.finish()
    doc = os.path.join(site, "youth-justice-plan-2023-24")

    # --- HTML: every chart ---------------------------------------------------------
    charts = 0
    for name in sorted(os.listdir(doc)):
        if not name.endswith(".html"):
            continue
        text = open(os.path.join(doc, name), encoding="utf-8").read()
        svgs = re.findall(r"<svg\b.*?</svg>", text, re.S)
        figures = Figures(text).charts
        # Each chart is drawn twice, for a phone and for a wider column (site.css shows one).
        check(len(svgs) == 2 * len(figures), f"{name}: two drawings per chart figure")
        for n, (svg_text, fig) in enumerate(zip(svgs, [f for f in figures for _ in (0, 1)])):
            charts += n % 2
            where = f"{name}#{fig['id']}" + (" (phone)" if n % 2 == 0 else "")
            try:
                svg = ET.fromstring(svg_text)
            except ET.ParseError as e:
                check(False, f"{where}: the svg is well-formed XML ({e})")
                continue
            check(svg.get("role") == "img", f"{where}: role=img")
            check(("chart-narrow" if n % 2 == 0 else "chart-wide") in svg.get("class", ""),
                  f"{where}: the phone's drawing first, then the wide one")
            title = svg.find(f"{SVG}title")
            desc = svg.find(f"{SVG}desc")
            check(title is not None and title.get("id") == svg.get("aria-labelledby"),
                  f"{where}: aria-labelledby names the svg <title>")
            check(desc is not None and desc.get("id") == svg.get("aria-describedby"),
                  f"{where}: aria-describedby names the svg <desc>")
            summary = " ".join(fig["caption"].split())
            check(summary.startswith(("In ", "The largest")) and summary.endswith("."),
                  f"{where}: a one-sentence summary ({summary!r})")
            check(desc is not None and " ".join((desc.text or "").split()) == summary,
                  f"{where}: the svg's description is the summary")
            check(fig["details"] and fig["rows"] >= 2, f"{where}: the figures as a table in <details>")
            check(fig["table_caption"].startswith("Figures for the chart: "), f"{where}: the table is captioned")
            series = [g for g in svg.iter(f"{SVG}g")]
            check(len(series) == fig["rows"] - 1, f"{where}: one table row per series")
            texts = [t for t in svg.iter(f"{SVG}text")]
            check(len(texts) >= 5, f"{where}: title, axis labels and ticks are drawn")
            check(svg.find(f".//{SVG}script") is None and "javascript:" not in svg_text, f"{where}: no script")
    check(charts >= 4, f"the example has at least 4 charts (got {charts})")

    # --- XLSX: the workbook ---------------------------------------------------------
    with open(os.path.join(root, "data", "performance-2022-23.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fte = {r["period_label"]: float(r["value"]) for r in rows
           if r["indicator"] == "fte_count" and r["area"] == "Blackpool"}
    wb = openpyxl.load_workbook(os.path.join(doc, "performance.xlsx"))
    check(wb.sheetnames[0] == "About", "the workbook opens on an About sheet")
    for group in ("First-time entrants", "Reoffending", "Education and accommodation", "Offences and outcomes"):
        check(group in wb.sheetnames, f"a sheet for {group}")

    def cells(ws, ref):
        m = re.match(r"'?(.*?)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$", ref)
        check(m is not None and m[1] == ws.title, f"{ref} is on its own sheet")
        last = f"{m[4]}{m[5]}" if m[4] else f"{m[2]}{m[3]}"
        return [c.value for row in ws[f"{m[2]}{m[3]}:{last}"] for c in row]

    ws = wb["First-time entrants"]
    check(len(ws._charts) >= 2, "the FTE sheet has its charts")
    check(len(ws.tables) >= 2, "the FTE sheet's figures are Excel tables")
    found = False
    for chart in ws._charts:
        for s in chart.series:
            name = cells(ws, s.tx.strRef.f)[0]
            categories = cells(ws, s.cat.strRef.f if s.cat.strRef else s.cat.numRef.f)
            values = cells(ws, s.val.numRef.f)
            check(len(categories) == len(values), f"{s.val.numRef.f}: one value per category")
            if name == "Blackpool" and categories[0] == "2014":
                found = True
                check(values == [fte[c] for c in categories],
                      f"the FTE chart plots the CSV's figures (got {values})")
    check(found, "an FTE chart plots Blackpool from 2014")
    # Numbers are stored as numbers with their formats.
    reoff = wb["Reoffending"]
    rate_row = next(r for r in reoff.iter_rows() if r[0].value == "Reoffending rate")
    check(abs(rate_row[7].value - 27 / 89) < 1e-9 and rate_row[7].number_format == "0.0%",
          f"the 2020/21 reoffending rate is 27/89 formatted 0.0% (got {rate_row[7].value}, {rate_row[7].number_format})")
    # Markers where the source suppressed a count.
    offences = wb["Offences and outcomes"]
    robbery = next(r for r in offences.iter_rows(values_only=True) if r[0] == "Robbery")
    check(robbery[1] == "<5", f"robbery 2022/23 holds the marker (got {robbery[1]})")
    custody = next(r for r in offences.iter_rows(values_only=True) if r[0] == "Custody")
    check(list(custody[1:4]) == ["<10", "<5", 21], f"custody outcomes (got {custody[1:4]})")

check.finish()
