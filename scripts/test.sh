#!/usr/bin/env bash
# Installs what is missing, builds planpack with AddressSanitizer and UBSan, and runs
# every test through ctest (its summary line counts what ran). Each step prints its time,
# so a slow CI run shows where the minutes went.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo "test.sh: $1 took $((SECONDS - start)) s"; start=$SECONDS; }
start=$SECONDS
bash scripts/setup.sh --test-build
step "setup for the build"
# The tools the tests run (Chromium, LibreOffice, Poppler…) are the larger part of the
# set-up and are not needed until ctest starts: they install while the compiler works.
mkdir -p build-test
bash scripts/setup.sh --test-run >build-test/setup-test-run.log 2>&1 &
setup_pid=$!
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DPLANPACK_SANITIZE=ON -DPLANPACK_TESTS=ON >/dev/null
if ! cmake --build build-test -j"$(nproc)"; then
  wait "$setup_pid" || true
  exit 1
fi
step "build (test tools installing alongside)"
if ! wait "$setup_pid"; then
  cat build-test/setup-test-run.log >&2
  echo "test.sh: installing the test tools failed (log above)" >&2
  exit 1
fi
cat build-test/setup-test-run.log
step "waiting for the test tools"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-test
status=0
ctest --output-on-failure -j"$(nproc)" || status=$?
step "ctest"
exit "$status"
