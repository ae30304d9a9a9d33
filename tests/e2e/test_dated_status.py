"""Every document tells the action plan's story as it stood on its own date. Each document
in planpack.toml (its HTML pages, its PDF and its workbooks) and each committee agenda pack
that binds such a document or carries a report showing a plan (its pack PDF, public and
restricted, read paper by paper, and its report pages) is read back; every action and
milestone status it shows is compared with the status worked out here from the TOML
(tests/e2e/plan_status.py): a document at its own as_of (else its publication date), a
document bound into a pack as it was published (the same), a report's own directive at its
meeting's date. Read in date order, the story never goes backwards without an update saying
why."""
import datetime
import glob
import os
import re
import subprocess
import sys
import tempfile
import tomllib

import openpyxl

from checks import Checks
from pdf_rows import Pdf
from plan_status import (LABELS, listed, long_date, milestone_status, normalise, page_text, rows, status,
                         summaries)

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
DIRECTIVE = re.compile(r"^```planpack (action-plan|action-summary|action-changes|previous-progress)\n(.*?)^```",
                       re.M | re.S)
CAPTION = re.compile(r"(?:Actions by status and RAG rating for each priority|Actions|Milestones), as at "
                     r"(\d{1,2} [A-Z][a-z]+ \d{4})")


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def front_matter_and_body(path):
    text = open(path, encoding="utf-8").read()
    if not text.startswith("+++"):
        return {}, text
    end = text.index("\n+++", 3)
    return tomllib.loads(text[3:end]), text[end + 4:]


def shows(path):
    """The action-plan directives in a Markdown file, as (name, parameters)."""
    return [(m.group(1), tomllib.loads(m.group(2))) for m in DIRECTIVE.finditer(front_matter_and_body(path)[1])]


plans = {}
for path in sorted(glob.glob(os.path.join(root, "data", "*.toml"))):
    t = load(path)
    if t.get("schema") == "action-plan/1":
        plans[os.path.splitext(os.path.basename(path))[0]] = t
config = load(os.path.join(root, "planpack.toml"))
docs = {d["id"]: d for d in config["document"]}


def as_of(doc):
    return doc.get("as_of", doc["published"])


# What each document shows: its content files' directives (a file names its document, or
# sits in content/<document-id>/).
doc_shows = {d: [] for d in docs}
for path in sorted(glob.glob(os.path.join(root, "content", "**", "*.md"), recursive=True)):
    fm, _ = front_matter_and_body(path)
    folder = os.path.basename(os.path.dirname(path))
    doc_shows[fm.get("document", folder)] += shows(path)


# The words of the tables' header rows, which pdf_rows skips: each plan's column labels.
HEADER_WORDS = {"Status"} | {w for p in plans.values() for label in p["plan"].get("columns", {}).values()
                             for w in label.split()}
IDS = {a["id"]: a["action"].split()[0] for p in plans.values() for a in p["action"]}


def compare_pdf(where, day, pdf, directives, first=0, last=None):
    cells = " ¶ ".join(pdf.rows(IDS, HEADER_WORDS, first, last))
    compare(where, day, normalise(pdf.text(first, last)), directives, cells)


observed = []  # (date, where, plan name, action id, milestone index or None, status shown)


