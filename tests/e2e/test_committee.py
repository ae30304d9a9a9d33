"""Committee papers as the example builds them: the committee's page, the agenda of
22 September 2022 with its reports and their numbered paragraphs, the minutes of 30 June,
the recommendations tracker, the agenda pack PDF read page by page, exempt papers found in
no public file (and only in the restricted tree), the names and contacts the privacy mode
withholds, and appendix labels and stamps that follow the agenda's order."""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

from checks import Checks
from pdf_text import page_texts
from site_reader import output_texts, pages

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()

COMMITTEE = "committees/cyp-scrutiny"
SEPT = f"{COMMITTEE}/cyp-scrutiny-2022-09-22"
JUNE = f"{COMMITTEE}/cyp-scrutiny-2022-06-30"
PACK = f"{SEPT}/cyp-scrutiny-2022-09-22.pdf"


def copy_root(tmp):
    tree = os.path.join(tmp, "svc")
    shutil.copytree(root, tree, ignore=shutil.ignore_patterns("site", "build*", ".git", "node_modules", "tests"))
    return tree


def build(tree, out, *extra):
    return subprocess.run([planpack, "build", "--root", tree, "--out", out, *extra], capture_output=True, text=True)


def pdf_pages(path):
    """The text of each page of a PDF, from pdftotext."""
    return page_texts(path, "-layout")


def flat(text):
    return " ".join(text.split())


def exempt_phrases():
    """Distinctive words of every exempt report: each sentence of its body, and each
    figure or name in it, read from the sources rather than from planpack."""
    phrases = []
    for d, _, files in os.walk(os.path.join(root, "meetings")):
        for f in files:
            if not f.endswith(".md"):
                continue
            text = open(os.path.join(d, f), encoding="utf-8").read()
            front, body = text.split("+++")[1], text.split("+++", 2)[2]
            if not re.search(r'^exempt\s*=\s*"yes"', front, re.M):
                continue
            title = re.search(r'^title\s*=\s*"(.*)"', front, re.M)[1]
            for line in body.splitlines():
                if line.startswith("#") or len(line) < 30:
                    continue
                for sentence in re.split(r"(?<=[.;:])\s+", line):
                    if len(sentence) > 25:
                        phrases.append(sentence[:60])
            phrases += re.findall(r"£[\d,]+", body)
            phrases += re.findall(r"[A-Z][a-z]+ (?:[A-Z][a-z]+ )*(?:CIC|Partnership)", body)
            phrases.append(title)  # the title is public: checked apart below
    return phrases


