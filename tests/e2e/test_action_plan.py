"""The action-plan appendix read back from the built HTML agrees with the plan's TOML:
every action and milestone is there with a linkable anchor, the printed column labels
come from the plan, and the summary's counts equal the statuses shown row by row."""
import calendar
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from html.parser import HTMLParser

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
AS_OF = "2023-10-31"
check = Checks()


class Tables(HTMLParser):
    """Collects every table as rows of (tag, attrs, text) cells, plus element ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.ids, self._cell, self._row, self._caption = [], set(), None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "table":
            self.tables.append({"caption": "", "head": [], "body": [], "foot": [], "part": "body"})
        elif tag in ("thead", "tbody", "tfoot"):
            self.tables[-1]["part"] = {"thead": "head", "tbody": "body", "tfoot": "foot"}[tag]
        elif tag == "caption":
            self._caption = ""
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = [tag, a, ""]

    def handle_endtag(self, tag):
        if tag == "caption":
            self.tables[-1]["caption"] = self._caption.strip()
            self._caption = None
        elif tag in ("td", "th") and self._cell:
            self._cell[2] = " ".join(self._cell[2].split())
            self._row.append(tuple(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            t = self.tables[-1]
            t[t["part"]].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[2] += data
        if self._caption is not None:
            self._caption += data


def due_end(due):
    """The last day a partial due date covers, or None when it has no date."""
    if due is None or due in ("ongoing", "tbc"):
        return None
    if not isinstance(due, str):
        return due.isoformat()
    if re.fullmatch(r"\d{4}-Q[1-4]", due):
        year, q = int(due[:4]), int(due[-1])
        month = q * 3
        return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]}"
    if re.fullmatch(r"\d{4}-\d{2}", due):
        year, month = int(due[:4]), int(due[5:])
        return f"{due}-{calendar.monthrange(year, month)[1]:02d}"
    return due


def status_on(m, day):
    """A milestone's status on a day: its latest dated change by then, else its undated status."""
    s = m.get("status", "not_started")
    for e in m.get("status_history", []):
        if e["date"].isoformat() <= day:
            s = e["status"]
    return s


with open(os.path.join(root, "data", "action-plan-2023-24.toml"), "rb") as f:
    plan = tomllib.load(f)

with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site, "--as-of", AS_OF],
                       capture_output=True, text=True)
    check(r.returncode == 0, "builds with --as-of: " + r.stderr)
    page = Tables()
    with open(os.path.join(site, "youth-justice-plan-2023-24", "action-plan.html"), encoding="utf-8") as f:
        html = f.read()
    page.feed(html)

summary = next(t for t in page.tables if t["caption"].startswith("Actions by status"))
group_tables = [t for t in page.tables if t["caption"].startswith("Actions for ")]
check(len(group_tables) == len(plan["group"]), f"one table per group ({len(group_tables)})")
check("31 October 2023" in summary["caption"], "summary says its as-of date")

# Column labels come from the plan, each printed once per table.
labels = list(plan["plan"].get("columns", {}).values())
for t in group_tables:
    header = [c[2] for c in t["head"][0]]
    for label in labels:
        check(header.count(label) == 1, f"'{label}' printed once in {t['caption'][:40]}")
    check(len(header) == len(set(header)), "no header printed twice")

# Every action: an anchor, its text, its milestones.
rows = {}
for t in group_tables:
    for row in t["body"]:
        rows[row[0][1].get("id")] = row
for action in plan["action"]:
    anchor = "action-" + re.sub(r"[^a-z0-9]+", "-", action["id"].lower()).strip("-")
    check(anchor in rows, f"{action['id']} has a row with id {anchor}")
    if anchor not in rows:
        continue
    row_text = " ".join(c[2] for c in rows[anchor])
    check(" ".join(action["action"].split()) in row_text, f"{action['id']}: action text shown")
    for m in action.get("milestone", []):
        check(" ".join(m["text"].split()) in row_text, f"{action['id']}: milestone '{m['text'][:30]}' shown")
    # Overdue milestones, computed here from the TOML on the rule in docs/action-plans.md.
    open_statuses = {"not_started", "planned", "in_progress"}
    explicit = action.get("status")
    expected_overdue = 0
    if explicit not in ("complete", "deferred"):
        for m in action.get("milestone", []):
            end = due_end(m.get("due"))
            if end and end < AS_OF and status_on(m, AS_OF) in open_statuses:
                expected_overdue += 1
    status_cell = rows[anchor][-1][2]
    if expected_overdue:
        check(f"{expected_overdue} milestone" in status_cell,
              f"{action['id']}: {expected_overdue} overdue shown (cell: {status_cell})")
    else:
        check("overdue" not in status_cell, f"{action['id']}: nothing overdue (cell: {status_cell})")

# The summary agrees with the rows: per group, each status count equals the rows showing it.
statuses = ["Not started", "Planned", "In progress", "Ongoing", "Complete", "Deferred"]
rags = ["Red", "Amber", "Green", "Blue"]
head = [c[2] for c in summary["head"][0]]
for srow, t in zip(summary["body"], group_tables):
    cells = {head[i]: srow[i][2] for i in range(len(head))}
    shown = [row[-1][2] for row in t["body"]]
    check(int(cells["Actions"]) == len(shown), f"{cells['Priority'][:20]}: action count")
    for s in statuses:
        n = sum(1 for c in shown if c.startswith(s + " ("))
        check(int(cells[s]) == n, f"{cells['Priority'][:20]}: {s} = {n} (summary says {cells[s]})")
    for g in rags:
        n = sum(1 for c in shown if f"({g})" in c)
        check(int(cells[g]) == n, f"{cells['Priority'][:20]}: {g} = {n} (summary says {cells[g]})")
total = {head[i]: summary["foot"][0][i][2] for i in range(len(head))}
check(int(total["Actions"]) == len(plan["action"]), "total actions equals the TOML's")
check(int(total["Red"]) > 0 and int(total["Complete"]) > 0, "the example shows real RAG and completion")

# Group links in the summary land on the group headings.
for srow in summary["body"]:
    check(srow[0][2] != "", "summary row has a label")
for g in plan["group"]:
    check("group-" + g["id"].lower() in page.ids, f"anchor for group {g['id']}")

check.finish()
