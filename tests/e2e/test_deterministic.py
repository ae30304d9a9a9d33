"""Two builds of the same sources, at different times, in different time zones and from
different working directories, on different numbers of threads, must give byte-identical
trees; so must a rebuild over the last output, which keeps each unchanged file (its inode)
rather than writing it again. Both builds set the same SOURCE_DATE_EPOCH: it is an input
(it dates the PDF), not noise. Every format, Word included: libzip dates zip entries in
local time, which must not show."""
import filecmp
import hashlib
import os
import subprocess
import sys
import tempfile
import time

from tree_snapshot import snapshot

planpack, root = sys.argv[1], sys.argv[2]


def digest_tree(top):
    return {path: hashlib.sha256(data).hexdigest() for path, data in snapshot(top).items()}


with tempfile.TemporaryDirectory() as tmp:
    a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1687737600", PLANPACK_JOBS="4")
    formats = ["--format", "html,pdf,xlsx,docx"]
    subprocess.run([planpack, "build", "--root", root, "--out", a] + formats, check=True, env=env,
                   capture_output=True)
    time.sleep(1.1)
    env2 = dict(os.environ, SOURCE_DATE_EPOCH="1687737600", TZ="Pacific/Auckland", PLANPACK_JOBS="1")
    subprocess.run([os.path.abspath(planpack), "build", "--root", os.path.abspath(root),
                    "--out", b] + formats, check=True, env=env2, cwd=tmp, capture_output=True)
    inodes = {p: os.stat(os.path.join(b, p)).st_ino for p in snapshot(b)}
    # Built again over b: the same bytes, and every file kept rather than written anew.
    subprocess.run([planpack, "build", "--root", root, "--out", b] + formats, check=True,
                   env=dict(env, PLANPACK_JOBS="2"), capture_output=True)
    da, db = digest_tree(a), digest_tree(b)
    failed = 0
    rewritten = [p for p in db if p in inodes and os.stat(os.path.join(b, p)).st_ino != inodes[p]]
    for p in rewritten[:5]:
        print("FAIL: unchanged by the rebuild but written anew (a new inode):", p)
    if rewritten:
        print(f"FAIL: {len(rewritten)} of {len(inodes)} unchanged files were written anew")
        failed += 1
    if not da:
        print("FAIL: the build wrote nothing")
        failed += 1
    if sorted(da) != sorted(db):
        print("FAIL: the two trees hold different files:", sorted(set(da) ^ set(db)))
        failed += 1
    # The search index (Pagefind, when scripts/setup.sh installed it) is compared like the
    # rest: it is byte-identical from one build to the next.
    if os.path.isdir(os.path.join(root, "tools", "pagefind", "node_modules")) and \
            not any(p.startswith("pagefind" + os.sep) for p in da):
        print("FAIL: Pagefind is installed but the build wrote no search index to compare")
        failed += 1
    differ = [p for p in da if p in db and da[p] != db[p]]
    for p in differ:
        print("FAIL: differs between builds:", p)
    failed += len(differ)
    print(f"{len(da) - len(differ) if not failed else 0} passed, {failed} failed")
    sys.exit(1 if failed else 0)