with tempfile.TemporaryDirectory() as tmp:
    tree = copy_root(tmp)
    site, restricted = os.path.join(tmp, "site"), os.path.join(tmp, "restricted")
    r = build(tree, site, "--restricted-out", restricted)
    check(r.returncode == 0, "the example builds with --restricted-out: " + r.stderr)
    check("warning" not in r.stderr, "without warnings: " + r.stderr)
    check(f"restricted files to {restricted}" in r.stdout, "the build says where the restricted papers went")
    if r.returncode != 0:
        check.finish()
    site_pages = pages(site)

    # The committee's page: its meetings by municipal year, each agenda and the minutes.
    committee = site_pages[f"{COMMITTEE}/index.html"]
    check(committee.headings[0][1] == "Children and Young People's Scrutiny Committee", "committee page h1")
    check((3, "Municipal year 2022/2023", "year-2022") in committee.headings, "meetings grouped by municipal year")
    hrefs = [h for h, _, _ in committee.links]
    for href in ("cyp-scrutiny-2022-06-30/index.html", "cyp-scrutiny-2022-06-30/minutes.html",
                 "cyp-scrutiny-2022-09-22/index.html"):
        check(href in hrefs, f"the committee page links to {href}")
    check("committees/cyp-scrutiny/index.html" in [h for h, _, _ in site_pages["index.html"].links],
          "the home page lists the committee")

    # The agenda: items numbered in order, reports linked, the exempt item a title and notice.
    agenda = site_pages[f"{SEPT}/index.html"]
    items = [h[1] for h in agenda.headings if h[0] == 3]
    check(len(items) == 15, f"15 agenda items (got {len(items)})")
    check(all(t.startswith(f"{n}. ") for n, t in enumerate(items, 1)), f"items numbered 1 to 15: {items}")
    # Links inside headings, read from the page itself (the reader records body links only).
    raw = open(os.path.join(site, SEPT, "index.html"), encoding="utf-8").read()
    links = {html.unescape(t): h for h, t in re.findall(r'<h3 id="item-\d+">\d+\. <a href="([^"]+)">([^<]+)</a>', raw)}
    check(links.get("Youth Justice update") == "youth-justice-update.html", f"item 7 links to its report: {links}")
    check(links.get("Minutes of the last meeting held on 30 June 2022") == "../../../" + JUNE + "/minutes.html",
          "item 2 links to the minutes it approves")
    check(items[14].startswith("15. Speech and language therapy"), "the exempt item keeps its title")
    check(not any(t.startswith("Speech and language") for t in links), "the exempt item links nowhere")
    check("paragraph 3 of Part 1 of Schedule 12A" in agenda.all_text(), "the exempt item shows its notice")
    check(any(h == "cyp-scrutiny-2022-09-22.pdf" and "agenda pack" in t for h, t, _ in agenda.links),
          "the agenda page offers the pack PDF")

    # The youth justice report: the template's fourteen sections, numbered paragraphs with
    # anchors, the fixed questions, None. and the derived appendix label.
    report = site_pages[f"{SEPT}/youth-justice-update.html"]
    h2 = [h for h in report.headings if h[0] == 2]
    check([h[1].split(" ", 1)[0] for h in h2] == [f"{n}.0" for n in range(1, 15)],
          f"sections 1.0 to 14.0 in order: {[h[1] for h in h2]}")
    check(h2[5][1:] == ("6.0 Background information", "para-6-0"), f"6.0 and its anchor: {h2[5]}")
    for anchor in ("para-1-1", "para-3-2", "para-3-3", "para-6-2", "para-6-5", "para-6-5-1", "para-6-5-4",
                   "para-6-6", "para-14-1"):
        check(anchor in report.ids, f"paragraph anchor {anchor}")
    check((3, "6.5 Performance headlines", "para-6-5") in report.headings, "a ### sub-section is 6.5")
    text = report.all_text()
    check("3.2 Is the recommendation contrary to a plan or strategy adopted or approved by the Council? No" in text,
          "3.2 asks the first fixed question, answered")
    check("3.3 Is the recommendation in accordance with the Council's approved budget? Yes" in text,
          "3.3 asks the second")
    check("6.6 Does the information submitted include any exempt information? No" in text,
          "the exempt question is the last paragraph of the background")
    check("14.0 Background papers 14.1 None." in text, "an empty section says None.")
    check("7.1 Appendix 7(a) – Youth Justice Plan" in text, "the list of appendices labels 7(a) from the item")
    check(("../../../youth-justice-plan-2022-23/index.html", "Appendix 7(a)", None) in report.links,
          "Appendix 7(a) links to the plan current on the agenda's date")
    check("Agenda Item 7" in text, "the report carries its item's stamp")
    check("£1,081,612" in text, "the budget directive works inside a report")

    # The minutes: numbered in agenda order, resolutions, a member leaving, the end.
    minutes = site_pages[f"{JUNE}/minutes.html"]
    minute_heads = [h[1] for h in minutes.headings if h[2] and h[2].startswith("minute-")]
    check([h.split(".")[0] for h in minute_heads] == [str(n) for n in range(1, 13)],
          f"minutes 1 to 12 in agenda order: {minute_heads}")
    text = flat(minutes.all_text())
    check("The Committee agreed that the minutes of the meeting held on 24 March 2022 be signed" in text,
          "a single resolution reads as one sentence")
    check("The Committee agreed: That the update be noted. That the number of excluded children" in text,
          "several resolutions are a numbered list")
    check("The Committee agreed that the Young Inspectors update be deferred" in text, "a deferral")
    check("Councillor Amy Cross left the meeting during this item." in text, "a member leaving, by name")
    check("(The meeting ended at 7.40 pm)" in text, "the end time")
    check("Parent Governor Co-opted Member" in text and "Diocesan Co-opted Member" in text,
          "co-opted members present, by their type")

    # The tracker in the workplan report, as at 22 September 2022.
    workplan = site_pages[f"{SEPT}/committee-workplan.html"]
    tracker = next(t for t in workplan.tables if t["caption"].startswith("Progress on the"))
    rows = {row[1][:40]: row for row in tracker["rows"][1:]}
    excluded = next(r for k, r in rows.items() if k.startswith("That the number of excluded children"))
    check(excluded[0] == "30 June 2022" and excluded[5] == "Complete",
          f"the June action is tracked, complete (got {excluded})")
    better = next(r for k, r in rows.items() if k.startswith("That Better Start"))
    check(better[5] == "Not yet due", f"a recommendation due in November is not yet due (got {better})")
    check(any(h.endswith("cyp-scrutiny-2022-06-30/minutes.html#minute-6") for h, _, _ in workplan.links),
          "an action links to the minute that set it")

    # The pack, page by page: an unnumbered front sheet whose ranges are where each item
    # really is, odd-page starts with fillers, stamps, a continuous footer.
    pack = pdf_pages(os.path.join(site, PACK))
    footer = [re.search(r"^\s*Page (\d+)\s*$", p, re.M) for p in pack]
    front = next(i for i, m in enumerate(footer) if m)
    check(front % 2 == 0 and front > 0, f"the front sheet is an even number of unnumbered pages ({front})")
    body = pack[front:]
    check(all(footer[front + k] and footer[front + k][1] == str(k + 1) for k in range(len(body))),
          "every page after the front sheet says Page 1, 2, 3 ... in turn")
    check(len(body) % 2 == 0, f"the pack ends on an even page ({len(body)})")
    sheet = flat(" ".join(pack[:front]))
    # An item's heading line, and the line after it when the title wraps, hold its range.
    lines = "\n".join(pack[:front]).splitlines()
    ranges = {}
    for i, line in enumerate(lines):
        item = re.match(r"\s*(\d+)\. ", line)
        pages_of = re.search(r"\(Pages (\d+) - (\d+)\)", " ".join(lines[i:i + 2]))
        if item and pages_of and int(item[1]) not in ranges:
            ranges[int(item[1])] = (int(pages_of[1]), int(pages_of[2]))
    check(sorted(ranges) == [2, 4, 5, 7, 14], f"items with papers have ranges (got {sorted(ranges)})")
    stamped = {int(m[1]): k + 1 for k, p in enumerate(body) for m in [re.search(r"Agenda Item (\d+)", p)] if m}
    check(stamped == {n: a for n, (a, _) in ranges.items()}, f"each range starts where the stamp is: {stamped} {ranges}")
    for n, (a, b) in ranges.items():
        check(a % 2 == 1 and b % 2 == 0, f"item {n} starts on an odd page and ends on an even one ({a}-{b})")
    ends = sorted(ranges.values())
    check(all(x[1] + 1 == y[0] for x, y in zip(ends, ends[1:])) and ends[-1][1] == len(body),
          "the ranges cover the pack without gaps")
    for k, p in enumerate(body):
        if "This page is intentionally left blank" in p:
            check(k + 1 in [b for _, b in ranges.values()], f"a blank page ({k + 1}) only ends an item")
    check("Blackpool Youth Justice Plan 2022/23" in " ".join(body[ranges[7][0]:ranges[7][1]]) and
          "Business Plan 2023/24" not in " ".join(body),
          "Appendix 7(a) binds the whole 2022/23 plan into item 7, not the plan published after the meeting")
    # Cross-references in the papers give the pack page their target is on, as a plan's do:
    # "the current plan, Appendix 7(a) (page 12)", and that page starts with it.
    cited = [(m[1], int(m[2]), k + 1) for k, p in enumerate(body)
             for m in re.finditer(r"(Appendix [\w()]+|Section \d+)(?: \(page|, page) (\d+)\b", flat(p))]
    check(any(label == "Appendix 7(a)" for label, _, _ in cited),
          f"the report's reference to the bound plan gives its page ({cited[:5]})")
    for label, page, at in cited:
        top = [l.strip() for l in body[page - 1].splitlines() if l.strip()][:3] if page <= len(body) else []
        check(any(l.startswith(label + ":") for l in top),
              f"{label} cited on pack page {at} as page {page}, which starts with it ({top[:2]})")
    check("15. Speech and language therapy" in sheet and "(Pages" not in sheet.split("15. Speech")[1],
          "the exempt item is on the front sheet, with no pages")

    # Exempt papers: in no public file, in every format; in the restricted tree.
    phrases = exempt_phrases()
    title = phrases.pop()
    public = list(output_texts(site))
    check(any(n.endswith(".pdf") for n, _ in public), "public PDFs were searched")
    for phrase in phrases:
        leaks = [n for n, t in public if phrase in flat(t)]
        check(not leaks, f"exempt text '{phrase}' is in no public file (found in {leaks})")
    kept = "\n".join(flat(t) for _, t in output_texts(restricted))
    check(all(p in kept for p in phrases), "the restricted tree holds the exempt papers")
    check(os.path.exists(os.path.join(restricted, PACK)), "the restricted tree has the whole pack")
    check(title in flat(agenda.all_text()), "the exempt item's title is public")

    # Privacy: the example names members (members-only mode), officers by role, generic contacts.
    for withheld in ("Sara McCartan", "John Greenbank", "Victoria Gent", "01253 477229"):
        leaks = [n for n, t in public if withheld in flat(t)]
        check(not leaks, f"officer detail '{withheld}' is printed nowhere in members-only mode (found in {leaks})")
    check("Senior Democratic Governance Adviser" in agenda.all_text(), "the contact officer by role")
    sheet = flat(agenda.all_text())
    check("To: Councillors Burdess, D Coleman, Critchley, Cross, B Mitchell, M Mitchell, R Scott and Stansfield"
          in sheet, "members-only: the councillors summoned, by name")
    check("Co-optees: G Clayton, M Coole and J Snape" in sheet, "members-only: co-optees by name")
    june_minutes = flat(site_pages[f"{JUNE}/minutes.html"].all_text())
    check("Councillor Amy Cross left the meeting during this item." in june_minutes,
          "members-only: a member who left, by name")

    # roles-only still names nobody.
    toml = os.path.join(tree, "planpack.toml")
    original = open(toml, encoding="utf-8").read()
    open(toml, "w", encoding="utf-8").write(re.sub(r'^names = "members-only"', 'names = "roles-only"', original,
                                                   flags=re.M))
    roles = os.path.join(tmp, "roles")
    r = build(tree, roles)
    check(r.returncode == 0, "the example builds roles-only: " + r.stderr)
    for withheld in ("Sara McCartan", "John Greenbank", "Victoria Gent", "Councillor Burdess", "Jim Hobson",
                     "01253 477229", "Gemma Clayton"):
        leaks = [n for n, t in output_texts(roles) if withheld in flat(t)]
        check(not leaks, f"'{withheld}' is printed nowhere in roles-only mode (found in {leaks})")
    open(toml, "w", encoding="utf-8").write(original)

    r = subprocess.run([planpack, "build", "--root", tree, "--out", site, "--restricted-out",
                        os.path.join(site, "restricted")], capture_output=True, text=True)
    check(r.returncode == 2 and "must be outside the public output directory" in r.stderr,
          "--restricted-out inside the site is refused")
    r = build(tree, os.path.join(tmp, "site2"), "--format", "html")  # only its messages matter
    check("exempt section" not in r.stdout, "an ordinary build does not repeat the exempt-papers notice")
    r = build(tree, os.path.join(tmp, "site2"), "-v", "--format", "html")
    check("exempt section(s) not rendered; give --restricted-out" in r.stdout,
          "with -v, a build without --restricted-out says exempt papers were not rendered")

    # Names and contacts in full mode, from the same sources.
    toml = os.path.join(tree, "planpack.toml")
    text = open(toml, encoding="utf-8").read()
    text = re.sub(r'^names = "members-only"', 'names = "full"', text, flags=re.M)
    text = re.sub(r'^contacts = "generic-only"', 'contacts = "all"', text, flags=re.M)
    open(toml, "w", encoding="utf-8").write(text)
    full = os.path.join(tmp, "full")
    r = build(tree, full, "--format", "html")  # read as pages only
    check(r.returncode == 0, "the example builds with names and contacts: " + r.stderr)
    full_pages = pages(full)
    sheet = flat(full_pages[f"{SEPT}/index.html"].all_text())
    check("To: Councillors Burdess, D Coleman, Critchley, Cross, B Mitchell, M Mitchell, R Scott and Stansfield"
          in sheet, "addressees by surname, in order")
    check("Co-optees: G Clayton, M Coole and J Snape" in sheet, "co-optees by initial and surname")
    check("Mr John Greenbank, Senior Democratic Governance Adviser, Tel: 01253 477229" in sheet,
          "the contact officer with a direct line")
    check("Relevant officer: Ms Sara McCartan, Head of Adolescent Service" in
          flat(full_pages[f"{SEPT}/youth-justice-update.html"].all_text()), "the relevant officer by name")
    check("Councillor Amy Cross left the meeting during this item." in
          flat(full_pages[f"{JUNE}/minutes.html"].all_text()), "the member who left, by name")

    # Reordered: the youth justice item moved to fourth; its labels and stamp follow.
    meeting = os.path.join(tree, "meetings", "cyp-scrutiny-2022-09-22", "meeting.toml")
    head, *blocks = open(meeting, encoding="utf-8").read().split("\n[[item]]")
    yj = next(b for b in blocks if 'report = "youth-justice-update"' in b)
    blocks.remove(yj)
    blocks.insert(3, yj)
    open(meeting, "w", encoding="utf-8").write("\n[[item]]".join([head] + blocks))
    moved = os.path.join(tmp, "moved")
    r = build(tree, moved)
    check(r.returncode == 0, "the reordered agenda builds: " + r.stderr)
    text = flat(pages(moved)[f"{SEPT}/youth-justice-update.html"].all_text())
    check("7.1 Appendix 4(a) – Youth Justice Plan" in text and "Appendix 7(a)" not in text,
          "moved to item 4, the plan is Appendix 4(a) everywhere")
    check("Agenda Item 4" in text, "and the report is stamped Agenda Item 4")
    body = pdf_pages(os.path.join(moved, PACK))
    check(any("Agenda Item 4" in p and "Youth Justice Team: update" in p for p in body),
          "the pack stamps the report Agenda Item 4")

    # The fixture: appendix files go where their item's exemption sends them, and the exempt
    # minute of an earlier meeting stays out of the public minutes and the next pack.
    fixture = os.path.join(root, "tests", "fixtures", "committee-service")
    fsite, fres = os.path.join(tmp, "fsite"), os.path.join(tmp, "fres")
    r = build(fixture, fsite, "--restricted-out", fres)
    check(r.returncode == 0, "the committee fixture builds: " + r.stderr)
    meeting = "committees/scrutiny/ctte-2023-01-12"
    check(os.path.exists(os.path.join(fsite, meeting, "caseload-caseload.txt")), "a public appendix file is published")
    check(not os.path.exists(os.path.join(fsite, meeting, "scores-tender-scores.txt")),
          "an exempt appendix file is not")
    check(os.path.exists(os.path.join(fres, meeting, "scores-tender-scores.txt")), "it is in the restricted tree")
    page = open(os.path.join(fsite, meeting, "youth-justice.html"), encoding="utf-8").read()
    srcs = re.findall(r'<img src="([^"]+)"', page)
    check(len(srcs) == 1 and os.path.isfile(os.path.normpath(os.path.join(fsite, meeting, srcs[0]))),
          f"a report's image is published and its page finds it ({srcs})")
    check(not any("tender-scores-chart" in f for _, _, fs in os.walk(fsite) for f in fs),
          "an exempt paper's image is not published")
    check(any("tender-scores-chart" in f for _, _, fs in os.walk(fres) for f in fs),
          "it is in the restricted tree")
    public = list(output_texts(fsite))
    for secret in ("Quillfeather", "£71,993", "complainant", "written apology", "confidential file"):
        leaks = [n for n, t in public if secret in t]
        check(not leaks, f"'{secret}' is in no public file of the fixture (found in {leaks})")
    kept = "\n".join(t for _, t in output_texts(fres))
    check(all(s in kept for s in ("Quillfeather", "£71,993", "complainant", "confidential file")),
          "the restricted tree holds them all")

    # The fixture: appendix files go where their item's exemption sends them, and the exempt
    # minute of an earlier meeting stays out of the public minutes and the next pack.
    fixture = os.path.join(root, "tests", "fixtures", "committee-service")
    fsite, fres = os.path.join(tmp, "fsite"), os.path.join(tmp, "fres")
    r = build(fixture, fsite, "--restricted-out", fres)
    check(r.returncode == 0, "the committee fixture builds: " + r.stderr)
    meeting = "committees/scrutiny/ctte-2023-01-12"
    check(os.path.exists(os.path.join(fsite, meeting, "caseload-caseload.txt")), "a public appendix file is published")
    check(not os.path.exists(os.path.join(fsite, meeting, "scores-tender-scores.txt")),
          "an exempt appendix file is not")
    check(os.path.exists(os.path.join(fres, meeting, "scores-tender-scores.txt")), "it is in the restricted tree")
    page = open(os.path.join(fsite, meeting, "youth-justice.html"), encoding="utf-8").read()
    srcs = re.findall(r'<img src="([^"]+)"', page)
    check(len(srcs) == 1 and os.path.isfile(os.path.normpath(os.path.join(fsite, meeting, srcs[0]))),
          f"a report's image is published and its page finds it ({srcs})")
    check(not any("tender-scores-chart" in f for _, _, fs in os.walk(fsite) for f in fs),
          "an exempt paper's image is not published")
    check(any("tender-scores-chart" in f for _, _, fs in os.walk(fres) for f in fs),
          "it is in the restricted tree")
    public = list(output_texts(fsite))
    for secret in ("Quillfeather", "£71,993", "complainant", "written apology", "confidential file"):
        leaks = [n for n, t in public if secret in t]
        check(not leaks, f"'{secret}' is in no public file of the fixture (found in {leaks})")
    kept = "\n".join(t for _, t in output_texts(fres))
    check(all(s in kept for s in ("Quillfeather", "£71,993", "complainant", "confidential file")),
          "the restricted tree holds them all")

check.finish()
