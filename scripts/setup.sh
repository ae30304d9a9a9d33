#!/usr/bin/env bash
# Installs what planpack needs from Debian 12, skipping whatever is already there. Safe to
# run again: it is quick when nothing is missing.
#   (no option)   what building planpack needs, and Pagefind (the site's search index)
#   --test        also everything the tests need
#   --test-build  also what building the tests needs (doctest, and python3 and node, which
#                 the test build looks for when it is configured)
#   --test-run    only what running the tests needs (Chromium, LibreOffice, Poppler…):
#                 scripts/test.sh installs these while it compiles
set -euo pipefail

build_packages=(
  g++ cmake make pkg-config ca-certificates
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libtomlplusplus-dev libkainjow-mustache-dev libcsv-dev
  libxlsxwriter-dev zlib1g-dev libhpdf-dev libcpp-httplib-dev libgmp-dev nettle-dev
  libdeflate-dev libpng-dev libjpeg62-turbo-dev libical-dev libzip-dev librsvg2-dev libxml2-dev
  libmimalloc-dev
  fonts-dejavu-core fonts-dejavu-extra
)
# ninja schedules the whole build graph at once and lld links the sanitized binaries
# quickly: together they take minutes off CI's test build.
test_build_packages=(doctest-dev python3 nodejs ninja-build lld)
test_run_packages=(
  poppler-utils qpdf python3-openpyxl python3-pikepdf python3-icalendar python3-jsonschema
  chromium libreoffice-calc-nogui libreoffice-writer-nogui python3-docx
)

# Only scripts/fuzz.sh needs these: clang with libFuzzer and its sanitizer runtimes.
fuzz_packages=(clang libclang-rt-14-dev)

mode="${1:-}"
packages=()
case "$mode" in
  "") packages=("${build_packages[@]}") ;;
  --fuzz) packages=("${build_packages[@]}" "${fuzz_packages[@]}") ;;
  --test-build) packages=("${build_packages[@]}" "${test_build_packages[@]}") ;;
  --test-run) packages=("${test_run_packages[@]}") ;;
  --test) packages=("${build_packages[@]}" "${test_build_packages[@]}" "${test_run_packages[@]}") ;;
  *) echo "setup: unknown option '$mode' (use --test, --test-build, --test-run or --fuzz)" >&2; exit 2 ;;
esac
# Pagefind, which planpack runs to index the site for its search page, comes from npm: the
# site and the tests (which search the example) need it. Debian's nodejs comes without npm;
# a machine whose node already brings npm keeps it.
pagefind=false
case "$mode" in "" | --test | --test-run) pagefind=true ;; esac
if [ "$mode" = --test ] || [ "$mode" = --test-run ] || $pagefind; then
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
  # Two runs in a row (scripts/test.sh) read the package lists once.
  if ! find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -60 2>/dev/null | grep -q .; then
    apt-get update -qq
  fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser tests drive Debian's Chromium with playwright-core and axe-core, pinned
# in tests/browser/package-lock.json; npm ci installs them only when the lock changed.
# --omit=optional: pdfjs-dist's optional canvas would download a prebuilt binary, and
# reading the structure tree needs no rendering.
if { [ "$mode" = --test ] || [ "$mode" = --test-run ]; } && [ -f tests/browser/package-lock.json ]; then
  stamp=tests/browser/node_modules/.planpack-lock
  if ! cmp -s tests/browser/package-lock.json "$stamp" 2>/dev/null; then
    (cd tests/browser && npm ci --omit=optional --no-audit --no-fund --loglevel=error)
    cp tests/browser/package-lock.json "$stamp"
  fi
fi

# Pagefind 1.6.0, pinned in tools/pagefind/package-lock.json. Its binary is the optional
# dependency for this machine (@pagefind/linux-x64), so optional packages are kept here;
# planpack finds it at tools/pagefind/node_modules/@pagefind/*/bin. Installed only when
# the lock changed. Without it (no network, say) planpack still builds the site, without
# search, so a failure here is said and not fatal; the search test then fails.
if $pagefind && [ -f tools/pagefind/package-lock.json ]; then
  stamp=tools/pagefind/node_modules/.planpack-lock
  if ! cmp -s tools/pagefind/package-lock.json "$stamp" 2>/dev/null; then
    if (cd tools/pagefind && npm ci --no-audit --no-fund --loglevel=error); then
      cp tools/pagefind/package-lock.json "$stamp"
    else
      echo "setup: could not install Pagefind (npm ci in tools/pagefind); the site will have no search" >&2
    fi
  fi
fi
