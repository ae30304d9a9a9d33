#!/usr/bin/env python3
"""Runs planpack on every case of the bad-input catalogue (tests/bad/NN-name/).

Each case is a tiny service tree with one fault and an expected.txt holding the exact
stderr of `planpack build`. For every case this checks that
  - `planpack build` exits 1, prints nothing on stdout and exactly expected.txt on stderr;
  - a site/ that existed before the build is untouched (bytes and mtimes), nothing else
    in the tree changed, and no site.new-*/site.old-* staging directory is left behind;
  - `planpack check` exits 1 with the same stderr, its last line being
    `planpack: check failed`.
A fault that is only a warning (expected.txt holds warnings and no final
`planpack: nothing was written`) must not stop the build: build and check exit 0 with
exactly those warnings on stderr.

usage: test_bad_inputs.py PLANPACK_BINARY BAD_CASES_DIR
"""
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

MIN_CASES = 15
BUILD_LAST = "planpack: nothing was written"
CHECK_LAST = "planpack: check failed"
SENTINEL = b"<!doctype html><title>previous build</title>\n"
SENTINEL_MTIME_NS = 1_000_000_000 * 10**9  # 2001-09-09, far from "now"
TIMEOUT_S = 60


def snapshot(root):
    """Every path under root with its kind, bytes (for files) and mtime."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            st = os.lstat(path)
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as f:
                    out[rel] = ("file", f.read(), st.st_mtime_ns)
            else:
                out[rel] = ("dir" if os.path.isdir(path) else "other", None, st.st_mtime_ns)
    return out


def describe_changes(before, after):
    problems = []
    for rel in sorted(set(before) | set(after)):
        if rel not in after:
            problems.append(f"{rel} was removed")
        elif rel not in before:
            problems.append(f"{rel} was created")
        else:
            kind_b, data_b, mtime_b = before[rel]
            kind_a, data_a, mtime_a = after[rel]
            if kind_b != kind_a:
                problems.append(f"{rel} changed from a {kind_b} to a {kind_a}")
            elif data_b != data_a:
                problems.append(f"{rel} changed contents")
            elif mtime_b != mtime_a:
                problems.append(f"{rel} changed mtime")
    return problems


def stray_staging(root):
    return sorted(n for n in os.listdir(root)
                  if n.startswith("site.new-") or n.startswith("site.old-"))


def show(data):
    return data.decode("utf-8", errors="backslashreplace")


def diff(expected, actual, label):
    lines = difflib.unified_diff(show(expected).splitlines(keepends=True),
                                 show(actual).splitlines(keepends=True),
                                 fromfile=f"expected {label}", tofile=f"actual {label}")
    text = "".join(lines)
    return text if text.endswith("\n") else text + "\n"


def run(binary, args, cwd):
    try:
        p = subprocess.run([binary] + args, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT_S)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", e.stderr or b""


def check_case(binary, case_dir, tmp):
    """Returns a list of problems; empty means the case passed."""
    expected_path = os.path.join(case_dir, "expected.txt")
    if not os.path.isfile(expected_path):
        return ["no expected.txt"]
    with open(expected_path, "rb") as f:
        expected = f.read()
    if BUILD_LAST.encode() not in expected:
        return check_warning_case(binary, case_dir, tmp, expected)
    lines = expected.split(b"\n")
    if not expected.endswith(b"\n") or len(lines) < 3 or lines[-2] != BUILD_LAST.encode():
        return [f"expected.txt must hold at least one diagnostic and end with the line "
                f"'{BUILD_LAST}'"]
    expected_check = b"\n".join(lines[:-2] + [CHECK_LAST.encode(), b""])

    root = os.path.join(tmp, "root")
    shutil.copytree(case_dir, root, symlinks=True, ignore=shutil.ignore_patterns("expected.txt"))
    site = os.path.join(root, "site")
    os.mkdir(site)
    index = os.path.join(site, "index.html")
    with open(index, "wb") as f:
        f.write(SENTINEL)
    os.utime(index, ns=(SENTINEL_MTIME_NS, SENTINEL_MTIME_NS))
    os.utime(site, ns=(SENTINEL_MTIME_NS, SENTINEL_MTIME_NS))
    before = snapshot(root)

    problems = []
    rc, out, err = run(binary, ["build", "--root", root, "--out", site], tmp)
    if rc is None:
        problems.append(f"planpack build did not finish within {TIMEOUT_S}s")
    elif rc != 1:
        problems.append(f"planpack build exited {rc}, expected 1")
    if out:
        problems.append("planpack build wrote to stdout:\n" + show(out))
    if err != expected:
        problems.append("planpack build stderr differs:\n" + diff(expected, err, "stderr"))
    with open(index, "rb") as f:
        if f.read() != SENTINEL:
            problems.append("site/index.html no longer holds the sentinel")
    for name in stray_staging(root):
        problems.append(f"stray staging directory left behind: {name}")
    problems += describe_changes(before, snapshot(root))

    rc, out, err = run(binary, ["check", "--root", root], tmp)
    if rc is None:
        problems.append(f"planpack check did not finish within {TIMEOUT_S}s")
    elif rc != 1:
        problems.append(f"planpack check exited {rc}, expected 1")
    if out:
        problems.append("planpack check wrote to stdout:\n" + show(out))
    if err != expected_check:
        problems.append("planpack check stderr differs:\n" + diff(expected_check, err, "stderr"))
    problems += describe_changes(before, snapshot(root))
    return problems


def check_warning_case(binary, case_dir, tmp, expected):
    """A case whose fault is a warning: it is reported, and the build goes ahead."""
    lines = [l for l in expected.split(b"\n") if l]
    if not lines or not all(b": warning: " in l for l in lines):
        return ["expected.txt must end with 'planpack: nothing was written', or hold only warnings"]
    root = os.path.join(tmp, "root")
    shutil.copytree(case_dir, root, symlinks=True, ignore=shutil.ignore_patterns("expected.txt"))
    problems = []
    for command in (["build", "--root", root, "--out", os.path.join(tmp, "site")], ["check", "--root", root]):
        rc, out, err = run(binary, command, tmp)
        if rc != 0:
            problems.append(f"planpack {command[0]} exited {rc}, expected 0 (a warning does not stop it)")
        if err != expected:
            problems.append(f"planpack {command[0]} stderr differs:\n" + diff(expected, err, "stderr"))
    return problems


def main(argv):
    if len(argv) != 3:
        print("usage: test_bad_inputs.py PLANPACK_BINARY SOURCE_ROOT", file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    bad_dir = os.path.join(os.path.abspath(argv[2]), "tests", "bad")
    if not os.access(binary, os.X_OK):
        print(f"FAIL: {binary} is not an executable", file=sys.stderr)
        return 1
    if not os.path.isdir(bad_dir):
        print(f"FAIL: {bad_dir} is not a directory", file=sys.stderr)
        return 1
    # In number order (100 after 99); each number names one case, as tests/bad/README.md asks.
    cases = sorted((n for n in os.listdir(bad_dir) if os.path.isdir(os.path.join(bad_dir, n))),
                   key=lambda n: (int(n.split("-")[0]) if n.split("-")[0].isdigit() else 0, n))
    numbers = [n.split("-")[0] for n in cases]
    twice = sorted({n for n in numbers if numbers.count(n) > 1})

    passed = failed = 0
    for name in cases:
        tmp = tempfile.mkdtemp(prefix="planpack-bad-")
        try:
            problems = check_case(binary, os.path.join(bad_dir, name), tmp)
        except Exception as e:  # a broken case must not stop the others
            problems = [f"test error: {e!r}"]
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for p in problems:
                print("     " + p.rstrip("\n").replace("\n", "\n     "))
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    if twice:
        print(f"FAIL: case numbers used twice in {bad_dir}: {', '.join(twice)}")
        return 1
    if len(cases) < MIN_CASES:
        print(f"FAIL: only {len(cases)} case(s) in {bad_dir}; expected at least {MIN_CASES}")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