def compare(where, day, text, directives, cells=None):
    """Every status text shows of the plans its directives name is the one at day, and every
    action, milestone, update and summary the directives promise is there to compare.
    cells: the text of the action-plan tables' rows, each whole (a PDF's, put together by
    pdf_rows where a page splits them); by default text itself."""
    named = {p["plan"] for _, p in directives}
    for caption in CAPTION.findall(text):
        check(caption == long_date(day), f"{where}: its tables say 'as at {caption}', not {long_date(day)}")
    for name in sorted(named):
        plan = plans[name]
        found = rows(text, plan)
        for a, shown, _ in found:
            want = LABELS[status(plan, a, day)]
            check(shown == want, f"{where}: {a['id']} shown as {shown}, but {want} on {day}")
            observed.append((day, where, name, a["id"], None, shown))
        full = [(a, ms) for a, _, ms in (found if cells is None else rows(cells, plan)) if ms]
        for a, ms in full:
            for i, (bullet, got) in enumerate(ms):
                m = a["milestone"][i] if i < len(a.get("milestone", [])) else None
                key = re.sub(r"[^a-z0-9]", "", bullet.lower())
                check(m is not None and key.startswith(re.sub(r"[^a-z0-9]", "", m["text"].lower())),
                      f"{where}: {a['id']} milestone {i + 1} is its own ({bullet[:50]})")
                if m is None:
                    continue
                want = LABELS[milestone_status(m, day)]
                check(got == want,
                      f"{where}: {a['id']} milestone '{m['text'][:40]}' shown as {got}, but {want} on {day}")
                observed.append((day, where, name, a["id"], i, got))
        # What the directives promise: a row with all its milestones per action of a table,
        # a row per update of a changes table, the totals of a summary.
        tables = [p for d, p in directives if d == "action-plan" and p["plan"] == name]
        in_table = [a for a in plan["action"] for p in tables if p.get("group", a["group"]) == a["group"]]
        for a in in_table:
            if a.get("milestone"):
                got = [len(ms) for b, ms in full if b is a]
                check(got == [len(a["milestone"])], f"{where}: {a['id']}'s row and its {len(a['milestone'])} "
                                                     f"milestones are read back ({got})")
        n_changes = sum(1 for d, p in directives if d == "action-changes" and p["plan"] == name
                        for a in plan["action"] for u in a.get("update", []) if p["since"] <= u["date"] <= day)
        check(len(found) == len(in_table) + n_changes,
              f"{where}: {len(in_table)} action rows and {n_changes} update rows of {name} (found {len(found)})")
        for d, p in directives:
            if p["plan"] == name and (d == "action-summary" or
                                      (d == "action-plan" and "group" not in p and p.get("summary", True))):
                got = summaries(text)
                check(len(named) == 1 and len(got) >= 1, f"{where}: the summary of {name} is read back")
                want = {"actions": len(plan["action"])}
                for key in LABELS:
                    want[key] = sum(1 for a in plan["action"] if status(plan, a, day) == key)
                for g in got:
                    check(g == want, f"{where}: the summary of {name} counts {g}, but on {day} {want}")
    for d, p in directives:
        if d == "previous-progress":
            previous = plans[p["plan"]]["plan"]["previous"]
            prev = plans[previous]
            done = {a["id"] for a in prev["action"] if status(prev, a, day) == "complete"}
            shown = listed(text, prev)
            check(shown == done, f"{where}: lists as complete {sorted(shown)}, but on {day} {sorted(done)}")
            for aid in shown:
                observed.append((day, where, previous, aid, None, "Complete"))


def compare_workbook(where, day, path, directives):
    wb = openpyxl.load_workbook(path)
    if "Actions" not in wb.sheetnames:
        return
    names = {p["plan"] for d, p in directives if d != "previous-progress"}
    check(len(names) == 1, f"{where}: one plan in the workbook")
    name = names.pop()
    plan = plans[name]
    by_id = {a["id"]: a for a in plan["action"]}

    def table(sheet):
        ws = wb[sheet]
        cells = ws[ws.tables[sheet].ref]
        head = [c.value for c in cells[0]]
        return [dict(zip(head, [c.value for c in row])) for row in cells[1:]]

    actions = table("Actions")
    check([r["ID"] for r in actions] == list(by_id), f"{where}: every action of the plan, in order")
    for r in actions:
        want = LABELS[status(plan, by_id[r["ID"]], day)]
        check(r["Status"] == want, f"{where}: {r['ID']} is {r['Status']}, but {want} on {day}")
        observed.append((day, where, name, r["ID"], None, r["Status"]))
    milestones = table("Milestones")
    expected = [(a["id"], m) for a in plan["action"] for m in a.get("milestone", [])]
    check(len(milestones) == len(expected), f"{where}: every milestone")
    for r, (aid, m) in zip(milestones, expected):
        want = LABELS[milestone_status(m, day)]
        check(r["Action"] == aid and r["Status"] == want,
              f"{where}: {aid} milestone '{m['text'][:40]}' is {r['Status']}, but {want} on {day}")
        observed.append((day, where, name, aid, by_id[aid]["milestone"].index(m), r["Status"]))


