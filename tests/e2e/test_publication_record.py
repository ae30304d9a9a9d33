"""The publication record (docs/publishing.md) on a copy of the example: publish writes
published.toml with a fingerprint of every file; a later build passes unchanged (also under
another SOURCE_DATE_EPOCH); editing the plan that the September 2022 agenda pack binds
fails the build, naming the pack, its file, its page and the changed words; corrections
let it pass, print an erratum in the HTML and the PDF, and publishing again records them;
a draft cannot be published; a failed build leaves the site as it was."""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

from checks import Checks
from pdf_text import page_texts
from tree_snapshot import snapshot

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()

MEETING = "cyp-scrutiny-2022-09-22"
MEETING_TOML = f"meetings/{MEETING}/meeting.toml"
PACK = f"committees/cyp-scrutiny/{MEETING}/{MEETING}.pdf"
EDIT = "Revised after publication:"


def run(*args, env=None):
    return subprocess.run([planpack, *args], capture_output=True, text=True, env=env)


def copy_root(tmp):
    tree = os.path.join(tmp, "svc")
    shutil.copytree(root, tree, ignore=shutil.ignore_patterns("site", "build*", ".git", "node_modules", "tests",
                                                               "published.toml"))
    return tree


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def pdf_pages(path):
    return page_texts(path)


def flat(text):
    return " ".join(text.split())


def bound_document(tree):
    """The planpack document the September pack binds, as its report's appendix names it."""
    for d, _, files in os.walk(os.path.join(tree, "meetings", MEETING)):
        for f in files:
            if f.endswith(".md"):
                m = re.search(r'^document\s*=\s*"([^"]+)"', read(os.path.join(d, f)), re.M)
                if m:
                    return m[1]
    return None


def first_section_file(tree, doc):
    """A content file of that document with a paragraph of prose to edit, lowest order first."""
    found = []
    for d, _, files in os.walk(os.path.join(tree, "content")):
        for f in sorted(files):
            path = os.path.join(d, f)
            text = read(path)
            in_folder = os.path.basename(d) == doc
            if not (in_folder or re.search(rf'^document\s*=\s*"{re.escape(doc)}"', text, re.M)):
                continue
            order = re.search(r"^order\s*=\s*(\d+)", text, re.M)
            if re.search(r'^kind\s*=\s*"appendix"', text, re.M):
                continue
            found.append((int(order[1]) if order else 0, path))
    return min(found)[1] if found else None


def edit_first_paragraph(path):
    """Puts EDIT at the start of the first paragraph of prose after the front matter."""
    text = read(path)
    head, body = text.split("+++", 2)[1], text.split("+++", 2)[2]
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if line and line[0].isalpha():
            lines[i] = f"{EDIT} {line}"
            break
    write(path, "+++" + head + "+++" + "\n".join(lines))


def record_at(tree, path):
    """Where published.toml records path: "line:column" of the path's value."""
    for n, line in enumerate(read(os.path.join(tree, "published.toml")).split("\n"), 1):
        if line.strip() == f'path = "{path}"':
            return f"{n}:{line.index(chr(34)) + 1}"
    return None




