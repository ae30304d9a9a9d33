"""The writer's loop (issue 14): `planpack new` makes services, sections, meetings and
reports that build as they are; drafts say DRAFT on every HTML page and every PDF page;
`rollover` makes next year's plan from the example and lists the prose still naming the
old years; the command line has per-command help, -q, -v with timings, colour only on a
terminal (and never with NO_COLOR), and "did you mean" for commands, options and formats."""
import glob
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()
ENV = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}


def run(*args, cwd=None, env=ENV):
    return subprocess.run([planpack, *args], capture_output=True, text=True, cwd=cwd, env=env)


def pdf_pages(pdf):
    """Each page's text, from pdftotext -raw, which gives the diagonal watermark a letter a
    line: lines are joined so the word can be found."""
    text = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    return [p.replace("\n", "") for p in text.split("\f")[:-1]]


# --- The command line ------------------------------------------------------------------
r = run("build", "--help")
check(r.returncode == 0 and r.stdout.startswith("usage: planpack build [--root DIR]") and "check [" not in r.stdout,
      "build --help prints build's own usage: " + r.stdout[:80])
r = run("help", "rollover")
check(r.returncode == 0 and r.stdout.startswith("usage: planpack rollover PLAN-ID --to"), "help rollover")
for args, message in [
        (("biuld",), "planpack: unknown command 'biuld' (did you mean 'build'?)"),
        (("build", "--fromat", "pdf"), "planpack: unknown option '--fromat' for build (did you mean '--format'?)"),
        (("build", "--format", "pfd"), "planpack: unknown format 'pfd' (did you mean 'pdf'?)"),
        (("check", "--verbsoe"), "planpack: unknown option '--verbsoe' for check (did you mean '--verbose'?)")]:
    r = run(*args)
    first = r.stderr.splitlines()[0] if r.stderr else ""
    check(r.returncode == 2 and first == message, f"{args}: exactly '{message}' (got '{first}')")
    check("usage: planpack " + (args[0] if args[0] != "biuld" else "build") in r.stderr,
          f"{args}: followed by the usage")

