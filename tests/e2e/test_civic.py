"""The committees' public record as the example publishes it, with minutes for 22 September
2022 (apologies, a substitute, a co-opted member absent) and a cancelled November meeting
added: iCalendar files read back by python3-icalendar (RFC 5545: components, UIDs, the
Europe/London zone, STATUS:CANCELLED); Atom feeds checked against RFC 4287's rules; members'
attendance read back from the committee's page, each member's page, the workbook and the
open data, and compared with the same figures worked out here from the TOML sources; the
open data against its own JSON Schema and its documents' SHA-256 against the files; no
exempt paper's words anywhere in them; and, in roles-only mode, no member named at all."""
import csv
import datetime
import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET

import icalendar
import jsonschema
import openpyxl

from checks import Checks
from site_reader import Page

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()

COMMITTEE = "committees/cyp-scrutiny"
BASE = "https://papers.example.gov.uk/yjs/"
ATOM = "{http://www.w3.org/2005/Atom}"


def copy_root(tmp):
    tree = os.path.join(tmp, "svc")
    shutil.copytree(root, tree, ignore=shutil.ignore_patterns("site", "build*", ".git", "node_modules", "tests"))
    return tree


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def add_meetings(tree):
    """Minutes for 22 September with every kind of attendance, and a cancelled meeting."""
    toml = os.path.join(tree, "planpack.toml")
    text = open(toml, encoding="utf-8").read()
    write(toml, text.replace('base_url = "/"', f'base_url = "{BASE}"'))
    sept = tomllib.load(open(os.path.join(tree, "meetings/cyp-scrutiny-2022-09-22/meeting.toml"), "rb"))
    minutes = ['schema = "minutes/1"', "", "[minutes]", 'meeting = "cyp-scrutiny-2022-09-22"',
               'chair = "cllr-burdess"',
               'present = ["cllr-critchley", "cllr-cross", "cllr-b-mitchell", "cllr-d-coleman", "cllr-stansfield"]',
               'co_opted = ["gemma-clayton", "mike-coole"]',
               'apologies = ["cllr-m-mitchell", "cllr-r-scott"]', "ended = 20:05:00", "",
               "  [[minutes.substitute]]", '  person = "cllr-callow"', '  for = "cllr-r-scott"', ""]
    for item in sept["item"]:
        minutes += ["[[minute]]", f'item = "{item["id"]}"']
        if item["id"] == "therapy-contract":
            minutes += ["  [[minute.resolution]]", '  kind = "agreed"',
                        '  text = "That the contract be awarded to Harbourside Communication Therapies CIC."']
        else:
            minutes += ["  [[minute.resolution]]", '  kind = "noted"', f'  text = "That item {item["id"]} be noted."']
        minutes.append("")
    write(os.path.join(tree, "meetings/cyp-scrutiny-2022-09-22/minutes.toml"), "\n".join(minutes))
    write(os.path.join(tree, "meetings/cyp-scrutiny-2022-11-17/meeting.toml"), "\n".join([
        'schema = "meeting/1"', "", "[meeting]", 'id = "cyp-scrutiny-2022-11-17"', 'committee = "cyp-scrutiny"',
        "date = 2022-11-17", "time = 18:00:00", "issued = 2022-11-08", "cancelled = 2022-11-10", "",
        "[[item]]", 'id = "young-inspectors"', 'title = "Young Inspectors update"', ""]))


def build(tree, out, *extra):
    return subprocess.run([planpack, "build", "--root", tree, "--out", out, *extra], capture_output=True, text=True)


