#!/usr/bin/env bash
# Installs what is missing, builds planpack (Release) and generates the example into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPLANPACK_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
./build/planpack build --root . --out site
