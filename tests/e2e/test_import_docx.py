"""planpack import (issue 18, DOCX in): Word files that LibreOffice writes from known
content (word_source.py) brought into a copy of the example.

- a committee report: its Title is the title, Heading 1s matched to the standard template's
  sections, typed "1.1" numbers taken out with a warning each, the template's questions read
  into [answers], bold and italic, the link, the footnote, the bulleted list, the table with
  its Caption-style caption, the uncaptioned table with a TODO caption and a warning, the
  typed total warned about, the picture saved beside the Markdown with its alt text, and the
  item added to the agenda; the tree then builds and the report is in the agenda pack with
  planpack's paragraph numbers;
- a heading the template does not name: listed, and the check's error points at the line of
  the written Markdown; exit 1;
- a section for a document, placed after its last section;
- bad inputs (not a zip; a zip without word/document.xml): a plain sentence, exit 1, and
  not one file written."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from checks import Checks
from tree_snapshot import snapshot
from word_source import report_body, to_docx

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
MEETING = "cyp-scrutiny-2022-09-22"
PACK = f"committees/cyp-scrutiny/{MEETING}/{MEETING}.pdf"


def run(*args):
    return subprocess.run([planpack, *args], capture_output=True, text=True, timeout=600)


def flat(text):
    return " ".join(text.split())


with tempfile.TemporaryDirectory() as tmp:
    tree = os.path.join(tmp, "svc")
    shutil.copytree(root, tree, ignore=shutil.ignore_patterns("site", "build*", ".git", "node_modules", "tests"))
    word = to_docx(tmp, {"update": report_body(), "unmatched": report_body("Money matters"),
                         "section": report_body()})
    check(all(os.path.exists(p) for p in word.values()), "LibreOffice wrote the Word files")

    # Bad inputs first, on the untouched tree: nothing may be written.
    before = snapshot(tree)
    not_docx = os.path.join(tmp, "notes.docx")
    with open(not_docx, "w") as f:
        f.write("These are my notes, saved as plain text.\n")
    no_body = os.path.join(tmp, "empty.docx")
    with zipfile.ZipFile(no_body, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/styles.xml", "<styles/>")
    for path, said in ((not_docx, "not a Word file"), (no_body, "no word/document.xml"),
                       (os.path.join(tmp, "missing.docx"), "cannot open")):
        r = run("import", "report", path, "--meeting", MEETING, "--root", tree)
        check(r.returncode == 1 and said in r.stderr and "nothing was written" in r.stderr,
              f"{os.path.basename(path)}: a plain error ({said}) and exit 1: {r.returncode} {r.stderr[-300:]}")
    r = run("import", "report", word["update"], "--root", tree)
    check(r.returncode == 2 and "--meeting" in r.stderr, "import report without --meeting is a usage error")
    check(snapshot(tree) == before, "a failed import writes nothing")

    # The report.
    r = run("import", "report", word["update"], "--meeting", MEETING, "--root", tree, "--id", "imported-update")
    check(r.returncode == 0, f"the report imports and the tree checks: {r.returncode}\n{r.stdout}\n{r.stderr[-2000:]}")
    folder = os.path.join(tree, "meetings", MEETING)
    md_path = os.path.join(folder, "imported-update.md")
    md = open(md_path, encoding="utf-8").read() if os.path.exists(md_path) else ""
    lines = md.splitlines()
    check('title = "Youth Justice Service: imported update"' in md, "the Title paragraph is the title")
    check('contrary_to_plan = "no"' in md and 'within_budget = "yes"' in md and 'exempt = "no"' in md,
          "the template's questions are read into [answers]")
    check("Is the recommendation" not in md.split("+++")[-1], "planpack asks the questions itself: not in the body")
    heads = [l for l in md.split("+++")[-1].splitlines() if l.startswith("#")]
    check(heads == ["## Purpose of the report", "## Recommendations", "## Reasons for recommendations",
                    "## Background information"], f"Heading 1s are the template's sections, typed numbers out: {heads}")
    check("To update the Committee on the **youth justice** service and its *partners*.[^1]" in md,
          "bold, italic and the footnote reference")
    check("[^1]: Youth Justice Board figures for 2022." in md, "the footnote's text")
    check("[council's website](https://www.blackpool.gov.uk/youth-justice)" in md, "the link")
    check("- the police, who second two officers;\n- probation, who second one officer." in md, "the bulleted list")
    check(not re.search(r"^\d+\.\d+ ", md, re.M), "no typed paragraph numbers are left")
    for n in ("1.1", "2.1", "3.1", "6.1", "6.2"):
        check(f"typed paragraph number '{n}'" in r.stderr, f"typed number {n} is warned about")
    check(re.search(r"\| Year \| Children \|\n\| --- \| --- \|\n\| 2021/22 \| 120 \|", md) is not None,
          "the table, its first row the head")
    check("\nTable: Children supported by the service, by year\n" in md,
          "the Caption paragraph is the table's caption, without Word's 'Table 1:' label")
    todo = [i + 1 for i, l in enumerate(lines) if l.startswith("Table: TODO")]
    check(len(todo) == 1, "the table without a caption has a TODO caption line")
    check(todo and f"imported-update.md:{todo[0]}:1: warning: this table had no caption" in r.stderr,
          "and a warning at that line of the Markdown")
    check("typed total" in r.stderr and "totals = true" in r.stderr, "the typed total is warned about")
    m = re.search(r"!\[A red rectangle, the service's logo\]\((img/[^)]+\.png)\)", md)
    check(m is not None, "the picture, with its alt text")
    if m:
        pic = os.path.join(folder, m.group(1))
        check(os.path.exists(pic) and open(pic, "rb").read(8) == b"\x89PNG\r\n\x1a\n",
              "the picture is saved beside the Markdown as a PNG")
    agenda = open(os.path.join(folder, "meeting.toml"), encoding="utf-8").read()
    check(agenda.rstrip().endswith('[[item]]\nid = "imported-update"\ntitle = "Youth Justice Service: imported '
                                   'update"\nreport = "imported-update"'), "the item is added to the agenda")

    # It builds, and the agenda pack prints it with planpack's paragraph numbers.
    out = os.path.join(tmp, "site")
    b = run("build", "--root", tree, "--out", out, "--format", "pdf", "-q")
    check(b.returncode == 0, f"the tree with the imported report builds: {b.stderr[-1500:]}")
    if os.path.exists(os.path.join(out, PACK)):
        text = subprocess.run(["pdftotext", "-layout", os.path.join(out, PACK), "-"], capture_output=True,
                              text=True).stdout
        check("Youth Justice Service: imported update" in text, "the imported report is in the agenda pack")
        for pattern in (r"1\.0\s+Purpose of the report", r"1\.1\s+To update the Committee",
                        r"2\.1\s+That the Committee notes", r"6\.1\s+The service works with these partners"):
            check(re.search(pattern, text) is not None, f"the pack numbers it: {pattern}")
        check("Children supported by the service, by year" in flat(text), "the pack shows the table's caption")

    # A heading the template does not name: listed, and the check's error is at its line.
    r = run("import", "report", word["unmatched"], "--meeting", MEETING, "--root", tree, "--id", "unmatched")
    md2 = open(os.path.join(folder, "unmatched.md"), encoding="utf-8").read().splitlines()
    at = [i + 1 for i, l in enumerate(md2) if l == "## Money matters"]
    check(r.returncode == 1 and "match no section" in r.stderr and "  - Money matters" in r.stderr,
          f"the unmatched heading is listed: {r.stderr[-800:]}")
    check(at and f"meetings/{MEETING}/unmatched.md:{at[0]}:1: error:" in r.stderr,
          "the check's error points at the heading in the written Markdown")
    again = run("import", "report", word["unmatched"], "--meeting", MEETING, "--root", tree, "--id", "unmatched")
    check(again.returncode == 1 and "already exists" in again.stderr and "--force" in again.stderr,
          "a second import of the same id is refused without --force")

    # A section: after the document's last section, its title from the Title paragraph.
    doc = "youth-justice-plan-2022-23"
    s = run("import", "section", word["section"], "--document", doc, "--root", os.path.join(tmp, "svc2"))
    check(s.returncode == 1, "import into a folder that is no service fails")
    os.remove(os.path.join(folder, "unmatched.md"))
    with open(os.path.join(folder, "meeting.toml"), "w", encoding="utf-8") as f:
        f.write(agenda)
    s = run("import", "section", word["section"], "--document", doc, "--root", tree, "--id", "partners")
    placed = os.path.join(tree, "content", doc, "06-partners.md")
    check(os.path.exists(placed), f"the section is placed after the document's last section: {s.stderr[-600:]}")
    if os.path.exists(placed):
        sec = open(placed, encoding="utf-8").read()
        check('order = 6' in sec and 'title = "Youth Justice Service: imported update"' in sec and
              'document = "' + doc + '"' in sec, "the section's front matter")
        check("## 1.0 Purpose of the report" in sec and "1.1 To update" in sec,
              "a section keeps its headings and text as written (numbers are only a report's)")
        check(os.path.exists(os.path.join(tree, "content", doc, "img", "partners-1.png")), "its picture")

check.finish()
