#!/usr/bin/env bash
# Installs everything textmend needs to build, test and benchmark on Debian 12, from Debian's
# own packages. Uses sudo when not run as root. Safe to run again: apt-get skips what is there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libicu-dev            # Unicode normalization, properties, scripts, charset conversion
  libutfcpp-dev         # UTF-8 validation and iteration
  catch2                # unit tests
  libcli11-dev          # command-line options
  libsimdjson-dev       # JSON Lines mode: validation and locating the field in place
  nlohmann-json3-dev    # writing --report records
  libfmt-dev            # message formatting
  libdtl-dev            # unified diffs for --diff
  libbenchmark-dev      # micro-benchmarks in tools/bench
  scowl hunspell-en-us hunspell-en-gb hunspell-tools   # the English lexicon
  libtesseract-dev libleptonica-dev tesseract-ocr-eng tesseract-ocr-osd   # OCR front end (osd: page orientation)
  tesseract-ocr-rus tesseract-ocr-bel   # OCR of Russian and Belarusian (--lang)
  libpoppler-cpp-dev    # PDF pages for OCR
  tesseract-ocr fonts-dejavu-core   # tools/eval/real_ocr.sh: the tesseract program, text2image
  clang libclang-rt-14-dev   # libFuzzer and sanitizer builds
  time                  # peak-memory figures in tools/bench
  util-linux            # setpriv, used by the CLI tests to drop root for permission checks
  patch                 # the CLI tests apply --diff output with patch(1)
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "tools/setup.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
