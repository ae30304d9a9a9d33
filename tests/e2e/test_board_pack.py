"""The board pack read back as a board member reads it: the PDF's first page gives the
board's meeting (its date in full, time and venue) and the publication date, not a plan
period; the next page is the agenda, every item in order with its lead (the seat's role),
its purpose and the page its heading is really on; the pack's web page has the same agenda
as a table, each title linking to its item. Each item's timing (its start, from the
meeting's time and the durations before it, and its duration) is worked out here from the
front matter and data/board.toml and compared with both agendas."""
import csv
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from html.parser import HTMLParser

from checks import Checks
from pdf_text import page_text

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
PACK = "board-pack-2023-10"
PURPOSES = {"decision": "For decision", "discussion": "For discussion", "information": "For information"}


def words(text):
    return " ".join(text.split())


def pdf_text(pdf, page, mode="-layout"):
    return page_text(pdf, page, mode)


def clock(t):
    """"10:00" as agendas print it: "10.00 am"."""
    h, m = (int(x) for x in t.split(":"))
    return f"{h % 12 or 12}.{m:02d} {'am' if h < 12 else 'pm'}"


def long_date(d):
    return f"{d.strftime('%A')} {d.day} {d.strftime('%B')} {d.year}"


class AgendaTable(HTMLParser):
    """The table whose caption names the meeting: its caption, header cells (with their
    scope) and body rows (each cell's text and link)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self._table, self._cell, self._in_caption = [], None, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._table = {"caption": "", "head": [], "rows": []}
            self.tables.append(self._table)
        elif self._table is None:
            return
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr":
            self._table["rows"].append([])
        elif tag in ("td", "th"):
            self._cell = {"tag": tag, "scope": a.get("scope"), "text": "", "href": None}
        elif tag == "a" and self._cell is not None:
            self._cell["href"] = a.get("href")

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self._cell["text"] = words(self._cell["text"])
            self._table["rows"][-1].append(self._cell)
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._in_caption:
            self._table["caption"] += data
        elif self._cell is not None:
            self._cell["text"] += data


with open(os.path.join(root, "planpack.toml"), "rb") as f:
    doc = next(d for d in tomllib.load(f)["document"] if d["id"] == PACK)
with open(os.path.join(root, "data", "board.toml"), "rb") as f:
    board = tomllib.load(f)
meeting = next(m for m in board["meeting"] if m["id"] == doc["meeting"])
roles = {s["id"]: s["role"] for s in board["seat"]}

# The pack's items from their front matter, in order.
items = []
folder = os.path.join(root, "content", PACK)
for name in sorted(os.listdir(folder)):
    text = open(os.path.join(folder, name), encoding="utf-8").read()
    fm = tomllib.loads(text.split("+++")[1])
    items.append({"order": fm["order"], "id": fm.get("id", re.sub(r"^\d+-", "", name[:-3])), "title": fm["title"],
                  "lead": roles[fm["lead"]] if "lead" in fm else "",
                  "purpose": PURPOSES[fm["purpose"]] if "purpose" in fm else "",
                  "duration": fm.get("duration"), "minutes": fm.get("minutes")})
items.sort(key=lambda i: i["order"])
# The item that asks the board to agree the last meeting's minutes, and those minutes.
asks = [i for i in items if i["minutes"]]
minuted = {m["id"]: m for m in board["meeting"]}.get(asks[0]["minutes"]) if len(asks) == 1 else None
check(minuted and "minutes" in minuted, "one item of the example binds the minutes of a meeting that has them")
minutes_md = open(os.path.join(root, "data", minuted["minutes"]), encoding="utf-8").read() if minuted else ""
# Each item's timing, worked out here from the meeting's start and the durations before it.
h, m = (int(x) for x in meeting["time"].split(":"))
at = h * 60 + m
for item in items:
    start = clock(f"{at // 60}:{at % 60:02d}") if at is not None else None
    d = item["duration"]
    item["time"] = ", ".join(x for x in [start, f"{d} minute{'s' if d != 1 else ''}" if d else None] if x)
    at = at + d if at is not None and d else None
for n, item in enumerate(items, 1):
    item["number"] = n
# The agenda as it should read: each item, and after the one that asks for them the minutes,
# lettered by that item ("2(a)"), with no lead, purpose or time of their own.
agenda_rows = []
for item in items:
    agenda_rows.append(item)
    if item["minutes"] and minuted:
        d = minuted["date"]
        agenda_rows.append({"number": f"{item['number']}(a)", "id": "minutes-" + minuted["id"],
                     "title": f"Minutes of the meeting on {d.day} {d.strftime('%B')} {d.year}",
                     "lead": "", "purpose": "", "time": "", "enclosure": True})

# The minutes agree with the attendance grid: every seat that came is in Present (a deputy
# said so), every apology in Apologies, and the counts stated are the grid's.
with open(os.path.join(root, "data", board["board"]["attendance"] + ".csv"), encoding="utf-8") as f:
    grid = list(csv.DictReader(f))
if minuted:
    column = [(r["seat"], r[minuted["id"]]) for r in grid]
    sections = dict(re.findall(r"^## (\w+)\n\n(.*?)(?=^## |\Z)", minutes_md, re.S | re.M))
    present_text, apologies_text = words(sections.get("Present", "")), words(sections.get("Apologies", ""))
    for seat, mark in column:
        role = roles[seat]
        if mark in ("✓", "D"):
            check(role in present_text, f"the minutes' Present names {role!r} ({mark})")
        if mark == "A":
            check(role in apologies_text, f"the minutes' Apologies name {role!r}")
        # (A role that is the start of a present one's, as "Assistant Director of Children's
        # Services" is of "... (Education)", cannot be told apart by its words.)
        if mark not in ("✓", "D") and not any(role in roles[o] for o, m in column if m in ("✓", "D")):
            check(role not in present_text, f"the minutes' Present does not name {role!r} ({mark})")
    came = sum(m in ("✓", "D") for _, m in column)
    expected = sum(m not in ("-", "V") for _, m in column)
    statutory = {s["statutory"] for s in board["seat"] if "statutory" in s}
    represented = {s["statutory"] for s in board["seat"] if "statutory" in s and
                   dict(column)[s["id"]] in ("✓", "D")}
    check(f"{came} of the {expected} members expected attended or sent a deputy" in words(minutes_md),
          f"the minutes state the grid's count: {came} of {expected}")
    check(len(represented) == len(statutory) and f"all {len(statutory)} statutory partners" in minutes_md,
          f"the minutes say which statutory partners came: {sorted(represented)}")
check(all(i["lead"] for i in items) and sum(1 for i in items if i["purpose"]) >= 4,
      "the example's items name their leads and most their purposes")
check("time" in meeting and "venue" in meeting, "the example's meeting has a time and a venue")
check(all(i["duration"] for i in items), "the example's items give their durations")

with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site], capture_output=True, text=True)
    check(r.returncode == 0, "builds: " + r.stderr)
    pdf = os.path.join(site, PACK, PACK + ".pdf")
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True,
                                                             text=True).stdout).group(1))

    # Page 1: the cover states the meeting.
    cover = words(pdf_text(pdf, 1))
    for what, value in [("board", board["board"]["title"]), ("date", long_date(meeting["date"])),
                        ("time", clock(meeting["time"])), ("venue", meeting["venue"]),
                        ("published date", f"{doc['published'].day} {doc['published'].strftime('%B %Y')}")]:
        check(value in cover, f"the cover gives the meeting's {what}, {value!r} ({cover!r})")
    check("Plan period" not in cover, "the cover of a board pack gives no plan period")
    check("Published" in cover, "the cover says when the pack was published")

    # Page 2: the agenda, each row as the PDF draws it (its cells in reading order).
    # (A title that wraps after a hyphen, "six-/month", is read back joined.)
    agenda = re.sub(r"(\w)- (\w)", r"\1-\2", words(pdf_text(pdf, 2, "-raw")))
    check("Agenda" in agenda and "Item Title Lead Purpose Time Page" in agenda,
          f"page 2 is the agenda, a table with its column headers ({agenda[:200]!r})")
    check(long_date(meeting["date"]) in agenda, "the agenda names the meeting's date")
    rest, listed = agenda[agenda.find("Item Title Lead Purpose Time Page"):], {}
    for item in agenda_rows:
        row = " ".join(x for x in [str(item["number"]), item["title"], item["lead"], item["purpose"], item["time"]]
                       if x)
        m = re.search(re.escape(row) + r" (\d+)\b", rest)
        if check(m, f"the agenda lists item {item['number']} with its title, lead and purpose: {row!r}"):
            listed[item["number"]] = int(m.group(1))
            rest = rest[m.end():]  # the next item comes after this one: the order is checked too

    # Each item's heading, found page by page, is on the page the agenda gives.
    body = [pdf_text(pdf, p) for p in range(1, pages + 1)]
    for item in agenda_rows:
        heading = item["title"] if item.get("enclosure") else f"{item['number']}. {item['title']}"
        found = None
        for p, text in enumerate(body, 1):
            lines = [l for l in text.splitlines() if l.strip()]
            # Leave out the running header and footer, which repeat the section's title.
            if p > 2 and heading in words(" ".join(lines[1:-1])):
                found = p
                break
        if not check(found, f"item {item['number']}'s heading {heading!r} is in the PDF"):
            continue
        footer = re.search(r"Page (\d+) of \d+", body[found - 1])
        printed = int(footer.group(1)) if footer else None
        check(printed is not None and listed.get(item["number"]) == printed,
              f"the agenda gives item {item['number']} page {listed.get(item['number'])}; its heading is on "
              f"the page printed {printed} (physical page {found})")
        item["page"] = found

    # The minutes are bound in after the item that asks the board to agree them, before the
    # next item: their words follow the item's in the text, and the outline lists them.
    if minuted:
        text = words(" ".join(body))
        ask = words(open(os.path.join(folder, next(n for n in sorted(os.listdir(folder))
                                                   if f'minutes = "{minuted["id"]}"' in
                                                   open(os.path.join(folder, n), encoding="utf-8").read())),
                         encoding="utf-8").read().split("+++")[2]).split(" [")[0][:60]
        first_minute = words(re.sub(r"[#*]", "", minutes_md.split("\n\n")[1]))[:80].replace("'", "’")
        later = next((i for i in items if i["order"] > asks[0]["order"]), None)
        at_ask, at_minutes = text.find(ask[:40]), text.find(first_minute[:60])
        at_next = text.find(f"{later['number']}. {later['title']}", at_minutes) if later else len(text)
        check(0 <= at_ask < at_minutes < at_next,
              f"the minutes' text ({first_minute[:40]!r}) comes after the item asking to agree them "
              f"({ask[:40]!r}) and before the next item: at {at_ask}, {at_minutes}, {at_next}")
        outline = subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf], capture_output=True,
                                 text=True).stdout
        check(agenda_rows[[r["id"] for r in agenda_rows].index("minutes-" + minuted["id"])]["title"] in outline,
              "the PDF's outline lists the minutes")

    # The web page: the same agenda as a table, with a caption and column headers.
    parser = AgendaTable()
    parser.feed(open(os.path.join(site, PACK, "index.html"), encoding="utf-8").read())
    tables = [t for t in parser.tables if "Items for the meeting" in t["caption"]]
    if check(len(tables) == 1, "the pack's index page has one agenda table with a caption"):
        t = tables[0]
        head, rows = t["rows"][0], t["rows"][1:]
        check([c["text"] for c in head] == ["Item", "Title", "Lead", "Purpose", "Time"] and
              all(c["tag"] == "th" and c["scope"] == "col" for c in head),
              f"its header cells are th scope=col: Item, Title, Lead, Purpose, Time ({head})")
        check([[c["text"] for c in r] for r in rows] ==
              [[str(i["number"]), i["title"], i["lead"], i["purpose"], i["time"]] for i in agenda_rows],
              "its rows are the items in order, each with its lead, purpose and timing, the minutes after "
              "the item that asks for them")
        check([r[1]["href"] for r in rows] == [i["id"] + ".html" for i in agenda_rows],
              "each title links to its item's page")
    if minuted:
        page = words(open(os.path.join(site, PACK, "minutes-" + minuted["id"] + ".html"), encoding="utf-8").read())
        check(first_minute[:60] in page, "the minutes have their own web page in the pack")
    index = words(open(os.path.join(site, PACK, "index.html"), encoding="utf-8").read())
    for value in [long_date(meeting["date"]), clock(meeting["time"]), meeting["venue"]]:
        check(value in index, f"the pack's web page gives {value!r}, as its cover does")
    check("Plan period" not in index, "the pack's web page gives no plan period")

check.finish()
