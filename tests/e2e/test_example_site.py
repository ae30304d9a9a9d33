"""Builds the example service into a temporary directory and checks the site a reader gets:
every page, its headings, its navigation and every internal link and cross-reference."""
import html
import os
import re
import subprocess
import sys
import tempfile
import tomllib

from checks import Checks
from site_reader import pages

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()


with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", root, "--out", site],
                       capture_output=True, text=True)
    check(r.returncode == 0, "the example builds: " + r.stderr)
    check("warning" not in r.stderr, "the example builds without warnings: " + r.stderr)
    if r.returncode != 0:
        check.finish()

    with open(os.path.join(root, "planpack.toml"), "rb") as f:
        config = tomllib.load(f)
    doc_id = config["document"][0]["id"]

    # What the sources say the document holds, read independently of planpack.
    sections, appendices = [], []
    content_files = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(root, "content"))
                           for f in fs if f.endswith(".md"))
    for path in content_files:
        name = os.path.basename(path)
        text = open(path, encoding="utf-8").read()
        fm = tomllib.loads(text.split("+++")[1])
        if fm["document"] != doc_id:
            continue
        default_id = name[:-3].split("-", 1)[1] if name[:1].isdigit() else name[:-3]
        sid = fm.get("id", default_id)
        entry = (fm["order"], sid, fm["title"])
        (appendices if fm.get("kind") == "appendix" else sections).append(entry)
    sections.sort()
    appendices.sort()
    expected_order = [s[1] for s in sections] + [a[1] for a in appendices]

    site_pages = {k: v for k, v in pages(site).items()}
    for sid in expected_order:
        check(f"{doc_id}/{sid}.html" in site_pages, f"page for {sid} exists")
    check(len(sections) == 14, "the example has the 14 sections of the reference plan")
    check(len(appendices) == 7, "the example has 7 appendices")

    # Every page: one h1, no skipped levels, landmarks, language, skip link target.
    for rel, page in site_pages.items():
        levels = [h[0] for h in page.headings]
        check(levels.count(1) == 1, f"{rel}: exactly one h1 (got {levels.count(1)})")
        for a, b in zip(levels, levels[1:]):
            check(b <= a + 1, f"{rel}: heading level {b} follows {a}")
        check(page.lang == "en-GB", f"{rel}: lang is en-GB")
        for lm in ("header", "main", "footer"):
            check(lm in page.landmarks, f"{rel}: has <{lm}>")
        check(("#main", "Skip to main content", None) in page.links and "main" in page.ids,
              f"{rel}: skip link to #main")
        # The window title says each of page, document and service once: a tab, a
        # bookmark or a screen reader's first words, not "Committee – Committee – ...".
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            m = re.search(r"<title>(.*?)</title>", f.read(), re.S)
        parts = html.unescape(m.group(1)).split(" \u2013 ") if m else []
        check(bool(parts) and len(parts) == len(set(parts)),
              f"{rel}: the <title> names nothing twice (got {parts})")
        for t in page.tables:
            check(bool(t["caption"]), f"{rel}: table has a caption")
            check(all(s in ("col", "row") for s in t["th"]), f"{rel}: every th has a scope")

    # An accessibility statement, linked from every page's footer with the contact route,
    # dated by the latest publication the sources name (plans, packs, agendas issued).
    statement = site_pages.get("accessibility.html")
    check(statement is not None, "accessibility.html is written")
    contact = config["service"]["contact"]
    for rel in site_pages:
        with open(os.path.join(site, rel), encoding="utf-8") as f:
            footer = f.read().split('<footer', 1)[-1]
        links = re.findall(r'href="([^"]+)"', footer)
        check(any(os.path.normpath(os.path.join(os.path.dirname(rel), h)) == "accessibility.html" for h in links),
              f"{rel}: the footer links to the accessibility statement")
        check(contact in links, f"{rel}: the footer links to the contact, {contact}")
    if statement is not None:
        dates = [d["published"] for d in config["document"] if not d.get("draft")]
        for m in sorted(os.listdir(os.path.join(root, "meetings"))):
            with open(os.path.join(root, "meetings", m, "meeting.toml"), "rb") as f:
                meeting = tomllib.load(f).get("meeting", {})
            if "issued" in meeting:
                dates.append(meeting["issued"])
        latest = max(dates)
        with open(os.path.join(site, "accessibility.html"), encoding="utf-8") as f:
            text = html.unescape(re.sub(r"<[^>]+>", "", f.read()))
        long = f"{latest.day} {latest.strftime('%B')} {latest.year}"
        check(f"prepared on {long}" in text, f"the statement is dated {long}, the latest publication")
        for heading in ("Asking for another format", "Enforcement procedure", "What does not work well yet"):
            check(heading in text, f"the statement has '{heading}'")
        check("WCAG" in text and "2.2" in text and "AA" in text, "the statement names WCAG 2.2 AA")

    # Titles and numbering: h1s carry generated numbers in source order.
    for n, (_, sid, title) in enumerate(sections, 1):
        h1 = site_pages[f"{doc_id}/{sid}.html"].headings[0][1]
        check(h1 == f"{n}. {title}", f"{sid}: h1 is '{n}. {title}' (got '{h1}')")
    for n, (_, sid, title) in enumerate(appendices, 1):
        h1 = site_pages[f"{doc_id}/{sid}.html"].headings[0][1]
        check(h1 == f"Appendix {n}: {title}", f"{sid}: h1 is 'Appendix {n}: {title}' (got '{h1}')")

    # The contents page lists every page in order.
    contents = site_pages[f"{doc_id}/index.html"]
    listed = [h[:-5] for h, _, rel in contents.links
              if rel is None and h and h.endswith(".html") and h[:-5] in expected_order]
    check(listed == expected_order, "contents lists every section then appendix in order")

    # Following "next" from the contents page visits every page once, in order.
    visited, current = [], f"{doc_id}/index.html"
    while True:
        nxt = [h for h, _, rel in site_pages[current].links if rel == "next"]
        if not nxt:
            break
        current = f"{doc_id}/{nxt[0]}"
        visited.append(nxt[0][:-5])
        if len(visited) > 100:
            break
    check(visited == expected_order, "next links walk the whole document in order")

    # Every internal link resolves to a file and, with a fragment, to an id on that page.
    for rel, page in site_pages.items():
        for href, text, _ in page.links:
            if not href or href.startswith(("http://", "https://", "mailto:")):
                continue
            path, _, frag = href.partition("#")
            target = os.path.normpath(os.path.join(os.path.dirname(rel), path)) if path else rel
            check(target in site_pages or os.path.exists(os.path.join(site, target)),
                  f"{rel}: link {href} resolves")
            if frag and target in site_pages:
                check(frag in site_pages[target].ids, f"{rel}: fragment #{frag} exists on {target}")
            check(text != "", f"{rel}: link {href} has text")

    # Cross-references: links to appendices print the generated "Appendix N" label.
    appendix_number = {sid: n for n, (_, sid, _) in enumerate(appendices, 1)}
    xref_links = 0
    for rel, page in site_pages.items():
        if rel.endswith("index.html"):
            continue  # the contents page titles its entries; references live in the text
        for href, text, link_rel in page.links:
            if link_rel is not None:
                continue  # previous/next navigation
            sid = (href or "").split("#")[0][:-5]
            if sid in appendix_number and text.startswith("Appendix"):
                xref_links += 1
                check(text == f"Appendix {appendix_number[sid]}",
                      f"{rel}: reference to {sid} reads 'Appendix {appendix_number[sid]}' (got '{text}')")
    check(xref_links >= 7, f"at least 7 generated appendix references (got {xref_links})")

    # No typed appendix numbers in the sources: every one is generated.
    for path in content_files:
        name = os.path.relpath(path, root)
        body = open(path, encoding="utf-8").read().split("+++", 2)[2]
        check("Appendix " not in body or all(not c.isdigit() for c in body.split("Appendix ")[1][:1]),
              f"{name}: no hand-typed 'Appendix N'")

    # The budget's totals are computed from the data and agree with the reference plan.
    budget = site_pages[f"{doc_id}/budget.html"].all_text()
    check("£1,081,612" in budget, "budget grand total £1,081,612 is computed")
    # A fall prints with the minus sign (U+2212), as a typeset table does, in the web page
    # and the PDF alike: a hyphen is shorter and lets the line break after it.
    pdf = os.path.join(site, doc_id, doc_id + ".pdf")
    pdf_text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    for name, text in (("web page", budget), ("PDF", pdf_text)):
        check("\u2212£43,260" in text, f"budget {name}: the fall of £43,260 prints as \u2212£43,260")
        check(re.search(r"-£\d", text) is None, f"budget {name}: no hyphen before a sum of money")

check.finish()