def read(site, rel, mode="r"):
    with open(os.path.join(site, rel), mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


# ---- what the sources say, worked out here ------------------------------------------------

def full_name(p):
    return " ".join(x for x in [p.get("honorific", ""), p.get("given") or p.get("initial", ""), p["family"]] if x)


def municipal_year(d):
    first = d.year if d.month >= 5 else d.year - 1
    return f"{first}/{first + 1}"


def expected_attendance(tree):
    """{(person, year): [expected, present, apologies, absent, substituted, as_substitute]}
    for the committee, from its membership and each minutes file."""
    committee = tomllib.load(open(os.path.join(tree, "data/cyp-scrutiny.toml"), "rb"))
    seats = committee["member"] + committee["co_opted"]
    totals = {}
    for d, _, files in os.walk(os.path.join(tree, "meetings")):
        if "minutes.toml" not in files:
            continue
        mins = tomllib.load(open(os.path.join(d, "minutes.toml"), "rb"))["minutes"]
        meeting = tomllib.load(open(os.path.join(d, "meeting.toml"), "rb"))["meeting"]
        day, year = meeting["date"], municipal_year(meeting["date"])
        present = {mins["chair"], *mins["present"], *mins.get("co_opted", [])}
        subs = {s["for"]: s["person"] for s in mins.get("substitute", [])}
        for seat in seats:
            if ("from" in seat and day < seat["from"]) or ("to" in seat and day > seat["to"]):
                continue
            t = totals.setdefault((seat["person"], year), [0] * 6)
            t[0] += 1
            p = seat["person"]
            if p in present:
                t[1] += 1
            elif p in mins.get("apologies", []):
                t[2] += 1
            else:
                t[3] += 1
            if p in subs:
                t[4] += 1
        for s in mins.get("substitute", []):
            totals.setdefault((s["person"], year), [0] * 6)[5] += 1
    return totals


def exempt_words(tree):
    """Distinctive words of the exempt report, from its source."""
    text = open(os.path.join(tree, "meetings/cyp-scrutiny-2022-09-22/15-therapy-contract.md"), encoding="utf-8").read()
    return ["Harbourside", "Fylde Coast Speech Partnership", "46,875", "52,310", "commercially confidential"]


# ---- iCalendar ----------------------------------------------------------------------------

def check_calendars(site, tree):
    people = {p["id"]: p for p in tomllib.load(open(os.path.join(tree, "data/people.toml"), "rb"))["person"]}
    meetings = {}
    for d, _, files in os.walk(os.path.join(tree, "meetings")):
        if "meeting.toml" in files:
            m = tomllib.load(open(os.path.join(d, "meeting.toml"), "rb"))["meeting"]
            meetings[m["id"]] = m
    files = ["calendar.ics", f"{COMMITTEE}/calendar.ics"] + [f"{COMMITTEE}/{m}.ics" for m in meetings]
    for rel in files:
        raw = read(site, rel, "rb")
        check(b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), f"{rel}: every line ends in CRLF")
        check(all(len(line) <= 75 for line in raw.split(b"\r\n")), f"{rel}: lines folded at 75 octets")
        cal = icalendar.Calendar.from_ical(raw)
        check(cal.name == "VCALENDAR" and str(cal["VERSION"]) == "2.0" and "PRODID" in cal,
              f"{rel}: a VCALENDAR with VERSION 2.0 and PRODID")
        events = [c for c in cal.walk() if c.name == "VEVENT"]
        zones = [c for c in cal.walk() if c.name == "VTIMEZONE"]
        check(len(zones) == 1 and str(zones[0]["TZID"]) == "Europe/London", f"{rel}: one VTIMEZONE, Europe/London")
        want = list(meetings) if "/" not in rel or rel.endswith("calendar.ics") else [os.path.basename(rel)[:-4]]
        check(sorted(str(e["UID"]).split(".")[0] for e in events) == sorted(want),
              f"{rel}: one VEVENT per meeting ({len(events)} for {len(want)})")
        for e in events:
            uid = str(e["UID"])
            mid = uid.split(".")[0]
            m = meetings[mid]
            check(uid == f"{mid}.cyp-scrutiny@papers.example.gov.uk", f"{rel}: UID {uid} from meeting, committee, site")
            start = e["DTSTART"]
            check(start.params.get("TZID") == "Europe/London", f"{rel}: {mid} starts in Europe/London")
            check(start.dt.replace(tzinfo=None) == datetime.datetime.combine(m["date"], m["time"]),
                  f"{rel}: {mid} starts at the agenda's date and time")
            check(start.dt.utcoffset() == datetime.timedelta(hours=1 if m["date"].month in (6, 9) else 0),
                  f"{rel}: {mid}: the zone gives BST in summer and GMT in November")
            status = str(e["STATUS"])
            check(status == ("CANCELLED" if "cancelled" in m else "CONFIRMED"), f"{rel}: {mid} STATUS {status}")
            check(str(e["URL"]) == f"{BASE}{COMMITTEE}/{mid}/index.html", f"{rel}: {mid} URL is its agenda page")
            check("Committee Room A" in str(e["LOCATION"]), f"{rel}: {mid} at the committee's venue")
            stamp = e["DTSTAMP"].dt
            issued = m["cancelled"] if "cancelled" in m else m["issued"]
            check(stamp == datetime.datetime.combine(issued, datetime.time(0), datetime.timezone.utc),
                  f"{rel}: {mid} DTSTAMP from its issue (or cancellation) date, not the clock")
    sept = icalendar.Calendar.from_ical(read(site, f"{COMMITTEE}/cyp-scrutiny-2022-09-22.ics", "rb"))
    end = [c for c in sept.walk() if c.name == "VEVENT"][0]["DTEND"].dt
    check(end.hour == 20 and end.minute == 5, "the September meeting ends when its minutes say (8.05 pm)")


