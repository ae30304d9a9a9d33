#!/usr/bin/env bash
# Installs what planpack needs from Debian 12 (and, with --test, what its tests need),
# skipping whatever is already there. Safe to run again: it is quick when nothing is missing.
set -euo pipefail

build_packages=(
  g++ cmake make pkg-config ca-certificates
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libtomlplusplus-dev libkainjow-mustache-dev libcsv-dev
  libxlsxwriter-dev zlib1g-dev libhpdf-dev libcpp-httplib-dev libgmp-dev nettle-dev
  libdeflate-dev libpng-dev libjpeg62-turbo-dev libzip-dev librsvg2-dev
  fonts-dejavu-core fonts-dejavu-extra
)
test_packages=(
  doctest-dev python3 poppler-utils qpdf python3-openpyxl python3-pikepdf
  chromium nodejs libreoffice-calc-nogui libreoffice-writer-nogui python3-docx
)

# Only scripts/fuzz.sh needs these: clang with libFuzzer and its sanitizer runtimes.
fuzz_packages=(clang libclang-rt-14-dev)

packages=("${build_packages[@]}")
if [ "${1:-}" = "--fuzz" ]; then
  packages+=("${fuzz_packages[@]}")
fi
if [ "${1:-}" = "--test" ]; then
  packages+=("${test_packages[@]}")
  # Debian's nodejs comes without npm; a machine whose node already brings npm keeps it.
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing packages: ${missing[*]}; run as root or install them" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser tests drive Debian's Chromium with playwright-core and axe-core, pinned
# in tests/browser/package-lock.json; npm ci installs them only when the lock changed.
# --omit=optional: pdfjs-dist's optional canvas would download a prebuilt binary, and
# reading the structure tree needs no rendering.
if [ "${1:-}" = "--test" ] && [ -f tests/browser/package-lock.json ]; then
  stamp=tests/browser/node_modules/.planpack-lock
  if ! cmp -s tests/browser/package-lock.json "$stamp" 2>/dev/null; then
    (cd tests/browser && npm ci --omit=optional --no-audit --no-fund --loglevel=error)
    cp tests/browser/package-lock.json "$stamp"
  fi
fi
