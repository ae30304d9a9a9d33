"""Every image a page shows is published with the site: each <img src> of the fixture's
pages (tests/fixtures/pdf-service has a PNG) resolves to a file in the output.

And wherever an image stands (tests/fixtures/image-service: inside a sentence, in a
footnote, in a table cell, in a list item) it is published under media/ as the file the
Markdown names, and drawn in the PDF."""
import os
import re
import subprocess
import sys
import tempfile

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()


def img_sources(site):
    """(page, src, alt) of every <img> in the site's HTML pages."""
    out = []
    for d, _, files in os.walk(site):
        for f in sorted(files):
            if f.endswith(".html"):
                page = os.path.join(d, f)
                html = open(page, encoding="utf-8").read()
                for src, alt in re.findall(r'<img src="([^"]+)" alt="([^"]*)"', html):
                    out.append((page, src, alt))
    return out


with tempfile.TemporaryDirectory() as tmp:
    # Part 1: the PDF fixture's figure.
    fixture = os.path.join(root, "tests", "fixtures", "pdf-service")
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", fixture, "--out", site, "--format", "html"],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"the pdf fixture builds: {r.stderr}")
    images = img_sources(site)
    check(images, "the pdf fixture shows an image")
    for page, src, _ in images:
        target = os.path.normpath(os.path.join(os.path.dirname(page), src))
        check(os.path.isfile(target) and os.path.getsize(target) > 0,
              f"{os.path.relpath(page, site)} shows {src}, which is in the site")

    # Part 2: images everywhere but in a figure.
    fixture = os.path.join(root, "tests", "fixtures", "image-service")
    site = os.path.join(tmp, "images")
    r = subprocess.run([planpack, "build", "--root", fixture, "--out", site, "--format", "html,pdf"],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"the image fixture builds: {r.stderr}")
    check("image" not in r.stderr, f"no warning about an image: {r.stderr}")
    expected = {  # alt -> (source file under the fixture, its size in pixels)
        "a green dot": ("content/img/dot.png", (9, 9)),        # inside a sentence
        "an orange square": ("content/img/square.png", (13, 13)),  # in a table cell
        "a purple bar": ("content/img/bar.png", (21, 7)),      # in a list item
        "a blue star": ("content/notes/star.png", (11, 10)),   # in a footnote
    }
    shown = {alt: (page, src) for page, src, alt in img_sources(site)}
    for alt, (source, _) in expected.items():
        if not check(alt in shown, f"the page shows '{alt}'"):
            continue
        page, src = shown[alt]
        target = os.path.normpath(os.path.join(os.path.dirname(page), src))
        check(os.path.relpath(target, site) == "media/" + source,
              f"'{alt}' is linked as media/{source}, not {os.path.relpath(target, site)}")
        check(os.path.isfile(target) and open(target, "rb").read() ==
              open(os.path.join(fixture, source), "rb").read(),
              f"'{alt}' is published under media/ as the file the Markdown names")

    pdf = os.path.join(site, "plan-2025-26", "plan-2025-26.pdf")
    listing = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True)
    check(listing.returncode == 0, f"pdfimages reads the PDF: {listing.stderr}")
    # page num type width height ...: the sizes of the images the PDF embeds
    sizes = set()
    for line in listing.stdout.splitlines()[2:]:
        cols = line.split()
        if len(cols) > 4 and cols[2] == "image":
            sizes.add((int(cols[3]), int(cols[4])))
    for alt, (source, size) in expected.items():
        check(size in sizes, f"the PDF embeds '{alt}' ({source}, {size[0]}x{size[1]}); it has {sorted(sizes)}")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    check("[a green dot]" not in text, "the PDF draws the inline picture rather than printing its description")

check.finish()