# ---- Atom ---------------------------------------------------------------------------------

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TAG = re.compile(r"^tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:[^#\s]+$")


def one(el, name, what):
    found = el.findall(ATOM + name)
    check(len(found) == 1, f"{what}: exactly one atom:{name} (found {len(found)})")
    return found[0] if found else None


def check_feed(site, rel):
    try:
        feed = ET.fromstring(read(site, rel, "rb"))
    except ET.ParseError as e:
        check(False, f"{rel}: well-formed XML ({e})")
        return []
    check(feed.tag == ATOM + "feed", f"{rel}: the root is atom:feed")
    for name in ("id", "title", "updated"):
        one(feed, name, rel)
    check(TAG.match(feed.findtext(ATOM + "id") or "") is not None, f"{rel}: the feed id is a tag: URI")
    check(RFC3339.match(feed.findtext(ATOM + "updated") or "") is not None, f"{rel}: updated is an RFC 3339 date-time")
    authors = feed.findall(ATOM + "author")
    check(len(authors) == 1 and (authors[0].findtext(ATOM + "name") or "").strip(), f"{rel}: one author, named")
    self_links = [l for l in feed.findall(ATOM + "link") if l.get("rel") == "self"]
    check(len(self_links) == 1, f"{rel}: a rel=self link")
    ids = []
    entries = feed.findall(ATOM + "entry")
    check(len(entries) > 0, f"{rel}: has entries")
    newest = ""
    for e in entries:
        eid = one(e, "id", f"{rel} entry")
        one(e, "title", f"{rel} entry")
        up = one(e, "updated", f"{rel} entry")
        if eid is None or up is None:
            continue
        ids.append(eid.text)
        check(TAG.match(eid.text or "") is not None, f"{rel}: entry id {eid.text} is a tag: URI")
        check(RFC3339.match(up.text or "") is not None, f"{rel}: entry updated {up.text} is RFC 3339")
        newest = max(newest, up.text or "")
        alternates = [l for l in e.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
        check(len(alternates) == 1 and alternates[0].get("href"), f"{rel}: entry {eid.text} has one alternate link")
        # No content element, so RFC 4287 4.1.2 asks for a summary... only when content is
        # out-of-line or base64; a summary is given anyway, and no entry author, as the
        # feed's author covers every entry.
        check(e.find(ATOM + "summary") is not None or e.find(ATOM + "content") is not None,
              f"{rel}: entry {eid.text} has a summary or content")
        href = alternates[0].get("href") if alternates else ""
        target = os.path.normpath(os.path.join(os.path.dirname(rel), href))
        check(os.path.isfile(os.path.join(site, target)), f"{rel}: entry link {href} is a page of the site")
    check(len(ids) == len(set(ids)), f"{rel}: entry ids are unique")
    check(feed.findtext(ATOM + "updated") == newest, f"{rel}: the feed's updated is its newest entry's")
    check(feed.get("{http://www.w3.org/XML/1998/namespace}base") == BASE + rel, f"{rel}: xml:base is its own address")
    return ids


def check_feeds(site):
    all_ids = check_feed(site, "feed.atom")
    committee_ids = check_feed(site, f"{COMMITTEE}/feed.atom")
    check(sorted(all_ids) == sorted(committee_ids), "one committee: the site's feed holds the committee's entries")
    feed = ET.fromstring(read(site, "feed.atom", "rb"))
    titles = [e.findtext(ATOM + "title") for e in feed.findall(ATOM + "entry")]
    for kind in ("Agenda", "Minutes", "Decisions"):
        check(any(t.startswith(kind + ":") for t in titles), f"feed.atom: an entry for {kind.lower()}")
    agenda = [e for e in feed.findall(ATOM + "entry") if e.findtext(ATOM + "title").startswith("Agenda") and
              "22 September" in e.findtext(ATOM + "title")][0]
    check(agenda.findtext(ATOM + "updated") == "2022-09-13T00:00:00Z",
          "the September agenda's entry is dated by its publication (issue) date")
    check("Schedule 12A" in agenda.findtext(ATOM + "summary"), "the exempt item is listed with its exemption notice")
    return all_ids


# ---- attendance ---------------------------------------------------------------------------

FIGURES = ["expected", "present", "apologies", "absent", "substituted", "as_substitute"]


def html_table(page, caption_start):
    """Rows of the table whose caption starts so: [(first cell's member id or text, cells)]."""
    m = re.search(r"<caption[^>]*>" + re.escape(caption_start) + r".*?</table>", page, re.S)
    if not m:
        return []
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", m.group(0), re.S)[1:]:
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)]
        link = re.search(r'href="[^"]*members/([^/"]+)/index.html"', tr)
        rows.append((link.group(1) if link else cells[0], cells))
    return rows


