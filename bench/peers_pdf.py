#!/usr/bin/env python3
"""planpack against Typst on the same 300-page document, side by side, per PDF page.

Both read the shared corpus (../shared/bench): planpack as a service whose one document
has the 300 pages as sections, Typst as the very same pages in one .typ file. The two
commands alternate, round after round, so a noisy machine slows both alike; the table
gives medians, ms per PDF page written (each tool's own page count), peak RSS, and the
ratio. Typst's time is its compile less the node start-up and module load (a probe run
with no input, measured in the same rounds).

  bench/peers_pdf.py --planpack build-rel/planpack --typst-modules DIR/node_modules
      [--pages 300] [--rounds 5] [--corpus ../shared/bench]

The Typst compiler: npm install --prefix DIR @myriaddreamin/typst-ts-node-compiler@0.7.0
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time


def run(cmd, env=None):
    """Wall seconds and peak RSS (MB) of one command, which must succeed."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def tagged(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return re.search(r"^Tagged:\s+yes", out, re.M) is not None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--planpack", required=True)
    ap.add_argument("--typst-modules", required=True, help="node_modules holding the Typst compiler")
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "bench"))
    a = ap.parse_args()
    corpus = os.path.abspath(a.corpus)
    planpack = os.path.abspath(a.planpack)

    with tempfile.TemporaryDirectory(prefix="planpack-peers-") as tmp:
        svc, typ = os.path.join(tmp, "svc"), os.path.join(tmp, "doc.typ")
        subprocess.run([sys.executable, os.path.join(corpus, "planpack_corpus.py"), "--pages", str(a.pages),
                        "--out", svc], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, os.path.join(corpus, "gen_corpus.py"), "--pages", str(a.pages),
                        "--single", typ, "--format", "typst"], check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ, NODE_PATH=os.path.abspath(a.typst_modules))
        compile_js = os.path.join(corpus, "typst_compile.js")
        out = os.path.join(tmp, "site")
        typst_pdf = os.path.join(tmp, "typst.pdf")
        commands = {
            "planpack": [planpack, "build", "--root", svc, "--out", out, "--format", "pdf", "-q"],
            "typst": ["node", compile_js, typ, typst_pdf],
            "typst start-up": ["node", compile_js],
        }
        times = {k: [] for k in commands}
        rss = {k: 0.0 for k in commands}
        for _ in range(a.rounds):
            for name, cmd in commands.items():
                if name == "planpack":
                    shutil.rmtree(out, ignore_errors=True)
                t, m = run(cmd, env)
                times[name].append(t)
                rss[name] = max(rss[name], m)
        pdfs = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs if f.endswith(".pdf")]
        if len(pdfs) != 1:
            sys.exit(f"expected one planpack PDF, found {pdfs}")
        pp_pages, ty_pages = pdf_pages(pdfs[0]), pdf_pages(typst_pdf)
        pp_t = statistics.median(times["planpack"])
        ty_t = statistics.median(times["typst"]) - statistics.median(times["typst start-up"])
        pp_ms, ty_ms = 1000 * pp_t / pp_pages, 1000 * ty_t / ty_pages
        print(f"{a.pages}-page document -> PDF, medians of {a.rounds} alternating rounds")
        print(f"{'':10} {'time':>8} {'PDF pages':>10} {'ms/page':>8} {'peak RSS':>9} tagged")
        print(f"{'planpack':10} {pp_t:7.2f}s {pp_pages:10} {pp_ms:8.2f} {rss['planpack']:7.0f}MB "
              f"{'yes' if tagged(pdfs[0]) else 'no'}")
        print(f"{'Typst':10} {ty_t:7.2f}s {ty_pages:10} {ty_ms:8.2f} {rss['typst']:7.0f}MB "
              f"{'yes' if tagged(typst_pdf) else 'no'}")
        print(f"planpack is {ty_ms / pp_ms:.1f}x Typst's speed per PDF page "
              f"(Typst's start-up, {statistics.median(times['typst start-up']):.2f}s, left out)")


if __name__ == "__main__":
    main()
