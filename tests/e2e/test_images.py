"""Every image a page shows is published with the site: each <img src> of the fixture's
pages (tests/fixtures/pdf-service has a PNG) resolves to a file in the output."""
import os
import re
import subprocess
import sys
import tempfile

planpack, root = sys.argv[1], sys.argv[2]
fixture = os.path.join(root, "tests", "fixtures", "pdf-service")
passed, failed = 0, 0
with tempfile.TemporaryDirectory() as tmp:
    site = os.path.join(tmp, "site")
    r = subprocess.run([planpack, "build", "--root", fixture, "--out", site, "--format", "html"],
                       capture_output=True, text=True)
    ok = r.returncode == 0
    passed, failed = passed + ok, failed + (not ok)
    if not ok:
        print("FAIL: the fixture builds:", r.stderr)
    images = []
    for d, _, files in os.walk(site):
        for f in files:
            if f.endswith(".html"):
                page = os.path.join(d, f)
                for src in re.findall(r'<img src="([^"]+)"', open(page, encoding="utf-8").read()):
                    images.append((page, src))
    if not images:
        print("FAIL: the fixture shows no image")
        failed += 1
    for page, src in images:
        target = os.path.normpath(os.path.join(os.path.dirname(page), src))
        if os.path.isfile(target) and os.path.getsize(target) > 0:
            passed += 1
        else:
            failed += 1
            print(f"FAIL: {os.path.relpath(page, site)} shows {src}, which is not in the site")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