def check_attendance(site, tree, data):
    want = expected_attendance(tree)
    check(want.get(("cllr-r-scott", "2022/2023")) == [2, 1, 1, 0, 1, 0], "sources: R Scott sent apologies once, substituted")
    check(want.get(("cllr-callow", "2022/2023")) == [0, 0, 0, 0, 0, 1], "sources: Callow attended once as a substitute")
    people = {p["id"]: p for p in tomllib.load(open(os.path.join(tree, "data/people.toml"), "rb"))["person"]}
    by_name = {full_name(p): pid for pid, p in people.items()}

    # The committee's page.
    page = html_table(read(site, f"{COMMITTEE}/index.html"), "Attendance at the Committee")
    got = {(pid, cells[1]): [int(c) for c in cells[2:8]] for pid, cells in page}
    check(got == want, f"committee page attendance agrees with the minutes: {sorted(set(got.items()) ^ set((k, tuple(v)) for k, v in want.items()))[:4] if got != want else ''}")

    # Each member's page.
    got = {}
    for pid in {k[0] for k in want}:
        rel = f"members/{pid}/index.html"
        if not check(os.path.isfile(os.path.join(site, rel)), f"{rel} exists"):
            continue
        text = read(site, rel)
        for _, cells in html_table(text, "Attendance at meetings"):
            check(cells[0] == "Children and Young People's Scrutiny Committee", f"{rel}: the row is the committee's")
            got[(pid, cells[1])] = [int(c) for c in cells[2:8]]
        check(full_name(people[pid]) in text, f"{rel}: names the member")
        check("Children and Young People&#39;s Scrutiny Committee" in text, f"{rel}: lists the member's committee")
    check(got == want, "members' pages agree with the minutes")

    # The workbook.
    wb = openpyxl.load_workbook(os.path.join(site, COMMITTEE, "attendance.xlsx"), data_only=True)
    ws = wb["Member attendance"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Member")
    check(rows[head][2:8] == ["Expected", "Present", "Apologies", "Absent", "Substituted", "As substitute"],
          "workbook: the figures' columns")
    got = {}
    for r in rows[head + 1:]:
        if r[0] in by_name:
            got[(by_name[r[0]], r[1])] = [int(v) for v in r[2:8]]
    check(got == want, "the workbook agrees with the minutes")

    # Open data, JSON and CSV.
    got = {(t["member"], t["municipal_year"]): [t[f] for f in FIGURES] for t in data["attendance_totals"]}
    check(got == want, "open data's attendance totals agree with the minutes")
    rows = list(csv.DictReader(io.StringIO(read(site, "data/v1/attendance_totals.csv"), newline="")))
    check({(r["member"], r["municipal_year"]): [int(r[f]) for f in FIGURES] for r in rows} == want,
          "the CSV agrees with the JSON")
    per_meeting = [a for a in data["attendance"] if a["meeting"] == "cyp-scrutiny-2022-09-22"]
    scott = [a for a in per_meeting if a["member"] == "cllr-r-scott"]
    check(scott and scott[0]["status"] == "apologies" and scott[0]["substitute"] == "cllr-callow",
          "open data: R Scott's apologies and substitute on 22 September")
    check(not any(a["meeting"] == "cyp-scrutiny-2022-11-17" for a in data["attendance"]),
          "the cancelled meeting counts for no one")


# ---- open data ----------------------------------------------------------------------------

def check_open_data(site):
    data = json.loads(read(site, "data/v1/committee-papers.json"))
    schema = json.loads(read(site, "data/v1/schema.json"))
    with open(os.path.join(root, "templates/open-data/schema-v1.json"), encoding="utf-8") as f:
        check(json.load(f) == schema, "the published schema is the repository's")
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=str)
    check(not errors, f"committee-papers.json validates against its schema: {[e.message for e in errors[:3]]}")
    for table in ("committees", "meetings", "items", "decisions", "members", "memberships", "attendance",
                  "attendance_totals", "documents"):
        rows = list(csv.DictReader(io.StringIO(read(site, f"data/v1/{table}.csv"), newline="")))
        check(len(rows) == len(data[table]), f"{table}.csv has the JSON's {len(data[table])} rows")
        if rows:
            check(list(rows[0]) == list(data[table][0]), f"{table}.csv has the JSON's columns")
    meetings = {m["id"]: m for m in data["meetings"]}
    check(meetings["cyp-scrutiny-2022-11-17"]["status"] == "cancelled", "open data: the November meeting is cancelled")
    check(meetings["cyp-scrutiny-2022-09-22"]["status"] == "held", "open data: the September meeting was held")
    exempt = [i for i in data["items"] if i["exempt"]]
    check(len(exempt) == 1 and exempt[0]["url"] is None and "Schedule 12A" in exempt[0]["exemption_notice"],
          "open data: the exempt item by title and notice only, with no papers' address")
    check(not any(d["item"] == 15 and d["meeting"] == "cyp-scrutiny-2022-09-22" for d in data["decisions"]),
          "open data: no decision of the exempt item")
    check(len(data["documents"]) > 0, "open data lists the meetings' documents")
    for d in data["documents"]:
        body = read(site, d["path"], "rb")
        check(hashlib.sha256(body).hexdigest() == d["sha256"] and len(body) == d["bytes"],
              f"documents: {d['path']}'s SHA-256 and size are its bytes'")
        check(d["url"] == BASE + d["path"], f"documents: {d['path']}'s URL is under base_url")
    return data