with tempfile.TemporaryDirectory() as tmp:
    tree = copy_root(tmp)
    site = os.path.join(tree, "site")
    record = os.path.join(tree, "published.toml")
    doc = bound_document(tree)
    check(doc is not None, "the September pack binds a planpack document")
    plan_conf = re.search(rf'\[\[document\]\]\nid = "{re.escape(doc)}"(.*?)(?=\n\[\[|\Z)',
                          read(os.path.join(tree, "planpack.toml")), re.S)
    title = re.search(r'title = "([^"]+)"', plan_conf[1])[1]

    # A draft cannot be published.
    section = first_section_file(tree, doc)
    original_section = read(section)
    write(section, original_section.replace("+++\n", "+++\ndraft = true\n", 1))
    r = run("publish", "--root", tree)
    check(r.returncode == 1, f"publishing a draft fails (exit {r.returncode})")
    check(re.search(rf"^planpack\.toml:\d+:\d+: error: '{re.escape(doc)}' is a draft \(draft = true\), and a draft "
                    r"cannot be published: when it is agreed, remove draft = true and give the date it is published "
                    r"\(published = YYYY-MM-DD\); to publish other papers now, name them: planpack publish ID \.\.\.$",
                    r.stderr, re.M) is not None, f"the draft is named: {r.stderr}")
    check(re.search(r"error: the agenda pack for 22 September 2022 binds '" + re.escape(doc) + r"', which is a draft",
                    r.stderr) is not None, f"so is the pack binding it: {r.stderr}")
    check(not os.path.exists(record) and not os.path.exists(site), "a refused publish writes nothing")
    r = run("build", "--publish", "--root", tree, "cyp-scrutiny-2022-06-30")
    check(r.returncode == 0, f"build --publish of the June pack alone, which binds no draft, succeeds: {r.stderr}")
    check("recorded as published in published.toml: cyp-scrutiny-2022-06-30\n" in r.stdout, r.stdout)
    write(section, original_section)

    # Publish everything.
    r = run("publish", "--root", tree)
    check(r.returncode == 0, f"publish succeeds: {r.stderr}")
    check("error:" not in r.stderr, f"publish reports no errors: {r.stderr}")
    rec = tomllib.loads(read(record))
    ids = [p["id"] for p in rec["publication"]]
    check(ids == sorted(ids) and MEETING in ids and doc in ids and "cyp-scrutiny-2022-06-30" in ids,
          f"the record holds the documents and meetings: {ids}")
    sept = next(p for p in rec["publication"] if p["id"] == MEETING)
    check(str(sept["published"]) == "2022-09-13", "a pack is dated by its agenda's issue date")
    check(any(f["path"] == PACK for f in sept["file"]), "the pack PDF is recorded")
    check(all(not f["path"].endswith("minutes.html") for f in sept["file"]),
          "the meeting's own papers only, not minutes kept in its folder")
    bad = [f["path"] for p in rec["publication"] for f in p["file"]
           if hashlib.sha256(open(os.path.join(site, f["path"]), "rb").read()).hexdigest() != f["sha256"]]
    check(not bad, f"every sha256 is that of the file published: {bad[:3]}")
    recorded = read(record)

    # Unchanged sources: builds pass, publishing again changes nothing.
    r = run("build", "--root", tree)
    check(r.returncode == 0 and "error:" not in r.stderr, f"an unchanged build passes: {r.stderr}")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    r = run("build", "--root", tree, env=env)
    check(r.returncode == 0 and "error:" not in r.stderr,
          f"another SOURCE_DATE_EPOCH dates the PDFs, not their text: {r.stderr}")
    r = run("check", "--root", tree)
    check(r.returncode == 0, f"check passes: {r.stderr}")
    r = run("publish", "--root", tree)
    check(r.returncode == 0 and "nothing new to publish; published.toml is unchanged" in r.stdout, r.stdout + r.stderr)
    check(read(record) == recorded, "publishing unchanged papers leaves the record byte for byte")
    before = snapshot(site)

    # Edit the plan the September pack binds.
    edit_first_paragraph(section)
    r = run("build", "--root", tree)
    check(r.returncode == 1, f"changing a bound document fails the build (exit {r.returncode})")
    pages = pdf_pages(os.path.join(tmp, "svc", "site", PACK))  # the published pack, still in site/
    check(all(EDIT not in flat(p) for p in pages), "the published pack is as published")
    check(snapshot(site) == before, "the failed build left site/ exactly as it was")
    r2 = run("build", "--root", tree, "--out", os.path.join(tmp, "look"), "--as-of", "2023-10-01")
    check(r2.returncode == 0, f"an --as-of build is not compared: {r2.stderr}")
    look = pdf_pages(os.path.join(tmp, "look", PACK))
    # The edit's page, counted from the bound plan's divider: at a later as-of date the
    # report before it (its table of progress since June) runs longer than as published.
    divider = "Appendix 7(a): Youth Justice Plan"
    edit = next((i for i, p in enumerate(look) if EDIT in flat(p)), None)
    check(edit is not None, "the edit is in the pack's text")
    page = edit + 1 + next(i for i, p in enumerate(pages) if divider in flat(p)) - \
        next(i for i, p in enumerate(look) if divider in flat(p))
    at = record_at(tree, PACK)
    expected = (f'published.toml:{at}: error: the agenda pack for 22 September 2022, published 13 September '
                f'2022, would change: {PACK}, page {page}, would now read "{EDIT}')
    check(any(l.startswith(expected) for l in r.stderr.split("\n")),
          f"the message names the pack, the file, the page and the words:\n  want {expected}...\n  got {r.stderr}")
    pack_error = next((l for l in r.stderr.split("\n") if l.startswith(expected)), "")
    check(pack_error.endswith(f"; a published paper may change only for a stated correction: add a [[correction]] "
                              f"with its date and reason to {MEETING_TOML} (the paper then prints it as an "
                              f"erratum), or undo the change"), f"and how to correct it: {pack_error}")
    check(re.search(rf"published\.toml:\d+:\d+: error: the {re.escape(title)}"
                    rf", published \d+ \w+ \d{{4}}, would change: {re.escape(doc)}/{re.escape(doc)}\.pdf, page \d+, "
                    rf'would now read "{re.escape(EDIT)}', r.stderr) is not None,
          f"the plan's own PDF is named too: {r.stderr}")
    check(r.stderr.strip().endswith("planpack: nothing was written; " + site + " is unchanged"), r.stderr[-200:])
    r = run("check", "--root", tree)
    check(r.returncode == 1 and pack_error in r.stderr, "check fails as build does")

    # Corrections: the plan's own, then the pack's.
    conf = os.path.join(tree, "planpack.toml")
    conf_text = read(conf)
    correction = ('\n[[document.correction]]\ndate = 2023-10-02\n'
                  'reason = "The introduction now says it was revised."\n')
    at = conf_text.index(plan_conf[0]) + len(plan_conf[0])
    write(conf, conf_text[:at] + correction + conf_text[at:])
    r = run("build", "--root", tree)
    check(r.returncode == 1 and f"would change: {PACK}, page {page}, would now read \"Correction, 2 October 2023. "
          f"This document was published on" in r.stderr and f"would change: {doc}/" not in r.stderr,
          f"the plan's correction lets the plan change; the pack still needs its own: {r.stderr}")
    meeting = os.path.join(tree, MEETING_TOML)
    write(meeting, read(meeting) + '\n[[correction]]\ndate = 2023-10-03\n'
                                   'reason = "Appendix 7(a) now carries the corrected plan."\n')
    r = run("build", "--root", tree)
    check(r.returncode == 0, f"with both corrections the build passes: {r.stderr}")
    check("corrected since publication, with an erratum: " in r.stdout and MEETING in r.stdout, r.stdout)
    plan_pdf = flat(" ".join(pdf_pages(os.path.join(site, doc, f"{doc}.pdf"))))
    check("Correction, 2 October 2023. This document was published on" in plan_pdf and
          "corrected on 2 October 2023: The introduction now says it was revised." in plan_pdf,
          "the plan's PDF prints its erratum")
    pack_text = pdf_pages(os.path.join(site, PACK))
    check("Correction, 3 October 2023. This agenda pack was published on 13 September 2022 and corrected on "
          "3 October 2023: Appendix 7(a) now carries the corrected plan." in flat(pack_text[0]),
          "the pack's front sheet prints its erratum")
    check(any("corrected on 2 October 2023: The introduction now says it was revised." in flat(p) for p in pack_text),
          "the bound plan carries its own erratum into the pack")
    agenda = read(os.path.join(site, f"committees/cyp-scrutiny/{MEETING}/index.html"))
    check("<strong>Correction, 3 October 2023.</strong> This agenda pack was published on 13 September 2022" in agenda,
          "the agenda page prints the erratum")
    first_page = [f for f in os.listdir(os.path.join(site, doc)) if f.endswith(".html") and f != "index.html"]
    check(any("Correction, 2 October 2023." in read(os.path.join(site, doc, f)) for f in first_page),
          "the plan's first web page prints its erratum")
    check("<strong>Correction, 2 October 2023.</strong> This document was published on" in
          read(os.path.join(site, doc, "index.html")), "and so does its contents page, where readers arrive")

    # Publishing records the corrections; then the corrected papers are what must not change.
    r = run("publish", "--root", tree)
    check(r.returncode == 0, f"publishing the corrections succeeds: {r.stderr}")
    check(re.search(rf"recorded as published in published\.toml: .*{MEETING}", r.stdout) is not None, r.stdout)
    rec = tomllib.loads(read(record))
    sept = next(p for p in rec["publication"] if p["id"] == MEETING)
    check(str(sept["published"]) == "2022-09-13" and len(sept.get("correction", [])) == 1,
          "the pack keeps its publication date and gains its correction")
    june = next(p for p in rec["publication"] if p["id"] == "cyp-scrutiny-2022-06-30")
    check(june == next(p for p in tomllib.loads(recorded)["publication"] if p["id"] == "cyp-scrutiny-2022-06-30"),
          "an unchanged paper's record is kept as it was")
    r = run("build", "--root", tree)
    check(r.returncode == 0 and "corrected since publication" not in r.stdout,
          f"the corrected papers build clean: {r.stdout}{r.stderr}")
    write(meeting, read(meeting).replace("now carries the corrected plan", "carries the corrected plan"))
    r = run("build", "--root", tree)
    check(r.returncode == 0, "a reworded correction is a new one, waiting to be published")

    write(meeting, read(meeting).replace("carries the corrected plan", "now carries the corrected plan"))

    # Usage.
    r = run("build", "--publish", "--root", tree, "--format", "html")
    check(r.returncode == 2 and "publish writes every format; leave out --format" in r.stderr, r.stderr)
    r = run("publish", "--root", tree, "no-such-paper")
    check(r.returncode == 1 and "there is no document or meeting 'no-such-paper' to publish" in r.stderr, r.stderr)

check.finish()
