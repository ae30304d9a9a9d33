#!/usr/bin/env python3
"""Writes the fuzz harnesses' seed corpora (scripts/fuzz.sh): every Markdown, TOML and CSV
file of the example service, tests/bad and the fixtures, each in its harness's format;
fuzz_toml_schemas takes a leading byte that picks the loader, fuzz_pipeline whole service
trees packed as "@@@ path" sections.

usage: seeds.py OUT_DIR"""
import os
import sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
out = sys.argv[1]
SOURCES = ["content", "data", "meetings", "tests/bad", "tests/fixtures", "planpack.toml"]


def files(ext):
    for top in SOURCES:
        path = os.path.join(root, top)
        if os.path.isfile(path) and path.endswith(ext):
            yield path
        for d, _, names in os.walk(path):
            for n in sorted(names):
                p = os.path.join(d, n)
                if n.endswith(ext) and os.path.isfile(p) and not os.path.islink(p):
                    yield p


def read(p):
    with open(p, "rb") as f:
        return f.read()


def write(harness, items):
    d = os.path.join(out, harness)
    os.makedirs(d, exist_ok=True)
    for i, data in enumerate(items):
        with open(os.path.join(d, f"seed-{i:05}"), "wb") as f:
            f.write(data)
    print(f"seeds: {harness}: {len(items)}")


def pack(tree):
    parts = []
    for d, _, names in os.walk(tree):
        for n in sorted(names):
            p = os.path.join(d, n)
            rel = os.path.relpath(p, tree)
            if rel == "expected.txt" or os.path.islink(p) or not os.path.isfile(p):
                continue
            data = read(p)
            parts.append(b"@@@ " + rel.encode() + b"\n" + data + (b"" if data.endswith(b"\n") else b"\n"))
    return b"".join(parts)


write("markdown", [read(p) for p in files(".md")])
write("toml_schemas", [bytes([k]) + read(p) for p in files(".toml") for k in range(10)])
write("csv", [read(p) for p in files(".csv") if os.path.getsize(p) < 65536])
trees = [os.path.join(root, "tests", "bad", n) for n in sorted(os.listdir(os.path.join(root, "tests", "bad")))
         if os.path.isfile(os.path.join(root, "tests", "bad", n, "planpack.toml"))]
write("pipeline", [pack(t) for t in trees])