# ---- pages ---------------------------------------------------------------------------------

def hrefs(site, rel, pattern):
    """The site paths the page's links matching pattern lead to."""
    text = read(site, rel)
    return {os.path.normpath(os.path.join(os.path.dirname(rel), h)) for h in re.findall(pattern, text)}


def check_pages(site):
    rel = f"{COMMITTEE}/cyp-scrutiny-2022-09-22/index.html"
    meeting = read(site, rel)
    check(f"{COMMITTEE}/cyp-scrutiny-2022-09-22.ics" in hrefs(site, rel, r'<a href="([^"]+)" type="text/calendar">Add this meeting'),
          "the meeting's page offers it to add to a calendar")
    check(f"{COMMITTEE}/feed.atom" in hrefs(site, rel, r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"'),
          "the meeting's page names the committee's feed in its head")
    main = meeting.split("<main", 1)[1].split("</main>", 1)[0]
    check(".ics" not in main and ".atom" not in main, "the offers stand outside <main>, which publication compares")
    committee = read(site, f"{COMMITTEE}/index.html")
    check('href="calendar.ics"' in committee and '<link rel="alternate" type="application/atom+xml" href="feed.atom"' in committee,
          "the committee's page offers its calendar and names its feed")
    check("(cancelled)" in committee, "the committee's page marks the cancelled meeting")
    check_cancelled(site)
    home = read(site, "index.html")
    for href in ("members/index.html", "calendar.ics", "feed.atom", "data/v1/committee-papers.json"):
        check(f'href="{href}"' in home, f"the home page links {href}")
    members = Page(os.path.join(site, "members/index.html"))
    check(any(h == "cllr-callow/index.html" for h, _, _ in members.links), "the members' list includes a substitute")
    check(not os.path.exists(os.path.join(site, "members/victoria-gent")), "no page for an officer")


def check_cancelled(site):
    """A cancelled meeting's page says so above the paper; the paper stays as issued."""
    rel = f"{COMMITTEE}/cyp-scrutiny-2022-11-17/index.html"
    page = read(site, rel)
    notice = "CANCELLED This meeting was cancelled on 10 November 2022."
    head, main = page.split("<main", 1)
    main = main.split("</main>", 1)[0]
    words = lambda h: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", h)).split())
    check(notice in words(head), f"the cancelled meeting's page gives the notice before its content: {words(head)[-300:]!r}")
    check("cancelled" not in words(main).lower(), "the agenda itself is as it was issued")
    folder = os.path.join(site, COMMITTEE, "cyp-scrutiny-2022-11-17")
    pdfs = [f for f in os.listdir(folder) if f.endswith(".pdf")]
    if check(len(pdfs) == 1, f"the cancelled meeting's agenda is printed: {pdfs}"):
        printed = subprocess.run(["pdftotext", os.path.join(folder, pdfs[0]), "-"], capture_output=True, text=True).stdout
        check("Date and time:" in printed and "cancelled" not in printed.lower(), "the printed agenda is as it was issued")
    held = read(site, f"{COMMITTEE}/cyp-scrutiny-2022-09-22/index.html")
    check("CANCELLED" not in held, "a meeting that was held carries no notice")


def check_cancelled_after_publication(tree, tmp):
    """The usual order: the agenda is published, then the meeting is called off. The
    published paper does not change, so the build succeeds, and its page gives the notice."""
    path = os.path.join(tree, "meetings/cyp-scrutiny-2022-11-17/meeting.toml")
    toml = open(path, encoding="utf-8").read()
    write(path, toml.replace("cancelled = 2022-11-10\n", ""))
    site = os.path.join(tmp, "cancelled-later")
    r = subprocess.run([planpack, "publish", "--root", tree, "--out", site], capture_output=True, text=True)
    if not check(r.returncode == 0, f"the agenda is published before the cancellation: {r.stderr[-400:]}"):
        return
    write(path, toml)
    r = build(tree, site)
    check(r.returncode == 0, f"cancelling a published meeting builds: {r.stderr[-600:]}")
    check("CANCELLED" in read(site, f"{COMMITTEE}/cyp-scrutiny-2022-11-17/index.html"),
          "the published meeting's page now says it is cancelled")
    os.remove(os.path.join(tree, "published.toml"))


def check_exempt(site, words):
    for rel in ["feed.atom", f"{COMMITTEE}/feed.atom", "calendar.ics"] + \
               [f"data/v1/{f}" for f in os.listdir(os.path.join(site, "data/v1"))] + \
               [f"members/{p}/index.html" for p in os.listdir(os.path.join(site, "members")) if p != "index.html"]:
        text = read(site, rel)
        for w in words:
            check(w not in text, f"{rel}: no exempt words ({w!r})")


def check_roles_only(tree, tmp):
    toml = os.path.join(tree, "planpack.toml")
    text = open(toml, encoding="utf-8").read()
    write(toml, text.replace('names = "members-only"', 'names = "roles-only"'))
    site = os.path.join(tmp, "roles")
    r = build(tree, site, "--format", "html")
    if not check(r.returncode == 0, f"roles-only build succeeds: {r.stderr[-400:]}"):
        return
    check(not os.path.exists(os.path.join(site, "members")), "roles-only: no members' pages")
    data = json.loads(read(site, "data/v1/committee-papers.json"))
    check(not data["members"] and not data["attendance"] and not data["memberships"], "roles-only: open data names no one")
    check("Councillor" not in read(site, "data/v1/committee-papers.json"), "roles-only: no councillor in open data")
    check(os.path.isfile(os.path.join(site, "calendar.ics")), "roles-only: calendars all the same")


with tempfile.TemporaryDirectory() as tmp:
    tree = copy_root(tmp)
    add_meetings(tree)
    site = os.path.join(tmp, "site")
    r = build(tree, site)
    if check(r.returncode == 0, f"the example with added minutes builds: {r.stderr[-800:]}"):
        check_calendars(site, tree)
        check_feeds(site)
        data = check_open_data(site)
        check_attendance(site, tree, data)
        check_pages(site)
        check_exempt(site, exempt_words(tree))
    check_cancelled_after_publication(tree, tmp)
    check_roles_only(tree, tmp)

check.finish()
