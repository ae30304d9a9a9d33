"""Every workbook of the example, as an officer uses it: figures a reader could recompute
are formulas that follow an edit, and every sheet is set up to print.

Builds the example, then for each workbook in the site: edits source cells with openpyxl
(one seat's attendance, everyone absent, one budget figure, one action's status), has
LibreOffice recalculate the edited copies (headless, in a private profile set to
recalculate on load) and checks the dependent figures followed. It also checks that each
formula's cached result (what a reader without recalculation sees) is what LibreOffice
computes from the unedited file, and with openpyxl that every sheet prints on A4, one page
wide, with a header, page numbers and, for a sheet of one table, its header row repeated;
that LibreOffice prints every page of every workbook at a readable size and cuts no chart;
that no chart puts a percentage on its category axis; and that sheet and table names
follow one scheme."""
import glob
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile

import openpyxl
import openpyxl.styles

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()

with open(os.path.join(root, "templates", "cell-styles.toml"), "rb") as f:
    STYLE_FILLS = {s["fill"].lstrip("#").upper() for s in tomllib.load(f)["style"] if "fill" in s}
PRESENT = ("Attended", "Deputy attended")
EXPECTED = PRESENT + ("Apologies", "Absent")

# LibreOffice reads an .xlsx without recalculating unless told to; this profile tells it to.
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""


def recalculate(files, tmp):
    """Each file as LibreOffice saves it after recalculating: {file: recalculated copy}."""
    profile = os.path.join(tmp, "lo-profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALC_ALWAYS)
    out = os.path.join(tmp, "recalculated")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    r = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "xlsx", "--outdir", out] + files,
                       capture_output=True, text=True, timeout=300)
    check(r.returncode == 0, "LibreOffice converts the workbooks: " + r.stderr[-500:])
    return {f: os.path.join(out, os.path.basename(f)) for f in files}


