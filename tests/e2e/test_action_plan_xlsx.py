"""The action plan's workbook read back with openpyxl: real Excel tables for actions and
milestones, a drop-down status list, RAG and overdue colours that follow the cells, real
dates, document properties, and summary counts that are COUNTIFS formulas over the
Actions table giving the same numbers as the web page."""
import datetime
import os
import re
import subprocess
import sys
import tempfile
import tomllib

import openpyxl

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()


with open(os.path.join(root, "data", "action-plan-2023-24.toml"), "rb") as f:
    plan = tomllib.load(f)

with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site, "--as-of", "2023-10-31"],
                       capture_output=True, text=True)
    check(r.returncode == 0, "builds: " + r.stderr)
    path = os.path.join(site, "youth-justice-plan-2023-24", "action-plan-2023-24.xlsx")
    wb = openpyxl.load_workbook(path)
    html = open(os.path.join(site, "youth-justice-plan-2023-24", "index.html"), encoding="utf-8").read()
    check('href="action-plan-2023-24.xlsx"' in html, "the contents page offers the workbook")

check(wb.sheetnames == ["Summary", "Actions", "Milestones"], f"sheet order ({wb.sheetnames})")
check(wb.properties.title == plan["plan"]["title"], "document title property")
check(wb.properties.creator == "Blackpool Youth Justice Service", "author property")
check(bool(wb.properties.subject) and "31 October 2023" in wb.properties.subject, "subject says as-at date")


def table_rows(ws, name):
    t = ws.tables[name]
    cells = ws[t.ref]
    header = [c.value for c in cells[0]]
    return header, [dict(zip(header, [c.value for c in row])) for row in cells[1:]]


actions_ws, milestones_ws = wb["Actions"], wb["Milestones"]
check("Actions" in actions_ws.tables, "an Excel table named Actions")
check("Milestones" in milestones_ws.tables, "an Excel table named Milestones")
header, actions = table_rows(actions_ws, "Actions")
check([a["ID"] for a in actions] == [a["id"] for a in plan["action"]], "every action, in plan order")
check(all(a["Priority"] == p["group"] for a, p in zip(actions, plan["action"])), "each action's priority")
check(actions_ws.freeze_panes is not None, "the Actions header row stays in view")
style = actions_ws.tables["Actions"].tableStyleInfo
check(style is not None and style.showRowStripes, "banded rows")
check(actions_ws.tables["Actions"].autoFilter is not None, "autofilter on the table")

_, milestones = table_rows(milestones_ws, "Milestones")
check(len(milestones) == sum(len(a.get("milestone", [])) for a in plan["action"]), "every milestone")
dated = [m for m in milestones if isinstance(m["Due by"], datetime.datetime)]
check(len(dated) > 10, f"due dates are real dates ({len(dated)})")
for m, src in zip(milestones, [m for a in plan["action"] for m in a.get("milestone", [])]):
    due = src.get("due")
    if isinstance(due, datetime.date):
        check(m["Due by"].date() == due, f"due date {due} kept exactly")

status_col = header.index("Status")
letter = openpyxl.utils.get_column_letter(status_col + 1)
lists = [dv for dv in actions_ws.data_validations.dataValidation if dv.type == "list"]
check(any(letter in str(dv.sqref) and "In progress" in dv.formula1 for dv in lists),
      "a drop-down list of statuses on the Status column")
rag_letter = openpyxl.utils.get_column_letter(header.index("RAG") + 1)
cf = {str(r.sqref): [x.formula for x in r.rules] for r in actions_ws.conditional_formatting}
check(any(rag_letter in k and ['"Red"'] in v for k, v in cf.items()), "RAG colours follow the cell's value")
overdue_letter = openpyxl.utils.get_column_letter(header.index("Overdue milestones") + 1)
check(any(overdue_letter in k for k in cf), "overdue milestones are highlighted")

# Summary: COUNTIFS over Actions, and the same numbers when evaluated here on the rows.
summary_ws = wb["Summary"]
formulas = [c.value for row in summary_ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("=")]
check(len(formulas) >= 40, f"summary counts are formulas ({len(formulas)})")
check(all("Actions[" in f or f == "=ROWS(Actions)" for f in formulas), "every formula reads the Actions table")


def evaluate(formula):
    if formula == "=ROWS(Actions)":
        return len(actions)
    pairs = re.findall(r'Actions\[([^\]]+)\],"([^"]*)"', formula)
    return sum(1 for a in actions if all(a[c] == v for c, v in pairs))


computed = {}
for row in summary_ws.iter_rows(values_only=True):
    if row and row[0] and isinstance(row[1], str) and row[1].startswith("="):
        computed[row[0]] = [evaluate(v) for v in row[1:] if isinstance(v, str)]
check(set(computed) >= {g["id"] for g in plan["group"]}, "a row per priority")
check(sum(computed[g["id"]][0] for g in plan["group"]) == len(plan["action"]), "counts add up to every action")
statuses = ["Not started", "Planned", "In progress", "Ongoing", "Complete", "Deferred"]
for g in plan["group"]:
    for i, s in enumerate(statuses):
        direct = sum(1 for a in actions if a["Priority"] == g["id"] and a["Status"] == s)
        check(computed[g["id"]][1 + i] == direct, f"{g['id']} {s}")

check.finish()
