"""The command line as a user meets it: help, version, usage errors (exit 2), check
writing nothing, and build swapping site/ into place."""
import os
import shutil
import subprocess
import sys
import tempfile

from checks import Checks

planpack, root = sys.argv[1], sys.argv[2]
check = Checks()


def run(*args, cwd=None):
    return subprocess.run([planpack, *args], capture_output=True, text=True, cwd=cwd)


r = run("--help")
check(r.returncode == 0 and r.stdout.startswith("usage: planpack build"), "--help prints usage")
r = run("--version")
check(r.returncode == 0 and r.stdout.startswith("planpack "), "--version")
for args, needle in [((), "no command given"), (("frobnicate",), "unknown command 'frobnicate'"),
                     (("build", "--format", "odt"), "unknown format 'odt'"),
                     (("build", "--root"), "--root needs a value"),
                     (("check", "--out", "x"), "unknown option '--out' for check")]:
    r = run(*args)
    check(r.returncode == 2, f"{args}: exit 2 (got {r.returncode})")
    check(needle in r.stderr and "usage:" in r.stderr, f"{args}: says '{needle}' and the usage")

# serve's own options (its running is tests/browser/serve.mjs).
for args, needle in [(("serve", "--port", "70000"), "--port needs a number from 0 to 65535, not '70000'"),
                     (("serve", "--port", "eighty"), "--port needs a number from 0 to 65535, not 'eighty'"),
                     (("build", "--port", "8080"), "unknown option '--port' for build"),
                     (("check", "--bind", "127.0.0.1"), "unknown option '--bind' for check")]:
    r = run(*args)
    check(r.returncode == 2 and needle in r.stderr, f"{args}: exit 2, says '{needle}' (got {r.returncode})")
# An address this machine does not have: a clear message and exit 1, before any build.
r = subprocess.run([planpack, "serve", "--root", root, "--bind", "203.0.113.7", "--port", "0"],
                   capture_output=True, text=True, timeout=60)
check(r.returncode == 1 and "cannot listen on 203.0.113.7" in r.stderr, "serve on a foreign address: " + r.stderr)

with tempfile.TemporaryDirectory() as tmp:
    tree = os.path.join(tmp, "svc")
    shutil.copytree(root, tree, ignore=shutil.ignore_patterns("site", "build*", ".git", "node_modules", "tests"))
    r = run("check", "--root", tree)
    check(r.returncode == 0, "check passes on the example: " + r.stderr)
    check(not os.path.exists(os.path.join(tree, "site")), "check writes nothing")

    # build with defaults from inside the service root: out is ./site
    r = run("build", cwd=tree)
    check(r.returncode == 0, "build from the root with defaults: " + r.stderr)
    check(os.path.exists(os.path.join(tree, "site", "index.html")), "default output is site/")
    leftovers = [n for n in os.listdir(tree) if n.startswith("site.")]
    check(not leftovers, f"no staging directories left: {leftovers}")

    # A content error: exit 1, file:line:col, site/ untouched.
    before = open(os.path.join(tree, "site", "index.html"), "rb").read()
    intro = os.path.join(tree, "content", "01-introduction.md")
    text = open(intro, encoding="utf-8").read()
    with open(intro, "w", encoding="utf-8") as f:
        f.write(text.replace("order = 1", "order = \"first\"", 1))
    r = run("build", "--root", tree)
    check(r.returncode == 1, "a content error exits 1")
    check("content/01-introduction.md:4:9: error: 'order' must be an integer, not a string" in r.stderr,
          "error names file:line:col: " + r.stderr)
    check(open(os.path.join(tree, "site", "index.html"), "rb").read() == before, "site/ untouched")

    # Several errors are all reported, sorted by file.
    with open(os.path.join(tree, "content", "02-local-context.md"), "a", encoding="utf-8") as f:
        f.write("\n[broken](xref:nowhere)\n")
    r = run("check", "--root", tree)
    lines = [l for l in r.stderr.splitlines() if ": error: " in l]
    check(len(lines) == 2, f"two errors reported at once (got {len(lines)})")
    check(lines == sorted(lines), "errors are sorted by file")

    r = run("build", "--root", os.path.join(tmp, "nowhere"))
    check(r.returncode == 1 and "no planpack.toml" in r.stderr, "a missing root is a clear error")

check.finish()
