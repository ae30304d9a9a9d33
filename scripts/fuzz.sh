#!/usr/bin/env bash
# Long fuzzing runs (docs/fuzzing.md): builds the harnesses in tests/fuzz with clang's
# libFuzzer, ASan and UBSan in build-fuzz/, seeds each from the example, tests/bad and the
# fixtures, and runs each for SECONDS (default 600), JOBS at a time (default 1). Corpora
# grow in build-fuzz/corpus/HARNESS; crashes are written to build-fuzz/findings/HARNESS.
# Every finding becomes a tests/bad case (or a unit test) before it is fixed.
#
# usage: bash scripts/fuzz.sh [SECONDS] [HARNESS...]
# FUZZ_TIMEOUT: seconds one input may take (default 20); raise it on a loaded machine,
# where a niced run is starved and every unit would otherwise be reported as a timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(markdown toml_schemas csv pipeline)

bash scripts/setup.sh --fuzz
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DPLANPACK_SANITIZE=ON -DPLANPACK_FUZZ=ON -DPLANPACK_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${harnesses[@]/#/fuzz_}" >/dev/null

# Seeds, written by the same packing the GCC replay tests use (tests/fuzz/seeds.py).
python3 tests/fuzz/seeds.py build-fuzz/seeds
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for h in "${harnesses[@]}"; do
  mkdir -p "build-fuzz/corpus/$h" "build-fuzz/findings/$h"
  dict=()
  [ -f "tests/fuzz/$h.dict" ] && dict=(-dict="tests/fuzz/$h.dict")
  echo "fuzz: $h for ${seconds}s"
  "build-fuzz/tests/fuzz/fuzz_$h" "build-fuzz/corpus/$h" "build-fuzz/seeds/$h" "${dict[@]}" \
    -max_total_time="$seconds" -max_len=65536 -timeout="${FUZZ_TIMEOUT:-20}" -rss_limit_mb=4096 \
    -artifact_prefix="build-fuzz/findings/$h/" -print_final_stats=1 2>"build-fuzz/$h.log" || true
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|ERROR: |SUMMARY: " "build-fuzz/$h.log" | sed "s/^/  $h: /" || true
  echo "  $h: findings: $(ls "build-fuzz/findings/$h" | wc -l)"
done