def same(a, b):
    """Equal to 12 significant digits: a workbook stores each figure to 15, and a difference
    of two close figures (a change in percentage points) loses some of those."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(a - b) <= 1e-12 * max(abs(a), abs(b), 1e-300)
    return a == b


def cell_refs(formula):
    """The cells a formula names on its own sheet: {("C", "5"), ...}."""
    return set(re.findall(r"(?<![A-Za-z!'$])\$?([A-Z]{1,3})\$?(\d+)(?![\d(])", formula))


def table_cells(ws, name):
    """(first row, first column, header, body rows) of an Excel table: cells, not values."""
    t = ws.tables[name]
    rows = ws[t.ref]
    return rows[0][0].row, rows[0][0].column, [c.value for c in rows[0]], [list(r) for r in rows[1:]]


def grid_of(ws):
    """The attendance grid on a sheet: header, body cells, the foot rows beneath it."""
    name = next(iter(ws.tables))
    first, _, header, body = table_cells(ws, name)
    foot_row = first + 1 + len(body)
    filled = [ws.cell(foot_row, c + 1) for c in range(len(header))]
    quorate = [ws.cell(foot_row + 1, c + 1) for c in range(len(header))]
    meetings = range(2, len(header) - 1)
    return header, body, filled, quorate, meetings


def rate(words):
    expected = [w for w in words if w in EXPECTED]
    return sum(w in PRESENT for w in expected) / len(expected) if expected else "Not applicable"


with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site, "--format", "xlsx"],
                       capture_output=True, text=True)
    check(r.returncode == 0, "builds: " + r.stderr)
    books = sorted(glob.glob(os.path.join(site, "**", "*.xlsx"), recursive=True))
    check(len(books) >= 5, f"the example publishes its workbooks ({len(books)})")
    work = os.path.join(tmp, "work")
    os.makedirs(work)

    # ---- names, print set-up and charts, read as written ----
    for book in books:
        label = os.path.relpath(book, site)
        wb = openpyxl.load_workbook(book)
        names = []
        for ws in wb.worksheets:
            where = f"{label}: sheet '{ws.title}'"
            check(not re.search(r"\d{6}", ws.title), f"{where}: a year keeps its separator")
            ps = ws.page_setup
            check(str(ps.paperSize) == "9", f"{where}: prints on A4")
            check(ps.orientation in ("portrait", "landscape"), f"{where}: orientation chosen")
            check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
                  f"{where}: fits to pages")
            # fitToWidth="1" is the default, which a writer may leave out.
            check(str(ps.fitToWidth or 1) == "1" and str(ps.fitToHeight) == "0", f"{where}: one page wide")
            check(wb.properties.title and ws.oddHeader.left.text and ws.title in (ws.oddHeader.right.text or ""),
                  f"{where}: header with the titles")
            check("&P" in (ws.oddFooter.center.text or ""), f"{where}: footer with the page number")
            if len(ws.tables) == 1:
                t = next(iter(ws.tables.values()))
                header_row = int(re.match(r"[A-Z]+(\d+)", t.ref).group(1))
                check((ws.print_title_rows or "").replace("$", "") == f"{header_row}:{header_row}",
                      f"{where}: the table's header row repeats on every page ({ws.print_title_rows})")
            base = re.sub(r"[^A-Za-z0-9]+", "_", ws.title).strip("_")
            for name in ws.tables:
                check(re.fullmatch(r"(T_)?" + re.escape(base) + r"(_\d+)?", name),
                      f"{where}: table '{name}' is named after its sheet")
                names.append(name.lower())
            if ws.title.startswith("Attendance"):
                check(ps.orientation == "landscape", f"{where}: the grid prints landscape")
            for name in ws.tables:
                first, _, header, body = table_cells(ws, name)
                # A change column compares the two periods beside it: each figure in it is a
                # formula over those two cells of its row (a blank or a marker has none).
                if header and str(header[-1]).startswith("Change, "):
                    rows = list(body)
                    foot = first + 1 + len(body)
                    while ws.cell(foot, len(header)).value not in (None, ""):
                        rows.append([ws.cell(foot, c + 1) for c in range(len(header))])
                        foot += 1
                    for row in rows:
                        change = row[-1]
                        if change.value in (None, "") or (isinstance(change.value, str) and
                                                          not change.value.startswith("=")):
                            continue
                        want = {(row[-3].column_letter, str(row[-3].row)), (row[-2].column_letter, str(row[-2].row))}
                        check(isinstance(change.value, str) and cell_refs(change.value) == want,
                              f"{where}!{change.coordinate}: the change {change.value!r} is a formula over "
                              f"{row[-3].coordinate} and {row[-2].coordinate}")
                # Text in a column of figures (a marker such as "<5") sits right, as they do.
                for c in range(len(header)):
                    column = [r[c] for r in body]
                    if any(isinstance(x.value, (int, float)) for x in column):
                        for x in column:
                            if isinstance(x.value, str) and not x.value.startswith("="):
                                check(x.alignment.horizontal == "right",
                                      f"{where}!{x.coordinate}: {x.value!r} among figures is right-aligned")
            # No text is cut: a cell longer than its column with a filled cell to its right
            # (a seat's long role beside its first meeting) wraps.
            for row in ws.iter_rows():
                for c in row:
                    if not isinstance(c.value, str) or c.value.startswith("="):
                        continue
                    width = ws.column_dimensions[c.column_letter].width or 8.43
                    right = ws.cell(c.row, c.column + 1).value
                    if len(c.value) > width and right not in (None, ""):
                        check(c.alignment.wrap_text, f"{where}!{c.coordinate}: {c.value[:40]!r} "
                                                     f"({len(c.value)} characters, column {width:.0f}) wraps")
        check(len(names) == len(set(names)), f"{label}: table names are unique")
        # The fills that follow a cell's value are the colours of templates/cell-styles.toml.
        with zipfile.ZipFile(book) as z:
            dxf = re.findall(r"<dxf>.*?</dxf>", z.read("xl/styles.xml").decode("utf-8"), re.S)
        fills = {m.upper()[-6:] for d in dxf for m in re.findall(r'bgColor rgb="([0-9A-Fa-f]{6,8})"', d)}
        check(fills <= STYLE_FILLS, f"{label}: conditional fills {sorted(fills - STYLE_FILLS)} are "
                                    f"templates/cell-styles.toml's")
        with zipfile.ZipFile(book) as z:
            for part in [n for n in z.namelist() if n.startswith("xl/charts/chart")]:
                xml = z.read(part).decode("utf-8")
                for axis in re.findall(r"<c:catAx>.*?</c:catAx>", xml, re.S):
                    check('formatCode="0%"' not in axis, f"{label}!{part}: no percentage on the category axis")
                if 'formatCode="0%"' in xml:
                    check(any('formatCode="0%"' in a for a in re.findall(r"<c:valAx>.*?</c:valAx>", xml, re.S)),
                          f"{label}!{part}: the percentage is on the value axis")

    # ---- the edits ----
    originals, edits = [], []  # edits: (file, what to check afterwards)
    for n, book in enumerate(books):
        stem = f"{n}-{os.path.basename(book)}"
        original = os.path.join(work, "orig-" + stem)
        shutil.copy(book, original)
        originals.append(original)
        for title in openpyxl.load_workbook(book, read_only=True).sheetnames:
            wb = openpyxl.load_workbook(book)  # each edit on a fresh copy
            ws = wb[title]
            if ws.title.startswith("Attendance"):
                header, body, filled, quorate, meetings = grid_of(ws)
                # One seat's apologies become attendance.
                s, m = next((s, m) for s, row in enumerate(body) for m in meetings if row[m].value == "Apologies")
                body[s][m].value = "Attended"
                words = [[row[c].value for c in meetings] for row in body]
                want = {body[s][-1].coordinate: rate(words[s]),
                        filled[m].coordinate: rate([w[m - 2] for w in words]),
                        filled[-1].coordinate: rate([x for w in words for x in w])}
                path = os.path.join(work, f"seat-{ws.title.replace(' ', '_')}-{stem}")
                wb.save(path)
                edits.append((path, ws.title, want,
                              f"{os.path.relpath(book, site)}: apologies to attended at {body[s][m].coordinate}"))
                # Everyone absent: every rate, quorum and statutory measure follows.
                for row in body:
                    for c in meetings:
                        row[c].value = "Absent"
                want = {row[-1].coordinate: 0 for row in body}
                want.update({filled[c].coordinate: 0 for c in list(meetings) + [len(header) - 1]})
                want.update({quorate[c].coordinate: "No" for c in meetings})
                path = os.path.join(work, f"absent-{ws.title.replace(' ', '_')}-{stem}")
                wb.save(path)
                statutory = ws.title.replace("Attendance", "Statutory partners")
                edits.append((path, ws.title, want, f"{os.path.relpath(book, site)}: everyone absent"))
                if statutory in wb.sheetnames:
                    st = wb[statutory]
                    _, _, _, st_body = table_cells(st, next(iter(st.tables)))
                    st_want = {row[1].coordinate: 0 for row in st_body}
                    st_want[st.cell(st_body[-1][1].row + 1, 2).coordinate] = 0
                    edits.append((path, statutory, st_want, f"{os.path.relpath(book, site)}: statutory, everyone absent"))

            elif ws.title.startswith("Budget"):
                name = min(ws.tables, key=len)
                first, _, header, body = table_cells(ws, name)
                foot = [ws.cell(first + 1 + len(body), c + 1) for c in range(len(header))]
                total = header.index("Total")
                body[0][1].value = body[0][1].value + 1000
                want = {body[0][total].coordinate: sum(c.value for c in body[0][1:total]),
                        foot[1].coordinate: sum(row[1].value for row in body),
                        foot[total].coordinate: sum(c.value for row in body for c in row[1:total])}
                wb_before = openpyxl.load_workbook(book, data_only=True)[ws.title]
                if total + 1 < len(header):  # the change on the year before follows too
                    was = wb_before[body[0][total + 1].coordinate].value
                    if isinstance(was, (int, float)):
                        want[body[0][total + 1].coordinate] = was + 1000
                    want[foot[total + 1].coordinate] = wb_before[foot[total + 1].coordinate].value + 1000
                path = os.path.join(work, f"budget-{stem}")
                wb.save(path)
                edits.append((path, ws.title, want, f"{os.path.relpath(book, site)}: one budget figure"))

            elif any(t.startswith("Change, ") for row in ws.iter_rows(max_col=ws.max_column) for c in row
                     for t in [c.value if isinstance(c.value, str) else ""]):
                # A performance figure: the latest period's figure of the first row whose
                # change is a formula doubles, and the change follows.
                cached = openpyxl.load_workbook(book, data_only=True)[ws.title]
                want = {}
                for name in ws.tables:
                    first, col0, header, body = table_cells(ws, name)
                    if not header or not str(header[-1]).startswith("Change, "):
                        continue
                    for row in body:
                        change, now, before = row[-1], row[-2], row[-3]
                        if not (isinstance(change.value, str) and change.value.startswith("=")):
                            continue
                        b, a, was = cached[now.coordinate].value, cached[before.coordinate].value, \
                            cached[change.coordinate].value
                        # Percentage points between two percentages, else the change in per cent.
                        points = "pp" in change.number_format
                        check(same((b - a) * 100 if points else b / a - 1, was),
                              f"{ws.title}!{change.coordinate}: the change {was} is from {a} to {b}")
                        now.value = b * 2
                        want[change.coordinate] = (b * 2 - a) * 100 if points else b * 2 / a - 1
                        break
                    if want:
                        break
                if want:
                    path = os.path.join(work, f"change-{ws.title.replace(' ', '_')}-{stem}")
                    wb.save(path)
                    edits.append((path, ws.title, want, f"{os.path.relpath(book, site)}: one performance figure"))

            elif ws.title == "Member attendance" and "By meeting" in wb.sheetnames:
                # A committee's: one member present at a meeting sent apologies instead, and a
                # substitute sat in their place; their counts follow.
                _, _, header, body = table_cells(ws, next(iter(ws.tables)))
                for row in body:
                    for c in row[2:]:
                        check(isinstance(c.value, str) and c.value.startswith("=COUNTIFS("),
                              f"{os.path.relpath(book, site)}!{c.coordinate}: the count {c.value!r} is a formula")
                rws = wb["By meeting"]
                _, _, rheader, rbody = table_cells(rws, next(iter(rws.tables)))
                col = {h: i for i, h in enumerate(rheader)}
                record = next(r for r in rbody if r[col["Expected"]].value == "Yes" and
                              r[col["Attendance"]].value == "Present" and r[col["Substituted"]].value == "No")
                record[col["Attendance"]].value = "Apologies"
                record[col["Substituted"]].value = "Yes"
                row = next(r for r in body if r[0].value == record[col["Member"]].value and
                           r[1].value == record[col["Municipal year"]].value)
                before = openpyxl.load_workbook(book, data_only=True)[ws.title]
                want = {}
                for figure, change in (("Expected", 0), ("Present", -1), ("Apologies", 1), ("Absent", 0),
                                       ("Substituted", 1), ("As substitute", 0)):
                    cell = row[header.index(figure)].coordinate
                    want[cell] = before[cell].value + change
                path = os.path.join(work, f"member-{stem}")
                wb.save(path)
                edits.append((path, ws.title, want, f"{os.path.relpath(book, site)}: one member's attendance"))

            elif ws.title == "Summary" and "Actions" in wb.sheetnames:
                sfirst, _, sheader, sbody = table_cells(ws, "Summary")
                all_row = sfirst + 1 + len(sbody)
                aws = wb["Actions"]
                _, _, aheader, abody = table_cells(aws, next(iter(aws.tables)))
                status = aheader.index("Status")
                old = abody[0][status].value
                new = next(row[status].value for row in abody if row[status].value not in (old, None))
                abody[0][status].value = new
                before = openpyxl.load_workbook(book, data_only=True)["Summary"]
                want = {}
                for c, h in enumerate(sheader):
                    if h in (old, new):
                        cell = ws.cell(all_row, c + 1).coordinate
                        want[cell] = before[cell].value + (1 if h == new else -1)
                path = os.path.join(work, f"status-{stem}")
                wb.save(path)
                edits.append((path, "Summary", want, f"{os.path.relpath(book, site)}: one action's status"))

    kinds = {e[3].split(": ", 1)[1].split(" at ")[0] for e in edits}
    for kind in ("apologies to attended", "everyone absent", "one budget figure", "one action's status",
                 "one performance figure", "one member's attendance"):
        check(kind in kinds, f"an edit of the kind '{kind}' was made")

    recalculated = recalculate(originals + sorted({e[0] for e in edits}), tmp)

    # ---- cached results equal LibreOffice's ----
    for original in originals:
        formulas = openpyxl.load_workbook(original)
        cached = openpyxl.load_workbook(original, data_only=True)
        theirs = openpyxl.load_workbook(recalculated[original], data_only=True)
        count = 0
        for ws in formulas.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and c.value.startswith("="):
                        count += 1
                        a, b = cached[ws.title][c.coordinate].value, theirs[ws.title][c.coordinate].value
                        check(same(a, b), f"{os.path.basename(original)} {ws.title}!{c.coordinate}: "
                                          f"cached {a!r}, LibreOffice {b!r} ({c.value[:80]})")
        print(f"{os.path.basename(original)}: {count} formulas")

    # ---- every workbook prints at a readable size, and no chart is cut ----
    # LibreOffice prints each as a PDF. On every page the words (pdftotext's boxes, median)
    # are at least two thirds as tall as those of a one-cell sheet it prints at full size in
    # the workbooks' font, whatever font it puts in Calibri's place: a sheet fitted to the
    # page width does not shrink its text to a few points (the action plans' Actions sheet
    # printed at 31%). And no word but the header's and the footer's lies in the top or
    # bottom 40 points of a page: LibreOffice draws a chart cut by a page break whole on
    # both pages, clipped, so its words turn up in the margins beside the break.
    MIN_SCALE = 2 / 3
    BAND = 40
    reference = os.path.join(tmp, "full-size.xlsx")
    ref = openpyxl.Workbook()
    ref.active["A1"] = "Full size"
    ref.active["A1"].font = openpyxl.styles.Font(name="Calibri", size=11)
    ref.save(reference)
    check(any(o.endswith("performance.xlsx") for o in originals), "the example publishes performance workbooks")
    pdfs = os.path.join(tmp, "printed")
    subprocess.run([shutil.which("soffice") or shutil.which("libreoffice"),
                    f"-env:UserInstallation=file://{os.path.join(tmp, 'lo-profile')}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", pdfs] + [reference] + originals,
                   capture_output=True, timeout=300)

    def page_words(pdf, page):
        """(yMin, yMax, word) of each word on the page, and the page's height."""
        xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                             capture_output=True, text=True).stdout
        height = re.search(r'<page width="[\d.]+" height="([\d.]+)"', xml)
        words = [(float(a), float(b), html.unescape(w))
                 for a, b, w in re.findall(r'yMin="([-\d.]+)"[^>]*yMax="([-\d.]+)">([^<]*)<', xml)]
        return words, float(height.group(1)) if height else 0

    full = sorted(b - a for a, b, _ in page_words(os.path.join(pdfs, "full-size.pdf"), 1)[0])
    check(full, "LibreOffice prints a sheet at full size")
    full = full[0] if full else 1
    for book in originals:
        name = os.path.basename(book)
        pdf = os.path.join(pdfs, name[:-5] + ".pdf")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1)) if "Pages:" in info else 0
        check(pages > 0, f"LibreOffice prints {name}")
        wb = openpyxl.load_workbook(book, read_only=True)
        header = set((wb.properties.title or "").split()) | {w for t in wb.sheetnames for w in t.split()}
        scales = []
        for p in range(1, pages + 1):
            words, height = page_words(pdf, p)
            heights = sorted(b - a for a, b, _ in words)
            scale = heights[len(heights) // 2] / full if heights else 0
            scales.append(scale)
            check(scale >= MIN_SCALE, f"{name} page {p} of {pages}: text at {scale:.0%} "
                                      f"of full size (median), at least {MIN_SCALE:.0%}")
            footer = {"Page", str(p), "of", str(pages)}
            stray = [w for a, b, w in words if (a < BAND and w not in header) or
                     (b > height - BAND and w not in footer)]
            check(not stray, f"{name} page {p} of {pages}: nothing but the header and footer in the "
                             f"margins (a chart cut at a page break): {' '.join(stray)[:120]}")
        print(f"{name}: {pages} printed pages, text at {min(scales, default=0):.0%} of full size or more")

    # ---- edited figures follow ----
    for path, sheet, want, what in edits:
        got = openpyxl.load_workbook(recalculated[path], data_only=True)[sheet]
        for cell, value in want.items():
            check(same(got[cell].value, value), f"{what}: {sheet}!{cell} is {got[cell].value!r}, want {value!r}")

check.finish()