with tempfile.TemporaryDirectory() as tmp:
    # --- new service: builds with no warnings, a draft on every page ---------------------
    svc = os.path.join(tmp, "our-yjs")
    r = run("new", "service", svc)
    check(r.returncode == 0 and os.path.isfile(os.path.join(svc, "planpack.toml")), "new service: " + r.stderr)
    r = run("new", "service", svc)
    check(r.returncode == 1 and "already exists" in r.stderr, "new service refuses a folder that is not empty")
    sections = sorted(glob.glob(os.path.join(svc, "content", "youth-justice-plan", "*.md")))
    check(len(sections) >= 16, f"the plan has the guidance's sections and appendices ({len(sections)} files)")
    check(all("document =" not in open(p, encoding="utf-8").read() for p in sections),
          "no section repeats the document id: the folder names it")
    r = run("build", "--root", svc)
    check(r.returncode == 0 and r.stderr == "", "the new service builds with no errors or warnings: " + r.stderr)
    site = os.path.join(svc, "site")
    pages = sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True))
    check(len(pages) > 20, f"the new service has its pages ({len(pages)})")
    plan_pages = [p for p in pages if "/youth-justice-plan/" in p or p.endswith("site/index.html")]
    no_banner = [p for p in plan_pages if 'class="draft-banner"' not in open(p, encoding="utf-8").read()]
    check(len(plan_pages) > 20 and not no_banner,
          f"every page of the draft, and the home page, carries the DRAFT banner (missing on {no_banner[:3]})")
    plan_index = open(os.path.join(site, "youth-justice-plan", "index.html"), encoding="utf-8").read()
    check("Published <time" not in plan_index, "an undated draft prints no published date")
    pdf = os.path.join(site, "youth-justice-plan", "youth-justice-plan.pdf")
    texts = pdf_pages(pdf)
    check(len(texts) > 5 and all("DRAFT" in t for t in texts),
          f"every PDF page carries the DRAFT watermark ({sum('DRAFT' in t for t in texts)} of {len(texts)})")
    check("Draft, not yet published" in texts[0], "the cover says the draft is not yet published")
    qpdf = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    check(qpdf.returncode == 0, "the draft PDF passes qpdf --check: " + qpdf.stdout[-300:])

    # Agreed: remove draft, add the date; the marks go.
    toml = os.path.join(svc, "planpack.toml")
    text = open(toml, encoding="utf-8").read().replace("draft = true", "published = 2024-06-30")
    open(toml, "w", encoding="utf-8").write(text)
    r = run("build", "--root", svc, "-q")
    check(r.returncode == 0 and r.stdout == "" and r.stderr == "", "-q: a clean build prints nothing")
    check(all('draft-banner' not in open(p, encoding="utf-8").read() for p in
              glob.glob(os.path.join(site, "**", "*.html"), recursive=True)), "a published plan has no banner")
    check(not any("DRAFT" in t for t in pdf_pages(pdf)), "nor a watermark")

    # A draft section makes its document a draft.
    sign_off = [p for p in sections if p.endswith("sign-off.md")][0]
    text = open(sign_off, encoding="utf-8").read().replace("+++\norder", "+++\ndraft = true\norder", 1)
    open(sign_off, "w", encoding="utf-8").write(text)
    r = run("build", "--root", svc, "-v")
    check(r.returncode == 0, "-v build: " + r.stderr)
    check(re.search(r"^planpack: youth-justice-plan: model \d+ ms, PDF \d+ ms \(\d+ pages\)$", r.stdout, re.M),
          "-v prints each document's timings: " + r.stdout)
    check('class="draft-banner"' in open(os.path.join(site, "youth-justice-plan", "index.html"), encoding="utf-8").read(),
          "draft = true on a section marks its document a draft")

    # --- new section / meeting / report, each builds ------------------------------------
    r = run("new", "section", "youth-offending-teams", "--document", "youth-justice-plan", "--root", svc)
    made = os.path.join(svc, "content", "youth-justice-plan", "17-youth-offending-teams.md")
    check(r.returncode == 0 and os.path.isfile(made), "new section writes the next numbered file: " + r.stdout + r.stderr)
    r = run("new", "section", "x", "--document", "youth-justice-plna", "--root", svc)
    check(r.returncode == 1 and "(did you mean 'youth-justice-plan'?)" in r.stderr, "new section: did you mean the document")
    r = run("new", "meeting", "scrutiny", "2024-07-11", "--root", svc)
    check(r.returncode == 0 and os.path.isfile(os.path.join(svc, "meetings", "scrutiny-2024-07-11", "meeting.toml")),
          "new meeting: " + r.stderr)
    r = run("new", "report", "youth-justice-plan", "--meeting", "scrutiny-2024-07-11", "--root", svc)
    check(r.returncode == 0, "new report: " + r.stderr)
    report = open(os.path.join(svc, "meetings", "scrutiny-2024-07-11", "youth-justice-plan.md"), encoding="utf-8").read()
    check("## Purpose of the report" in report and "## Recommendation(s)" in report,
          "the report has the standard template's headings")
    # The required sections need words before it builds; write them as an author would.
    report = report.replace("## Purpose of the report\n\n*To write:* this section must be written.",
                            "## Purpose of the report\n\nTo present the plan.")
    report = re.sub(r"(## [^\n]+\n\n)\*To write:\* this section must be written\.", r"\1To note the plan.", report)
    open(os.path.join(svc, "meetings", "scrutiny-2024-07-11", "youth-justice-plan.md"), "w", encoding="utf-8").write(report)
    r = run("build", "--root", svc)
    check(r.returncode == 0, "the service builds with the new section, meeting and report: " + r.stderr)
    check(os.path.isfile(os.path.join(site, "youth-justice-plan", "youth-offending-teams.html")), "the new section's page")

    # --- colour: on a terminal only, and never with NO_COLOR ----------------------------
    bad = os.path.join(tmp, "bad")
    shutil.copytree(svc, bad, ignore=shutil.ignore_patterns("site"))
    intro = os.path.join(bad, "content", "youth-justice-plan", "01-introduction.md")
    open(intro, "w", encoding="utf-8").write(open(intro, encoding="utf-8").read().replace("order = 1", "order = one"))

    def on_terminal(env):
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(planpack, [planpack, "check", "--root", bad], env)
        out = b""
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.waitpid(pid, 0)
        return out.decode("utf-8", "replace")

    tty = on_terminal(dict(ENV, TERM="xterm"))
    check("\x1b[1;31merror:\x1b[0m" in tty, "errors are red on a terminal: " + repr(tty[:120]))
    tty = on_terminal(dict(ENV, TERM="xterm", NO_COLOR="1"))
    check("\x1b[" not in tty and ": error: " in tty, "NO_COLOR turns colour off")
    r = run("check", "--root", bad)
    check("\x1b[" not in r.stderr, "no colour when stderr is not a terminal")

    # --- rollover of the example ----------------------------------------------------------
    ex = os.path.join(tmp, "example")
    shutil.copytree(root, ex, ignore=shutil.ignore_patterns("site", "build*", ".git", "node_modules", "tests", "src",
                                                           "bench", "docs", "scripts"))
    r = run("rollover", "youth-justice-plan-2023-24", "--to", "2024-25", "--root", ex)
    check(r.returncode == 0, "rollover: " + r.stderr[-500:])
    check(re.search(r"made youth-justice-plan-2024-25 \(a draft\): \d+ new files, (\d+) open action", r.stdout),
          "rollover says what it made: " + r.stdout)
    places = [l for l in r.stderr.splitlines() if ": warning: still names " in l]
    check(len(places) > 5, f"rollover lists the prose still naming old years ({len(places)} places)")
    check(any(l.startswith("content/youth-justice-plan-2024-25/appendix-staffing.md:") and "2023/24" in l for l in places),
          "... with file:line:col, e.g. the staffing appendix's 2023/24")
    check(not any("2014/15" in l for l in places), "years long past (history) are not listed")
    with open(os.path.join(ex, "planpack.toml"), "rb") as f:
        docs = {d["id"]: d for d in tomllib.load(f)["document"]}
    new = docs.get("youth-justice-plan-2024-25", {})
    check(new.get("title") == "Youth Justice Partnership Business Plan 2024/25" and new.get("draft") is True
          and "published" not in new and str(new.get("period_start")) == "2024-04-01",
          f"the new document: next year's title and period, a draft ({new})")
    with open(os.path.join(ex, "data", "action-plan-2024-25.toml"), "rb") as f:
        plan = tomllib.load(f)
    with open(os.path.join(ex, "data", "action-plan-2023-24.toml"), "rb") as f:
        old = tomllib.load(f)
    actions = plan.get("action", [])
    check(plan["plan"]["previous"] == "action-plan-2023-24" and str(plan["plan"]["period_start"]) == "2024-04-01",
          "the new action plan follows the old one")
    check(actions and all(a.get("carried_from") == a["id"] for a in actions), "every carried action says carried_from")
    check(all("update" not in a for a in actions), "updates are cleared")
    check(0 < len(actions) < len(old["action"]), f"only open actions are carried ({len(actions)} of {len(old['action'])})")
    progress = open(os.path.join(ex, "content", "youth-justice-plan-2024-25", "appendix-action-plan.md"), encoding="utf-8").read()
    check('plan = "action-plan-2024-25"' in progress, "directive parameters naming year files move with them")
    r = run("build", "--root", ex)
    check(r.returncode == 0, "the rolled-over example builds: " + r.stderr[-800:])
    check(os.path.isfile(os.path.join(ex, "site", "youth-justice-plan-2024-25", "youth-justice-plan-2024-25.pdf")),
          "next year's plan has its PDF")

check.finish()