def meeting_packs():
    """(meeting, [(item number, report id or None, report directives, [(appendix label, bound document)])])."""
    for path in sorted(glob.glob(os.path.join(root, "meetings", "*", "meeting.toml"))):
        folder = os.path.dirname(path)
        meeting = load(path)
        reports = {}
        for md in glob.glob(os.path.join(folder, "*.md")):
            fm, _ = front_matter_and_body(md)
            rid = fm.get("id", re.sub(r"^\d+-", "", os.path.splitext(os.path.basename(md))[0]))
            reports[rid] = (fm, shows(md))
        items = []
        for n, item in enumerate(meeting.get("item", []), start=1):
            fm, directives = reports.get(item.get("report"), ({}, []))
            appendices = fm.get("appendix", item.get("appendix", []))
            bound = [(f"Appendix {n}({chr(ord('a') + j)})", a["document"])
                     for j, a in enumerate(appendices) if "document" in a]
            items.append((n, item.get("report"), directives, bound, "exempt" in item))
        yield meeting, items


def read_pack(m, items, pack_folder, html_folder, restricted):
    """One agenda pack: each report's own tables at the meeting's date, in the pack and on
    its page, and each bound document as published. The public pack holds no exempt paper;
    the restricted one holds them all, and their pages are in the restricted output."""
    where = m["id"] + (" restricted pack" if restricted else " pack")
    packs_read.append(where)
    pack = Pdf(os.path.join(pack_folder, m["id"] + ".pdf"))
    # Each paper starts on a page of its own: an item's first paper under its "Agenda Item N"
    # stamp, a bound document at its divider ("Appendix 7(a): Youth Justice Plan").
    starts = [i for i, page in enumerate(pack.raw) if re.match(r"\s*Agenda Item \d+\b", page)]
    for n, report, directives, bound, exempt in items:
        if not (report or bound) or (exempt and not restricted):
            continue
        first = pack.find_page(f"Agenda Item {n} ")
        dividers = [pack.find_page(label + ": ", first or 0) for label, _ in bound]
        check(first is not None and None not in dividers, f"{where}: item {n}'s papers are in the pack")
        if first is None or None in dividers:
            continue
        ends = [p for p in starts + dividers if p > first] + [len(pack.pages)]
        page = os.path.join(pack_folder if exempt else html_folder, f"{report}.html")
        html = open(page, encoding="utf-8").read() if report else ""
        if directives:
            compare_pdf(f"{where}, item {n}", m["date"], pack, directives, first, min(ends))
            if exempt or not restricted:
                compare(f"{m['id']}/{report}.html", m["date"], page_text(html), directives)
        for (label, did), start in zip(bound, dividers):
            doc = docs[did]
            end = min([p for p in starts + dividers if p > start] + [len(pack.pages)])
            check(not report or f'href="../../../{did}/index.html"' in html,
                  f"{m['id']}/{report}.html links {label} to the document as published")
            check(f"{doc['title']}, published {long_date(doc['published'])}, follows in full"
                  in normalise(pack.text(start, end)), f"{where}: {label} is {did} as published")
            compare_pdf(f"{where}, {label} ({did})", as_of(doc), pack, doc_shows[did], start, end)


