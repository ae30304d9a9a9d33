"""Builds tests/fixtures/suppression (threshold 1000, so every withheld value is a
distinctive number) in every format and searches every output file, and every part
inside every .xlsx, for the raw values and anything computed from them. Suppression is
one pass over the model; this checks that no renderer found a way around it."""
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

from checks import Checks
from site_reader import output_texts

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
fixture = os.path.join(root, "tests", "fixtures", "suppression")


def number(text):
    """A figure as a whole token: not part of a longer number, with or without grouping."""
    whole, _, decimals = text.partition(".")
    grouped = re.sub(r"(\d)(?=(\d{3})+$)", r"\1,?", whole)
    body = grouped + (r"\." + decimals if decimals else "")
    return re.compile(r"(?<![\d.,])" + body + r"(?!\d)")


# The withheld counts (primary: below 1000; secondary: the smallest other part of a
# total with exactly one withheld part), the numerator and denominator of a withheld
# rate, and what each figure computed from them would print or store as.
WITHHELD = {
    "girls 2021 (primary)": number("947"),
    "other 2021 (secondary)": number("1583"),
    "other 2022 (primary)": number("917"),
    "girls 2022 (secondary)": number("1312"),
    "ETE numerator": number("873"),
    "ETE denominator": number("1415"),
    "ETE 2022/23 as written": number("61.7"),
    "ETE 2022/23 stored": re.compile(r"0\.6169"),
    "girls' share 2021": re.compile(r"17\.96|18\.0%|0\.17956"),
    "girls' share 2022": re.compile(r"21\.2%|21\.19|0\.21195"),
    "change in girls": re.compile(r"\+39%|0\.3854"),
    "change in other": re.compile(r"[-\u2212]42%|0\.4207"),
    "change in girls' share": re.compile(r"\+3\.2 pp|3\.238"),
    "change in ETE": re.compile(r"[-\u2212]10\.7 pp|10\.70"),
}
PUBLISHED = {"boys 2022": number("3961"), "total 2021": number("5274"), "ETE 2021/22": number("72.4")}


with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", fixture, "--out", site, "--format", "html,xlsx"],
                       capture_output=True, text=True)
    check(r.returncode == 0, "the fixture builds: " + r.stderr)
    if r.returncode != 0:
        check.finish()

    files = list(output_texts(site))
    check(any(n.endswith(".html") for n, _ in files), "the build wrote HTML")
    check(any(".xlsx!" in n for n, _ in files), "the build wrote a workbook")
    for what, pattern in WITHHELD.items():
        leaks = [n for n, t in files if pattern.search(t)]
        check(not leaks, f"{what} ({pattern.pattern}) appears in no output (found in {leaks})")
    # The search is not vacuous: published figures and the markers are there.
    everything = "\n".join(t for _, t in files)
    for what, pattern in PUBLISHED.items():
        check(pattern.search(everything) is not None, f"{what} is published")
    page = open(os.path.join(site, "plan", "figures.html"), encoding="utf-8").read()
    check("&lt;1000" in page and "[c]" in page, "the HTML shows both markers")
    check("&lt;1000: fewer than 1000." in page, "a note explains the primary marker")
    check("[c]: not published, because it would reveal a number below 1000." in page,
          "a note explains the secondary marker")

    # The workbook holds the markers as text where the numbers would be.
    wb = openpyxl.load_workbook(os.path.join(site, "plan", "performance.xlsx"))
    ws = wb["Referrals"]
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    girls = next(r for r in rows if r[0] == "Girls")
    other = next(r for r in rows if r[0] == "Other or not known")
    boys = next(r for r in rows if r[0] == "Boys")
    check(girls[1:4] == ["<1000", "[c]", "[c]"], f"girls: <1000, [c], [c] (got {girls[1:4]})")
    check(other[1:4] == ["[c]", "<1000", "[c]"], f"other: [c], <1000, [c] (got {other[1:4]})")
    check(boys[1:3] == [2744, 3961], f"boys are numbers (got {boys[1:3]})")
    # A chart with a withheld point plots a block in which that cell is blank.
    for chart in ws._charts:
        for s in chart.series:
            ref = s.val.numRef.f
            m = re.match(r"'?(.*?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", ref)
            cells = [c.value for row in ws[f"{m[2]}{m[3]}:{m[4]}{m[5]}"] for c in row]
            check(all(v is None or isinstance(v, (int, float)) for v in cells),
                  f"chart series {ref} points at numbers or blanks only (got {cells})")

check.finish()
