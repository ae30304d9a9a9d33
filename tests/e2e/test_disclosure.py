#!/usr/bin/env python3
"""The disclosure audit, checked from the outside: builds small services full of small
counts, reads every published table back from the HTML, and works out, as a reader
could, which withheld figures the published ones determine. Every published figure is a
sum of the data's cells (a cell, a row or column total, a group of rows); a withheld
figure is worked out exactly when its sum lies in the span of the published ones, which
this solves with Python's exact fractions, independently of planpack's own audit.

Cases: the three leaks of issue 17 (an age column added into the totals, a typed total,
a table by tier that groups a detailed one) and a generated service with many small
counts over tables that group the same rows two ways.

usage: test_disclosure.py PLANPACK_BINARY SOURCE_ROOT"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
from fractions import Fraction

from checks import Checks
from site_reader import pages

planpack = os.path.abspath(sys.argv[1])
check = Checks()
MARKERS = ("<5", "[c]")

CONFIG = """[service]
name = "Northtown Youth Justice Service"
local_authority = "Northtown Council"

[[document]]
id = "plan"
kind = "annual_plan"
title = "Youth Justice Plan 2023/24"
period_start = 2023-04-01
period_end = 2024-03-31
published = 2023-06-26
"""


def build(tmp, tables, csvs):
    """A one-section service with these table directives; returns (exit code, stderr, pages)."""
    root = os.path.join(tmp, "root")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "content"))
    os.makedirs(os.path.join(root, "data"))
    with open(os.path.join(root, "planpack.toml"), "w") as f:
        f.write(CONFIG)
    body = "+++\ndocument = \"plan\"\norder = 1\ntitle = \"Children\"\n+++\n\nWho we worked with.\n"
    for t in tables:
        body += "\n```planpack table\n" + "".join(f"{k} = {v}\n" for k, v in t.items()) + "```\n"
    with open(os.path.join(root, "content", "01-children.md"), "w") as f:
        f.write(body)
    for name, text in csvs.items():
        with open(os.path.join(root, "data", name + ".csv"), "w") as f:
            f.write(text)
    site = os.path.join(tmp, "site")
    p = subprocess.run([planpack, "build", "--root", root, "--out", site, "--format", "html"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    return p.returncode, p.stderr, (pages(site) if p.returncode == 0 else {})


def table(site_pages, caption):
    for page in site_pages.values():
        for t in page.tables:
            if t["caption"] == caption:
                return t
    raise KeyError(caption)


def value(text):
    return None if text in MARKERS else int(text.replace(",", ""))


class Reader:
    """What a reader knows: each published figure is a sum of data cells with a value."""

    def __init__(self):
        self.known = []     # (vector, value): vector maps cell -> coefficient
        self.withheld = []  # (description, vector)

    def figure(self, what, vector, text):
        v = value(text)
        if v is None:
            self.withheld.append((what, vector))
        else:
            self.known.append((vector, v))

    def determined(self):
        """The withheld figures whose vector is in the span of the published ones."""
        cells = sorted({c for vec, _ in self.known for c in vec} | {c for _, vec in self.withheld for c in vec})
        col = {c: i for i, c in enumerate(cells)}
        rows = []
        for vec, _ in self.known:
            row = [Fraction(0)] * len(cells)
            for c, k in vec.items():
                row[col[c]] += k
            rows.append(row)
        basis = reduce(rows, len(cells))
        out = []
        for what, vec in self.withheld:
            target = [Fraction(0)] * len(cells)
            for c, k in vec.items():
                target[col[c]] += k
            if in_span(basis, target):
                out.append(what)
        return out


def reduce(rows, n):
    """Reduced row echelon form: [(pivot, row)]."""
    basis = []
    for row in rows:
        row = row[:]
        for p, b in basis:
            if row[p]:
                f = row[p]
                row = [x - f * y for x, y in zip(row, b)]
        lead = next((i for i, x in enumerate(row) if x), None)
        if lead is None:
            continue
        row = [x / row[lead] for x in row]
        basis = [(p, [x - b[lead] * y for x, y in zip(b, row)]) for p, b in basis]
        basis.append((lead, row))
    return basis


def in_span(basis, target):
    t = target[:]
    for p, b in basis:
        if t[p]:
            f = t[p]
            t = [x - f * y for x, y in zip(t, b)]
    return not any(t)


def read_grid(reader, t, name, rows, columns, row_total, totals, groups=None):
    """A table's figures as sums of the cells (name, data row, data column). groups: for a
    grouped table, the data rows of each shown row, in order."""
    body = [r for r in t["rows"][1:]]
    foot = body[len(groups or rows):] if totals else []
    body = body[:len(groups or rows)]
    members = groups or [[r] for r in range(len(rows))]
    for r, cells in enumerate(body):
        for c, col in enumerate(columns):
            reader.figure(f"{name} row {r} {col}", {(name, m, col): 1 for m in members[r]}, cells[1 + c])
        if row_total:
            reader.figure(f"{name} row {r} total", {(name, m, col): 1 for m in members[r] for col in columns},
                          cells[1 + len(columns)])
    for cells in foot:
        everyone = [m for ms in members for m in ms]
        for c, col in enumerate(columns):
            reader.figure(f"{name} total {col}", {(name, m, col): 1 for m in everyone}, cells[1 + c])
        if row_total:
            reader.figure(f"{name} grand total", {(name, m, col): 1 for m in everyone for col in columns},
                          cells[1 + len(columns)])


def no_leaks(reader, what):
    leaks = reader.determined()
    check(not leaks, f"{what}: a reader can work out {leaks}")


tmp = tempfile.mkdtemp(prefix="planpack-disclosure-")
try:
    # 1. Ages 11 to 18 in the first column: a label, never added into a total.
    ages = "Age,Boys,Girls\n" + "".join(f"{a},{b},{g}\n" for a, b, g in [
        (11, 6, 2), (12, 9, 7), (13, 14, 8), (14, 21, 12), (15, 25, 15), (16, 30, 18), (17, 28, 1), (18, 7, 6)])
    rc, err, site = build(tmp, [{"data": '"ages"', "caption": '"Children by age"', "row_total": '"Total"',
                                 "totals": "true", "suppress": "true"}], {"ages": ages})
    if check(rc == 0, f"ages table builds: {err}"):
        t = table(site, "Children by age")
        row17 = next(r for r in t["rows"] if r[0] == "17")
        check(row17[3] != "46", f"the age is not added into the row total: {row17}")
        check(row17[2] == "<5", f"the one girl aged 17 is withheld: {row17}")
        reader = Reader()
        read_grid(reader, t, "ages", list(range(8)), ["Boys", "Girls"], True, True)
        no_leaks(reader, "ages")

    # 3. Outcomes in detail and by tier, the tier table computed from the same rows.
    outcomes = ("Outcome,Tier,Children\nYouth Caution,Pre-court,3\nYouth Conditional Caution,Pre-court,7\n"
                "Community Resolution,Pre-court,9\nReferral Order,First-tier,6\nYouth Rehabilitation Order,Community,12\n"
                "Custody,Custody,5\n")
    tables = [{"data": '"outcomes"', "caption": '"Outcomes"', "columns": '["Outcome", "Children"]', "totals": "true",
               "suppress": "true"},
              {"data": '"outcomes"', "caption": '"Outcomes by tier"', "group_by": '"Tier"', "totals": "true",
               "suppress": "true"}]
    rc, err, site = build(tmp, tables, {"outcomes": outcomes})
    if check(rc == 0, f"outcomes tables build: {err}"):
        detail, tiers = table(site, "Outcomes"), table(site, "Outcomes by tier")
        check(detail["rows"][1][1] == "<5", f"the Youth Caution count is withheld: {detail['rows'][1]}")
        reader = Reader()
        read_grid(reader, detail, "outcomes", list(range(6)), ["Children"], False, True)
        read_grid(reader, tiers, "outcomes", None, ["Children"], False, True, groups=[[0, 1, 2], [3], [4], [5]])
        no_leaks(reader, "outcomes by tier")

    # A generated service: many small counts, a detailed table grouped two ways.
    rng = random.Random(17)
    built = refused = 0
    for case in range(25):
        n = rng.randint(4, 9)
        tiers_of = [rng.choice("ABC") for _ in range(n)]
        settings_of = [rng.choice("XY") for _ in range(n)]
        counts = [[rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 11, 15, 23]) for _ in range(2)] for _ in range(n)]
        csv = "Outcome,Tier,Setting,Boys,Girls\n" + "".join(
            f"Outcome {i},{tiers_of[i]},{settings_of[i]},{counts[i][0]},{counts[i][1]}\n" for i in range(n))
        tables = [{"data": '"cohort"', "caption": '"Detail"', "columns": '["Outcome", "Boys", "Girls"]',
                   "row_total": '"All"', "totals": "true", "suppress": "true"},
                  {"data": '"cohort"', "caption": '"By tier"', "group_by": '"Tier"', "row_total": '"All"',
                   "totals": "true", "suppress": "true"},
                  {"data": '"cohort"', "caption": '"By setting"', "group_by": '"Setting"', "row_total": '"All"',
                   "totals": "true", "suppress": "true"}]
        rc, err, site = build(tmp, tables, {"cohort": csv})
        if rc != 0:
            refused += 1
            check("can be worked out" in err and "data/cohort.csv" in err,
                  f"case {case}: a refused build names the table: {err}")
            continue
        built += 1
        reader = Reader()
        read_grid(reader, table(site, "Detail"), "cohort", list(range(n)), ["Boys", "Girls"], True, True)
        for caption, key in (("By tier", tiers_of), ("By setting", settings_of)):
            order = list(dict.fromkeys(key))
            read_grid(reader, table(site, caption), "cohort", None, ["Boys", "Girls"], True, True,
                      groups=[[i for i in range(n) if key[i] == g] for g in order])
        no_leaks(reader, f"generated case {case}")
    print(f"generated services: {built} built, {refused} refused")
    check(built >= 20, f"most generated services can be published ({built} of 25)")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
check.finish()