packs_read = []  # the agenda packs read, public and restricted
with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    secret = os.path.join(tmp, "restricted")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site, "--restricted-out", secret],
                       capture_output=True, text=True)
    check(r.returncode == 0, "the example builds: " + r.stderr)

    for did, doc in docs.items():
        day, directives = as_of(doc), doc_shows[did]
        if not directives:
            continue
        folder = os.path.join(site, did)
        pages = " ¶ ".join(page_text(open(p, encoding="utf-8").read())
                           for p in sorted(glob.glob(os.path.join(folder, "*.html"))))
        compare(f"{did} (HTML)", day, pages, directives)
        compare_pdf(f"{did} (PDF)", day, Pdf(os.path.join(folder, did + ".pdf")), directives)
        for book in sorted(glob.glob(os.path.join(folder, "*.xlsx"))):
            compare_workbook(f"{did} ({os.path.basename(book)})", day, book, directives)

    for meeting, items in meeting_packs():
        m = meeting["meeting"]
        if not any(directives or any(doc_shows.get(d) for _, d in bound) for _, _, directives, bound, _ in items):
            continue
        public = glob.glob(os.path.join(site, "committees", "*", m["id"]))[0]
        read_pack(m, items, public, public, False)
        restricted = os.path.join(secret, os.path.relpath(public, site))
        check(os.path.isfile(os.path.join(restricted, m["id"] + ".pdf")) == any(i[4] for i in items),
              f"{m['id']}: a restricted pack exactly when an item is exempt")
        if os.path.isdir(restricted):
            read_pack(m, items, restricted, public, True)

check(len(packs_read) >= 2, f"a meeting's packs, public and restricted, show an action plan ({packs_read})")

# The cases the issue found: finished in July to October 2023, so not complete in the June plan.
june_plan = plans["action-plan-2023-24"]
JUNE, OCTOBER = as_of(docs["youth-justice-plan-2023-24"]), as_of(docs["board-pack-2023-10"])
june = {aid: shown for _, where, name, aid, k, shown in observed
        if name == "action-plan-2023-24" and k is None and where == "youth-justice-plan-2023-24 (HTML)"}
for aid in ("P2.6", "P3.6", "P4.2", "P5.2"):
    check(june.get(aid) not in (None, "Complete"), f"{aid} is not complete in the June plan ({june.get(aid)})")
late = [m for a in june_plan["action"] for m in a.get("milestone", [])
        if milestone_status(m, OCTOBER) == "complete" and milestone_status(m, JUNE) != "complete"]
check(len(late) >= 9, f"milestones completed after June are not complete in June ({len(late)})")
check(isinstance(JUNE, datetime.date) and JUNE < OCTOBER, "two dates to compare")

# Never backwards without a word: read in date order, an action or milestone shown complete
# stays complete in every later document unless an update between the two sets another
# status (its text is the reason), or the milestone's event gives a reason.
for name in sorted({o[2] for o in observed}):
    by_id = {a["id"]: a for a in plans[name]["action"]}
    story = sorted((o for o in observed if o[2] == name), key=lambda o: o[0])
    for i, (day, where, _, aid, k, shown) in enumerate(story):
        for later_day, later_where, _, later_aid, later_k, later_shown in story[i + 1:]:
            if (later_aid, later_k) != (aid, k) or later_day == day or shown != "Complete" or later_shown == "Complete":
                continue
            a = by_id[aid]
            if k is None:
                check(any(day < u["date"] <= later_day and "status" in u for u in a.get("update", [])),
                      f"{aid} is complete in {where} but {later_shown} in {later_where}, with no update saying why")
            else:
                m = a["milestone"][k]
                check(any(day < e["date"] <= later_day and e.get("reason") for e in m.get("status_history", [])),
                      f"{aid} milestone '{m['text'][:40]}' is complete in {where} but {later_shown} in "
                      f"{later_where}, with no reason")
for where in sorted({o[1] for o in observed}, key=lambda w: min(o[0] for o in observed if o[1] == w)):
    mine = [o for o in observed if o[1] == where]
    n = sum(1 for o in mine if o[4] is None)
    print(f"{mine[0][0]}  {where}: {n} action and {len(mine) - n} milestone statuses")
actions = [o for o in observed if o[4] is None]
print(f"compared {len(actions)} action statuses and {len(observed) - len(actions)} milestone statuses "
      f"in {len({o[1] for o in observed})} places, from {len(packs_read)} agenda packs among others")

check.finish()