"""Out, in, out, in (issue 18): planpack's own Word file of a committee report, brought back
in, gives Markdown that planpack writes to Word and reads back in unchanged.

1. The example's agenda pack as Word (build --format docx); the Youth Justice update cut
   out of it as a Word file of its own (docx_cut.py).
2. import report: Markdown M1, beside the original in the same meeting; the tree builds.
3. The pack as Word again; the imported report cut out; imported again: Markdown M2.
4. M1 == M2 but for quotes: the tables the directives printed had straight quotes, which
   come back typographic once they are Markdown text (planpack's typography); M2 == M3
   (a third time out and in) byte for byte.

M1 is not the original Markdown, and the test says where: the directives' tables (the
action changes, the budget) come back as the tables they printed, the cross-reference as
the words it printed ("Appendix 7(a)"), the quotes as the typographic quotes planpack
printed, the appendix entry as a warning to add it again, and "## Council priority" as a
heading planpack fills from `priorities`. Every sentence of the original's prose is in M1."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from checks import Checks
from docx_cut import cut

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
MEETING = "cyp-scrutiny-2022-09-22"
PACK = f"committees/cyp-scrutiny/{MEETING}/{MEETING}.docx"
TITLE = "Youth Justice Team: update"
ORIGINAL = os.path.join(root, "meetings", MEETING, "07-youth-justice-update.md")


def run(*args):
    return subprocess.run([planpack, *args], capture_output=True, text=True, timeout=600)


def body(md):
    return md.split("+++", 2)[2] if md.count("+++") >= 2 else ""


def typographic(s):
    return s.replace("'", "\u2019")


with tempfile.TemporaryDirectory() as tmp:
    tree = os.path.join(tmp, "svc")
    shutil.copytree(root, tree, ignore=shutil.ignore_patterns("site", "build*", ".git", "node_modules", "tests"))
    folder = os.path.join(tree, "meetings", MEETING)

    def out_and_in(n, new_id):
        """Builds the pack as Word, cuts the report's last copy out and imports it as new_id."""
        site = os.path.join(tmp, f"site{n}")
        b = run("build", "--root", tree, "--out", site, "--format", "docx", "-q")
        check(b.returncode == 0, f"build {n} as Word: {b.stderr[-800:]}")
        word = os.path.join(tmp, f"report{n}.docx")
        if not check(os.path.exists(os.path.join(site, PACK)) and cut(os.path.join(site, PACK), TITLE, word),
                     f"build {n}: the report is in the Word pack"):
            return "", None
        r = run("import", "report", word, "--meeting", MEETING, "--root", tree, "--id", new_id)
        path = os.path.join(folder, new_id + ".md")
        return (open(path, encoding="utf-8").read() if os.path.exists(path) else ""), r

    m1, r1 = out_and_in(1, "yj-reimported")
    check(r1 is not None and r1.returncode == 0,
          f"planpack's own Word report imports and the tree checks: {r1 and r1.stderr[-1500:]}")
    check(r1 is not None and "before the first section were left out" in r1.stderr,
          "the printed header (Report to:, Relevant officer:) is left out with a warning")
    check(r1 is not None and "lists appendices" in r1.stderr, "the appendix is a warning to add it again")
    original = open(ORIGINAL, encoding="utf-8").read()
    generated = {"## Council priority", "## List of appendices", "## Background papers"}  # printed by planpack

    def heads(md):
        return [h for h in re.findall(r"^#+ .*$", body(md), re.M) if h not in generated]
    check(heads(m1) == heads(original) and len(heads(m1)) > 8,
          f"the headings come back as written, sections and sub-sections: {heads(m1)}")
    prose = [p for p in body(original).split("\n\n") if p and not p.startswith(("#", "`", "-", "+"))
             and "xref:" not in p and "planpack" not in p]
    lost = [p[:60] for p in prose if typographic(p.strip()) not in m1]
    check(len(prose) > 10 and not lost, f"every paragraph of the original's prose is in the import (lost {lost})")
    check('priorities = ["communities"]' in m1 and 'within_budget = "yes"' in m1 and 'exempt = "no"' in m1,
          "the council priority and the answers come back into the front matter")
    check(re.search(r"^\| \*\*Total\*\* \|", m1, re.M) is not None,
          "the budget directive's table comes back as the table it printed, its total row in bold")

    m2, r2 = out_and_in(2, "yj-reimported-again")
    check(r2 is not None and r2.returncode == 0, f"the imported report goes out and in again: {r2 and r2.stderr[-800:]}")
    # The one change the second pass makes: the directives' tables printed straight quotes,
    # which Markdown text gets as typographic ones (planpack's typography), so they come back curly.
    check(m1 and typographic(m1) == typographic(m2), "out, in, out, in: the same Markdown but for the quotes")
    m3, r3 = out_and_in(3, "yj-reimported-third")
    check(m2 and m2 == m3, "and from then on out and in is the same Markdown, byte for byte")
    for x, y in ((m1, m2), (m2, m3)):
        for i, (a, b) in enumerate(zip(x.splitlines(), y.splitlines())):
            if a != b:
                print(f"first difference at line {i + 1}:\n  {a}\n  {b}")
                break

check.finish()
