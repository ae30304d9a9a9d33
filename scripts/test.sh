#!/usr/bin/env bash
# Installs what is missing, builds planpack with AddressSanitizer and UBSan, and runs
# every test through ctest (its summary line counts what ran). Each step prints its time,
# so a slow CI run shows where the minutes went.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo "test.sh: $1 took $((SECONDS - start)) s"; start=$SECONDS; }
start=$SECONDS
bash scripts/setup.sh --test
step "setup"
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DPLANPACK_SANITIZE=ON -DPLANPACK_TESTS=ON >/dev/null
cmake --build build-test -j"$(nproc)"
step "build"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-test
status=0
ctest --output-on-failure -j"$(nproc)" || status=$?
step "ctest"
exit "$status"
