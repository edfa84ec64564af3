#!/usr/bin/env bash
# Real OCR output for the word stage: renders passages of a clean text to page images with
# tesseract's text2image (DejaVu fonts, its own noise and blur, at a chosen resolution),
# reads them back with the tesseract program, and scores against the passages
# (textmend_eval --cer): tesseract's text (ocr.txt), textmend's repair of it (repaired.txt),
# and textmend reading the page images itself (direct.txt: its OCR front end, then its
# repairs). The repairs must never make real OCR output worse.
#
# Usage: tools/eval/real_ocr.sh [--build DIR] [--pages N] [--chars C] [--resolution DPI]
#                               [--exposure E] [--skip K] FILE
#   --pages N       passages rendered (default 10), one page each
#   --chars C       characters per passage, whole words (default 1500)
#   --resolution    dots per inch of the rendered page (default 300; 100 degrades it)
#   --exposure E    text2image's exposure, -3 (faint) ... 3 (heavy) (default 0)
#   --skip K        passages of C characters skipped first (default 0)
# Needs text2image (tesseract-ocr training tools), tesseract with English, DejaVu fonts.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build="$here/build" pages=10 chars=1500 resolution=300 exposure=0 skip=0
while [ $# -gt 1 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    --chars) chars=$2; shift 2 ;;
    --resolution) resolution=$2; shift 2 ;;
    --exposure) exposure=$2; shift 2 ;;
    --skip) skip=$2; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--pages N] [--chars C] [--resolution DPI] [--exposure E] [--skip K] FILE" >&2; exit 2 ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: $0 [options] FILE" >&2; exit 2; }
file=$1
for tool in text2image tesseract; do
  command -v "$tool" > /dev/null || { echo "$0: $tool not found" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Passages: the file's words joined by single spaces, cut at word ends every C characters.
tr -s ' \n\t' ' ' < "$file" | fold -s -w "$chars" | sed -n "$((skip + 1)),$((skip + pages))p" \
  > "$work/passages"
: > "$work/truth.txt"; : > "$work/ocr.txt"
n=0
while IFS= read -r passage; do
  n=$((n + 1))
  printf '%s\n' "$passage" > "$work/p$n.txt"
  text2image --text "$work/p$n.txt" --outputbase "$work/page$n" --font "DejaVu Serif" \
    --fontconfig_tmpdir "$work" \
    --fonts_dir /usr/share/fonts --resolution "$resolution" --exposure "$exposure" \
    --ptsize 10 > /dev/null 2>&1
  OMP_THREAD_LIMIT=1 tesseract "$work/page$n.tif" "$work/ocr$n" -l eng > /dev/null 2>&1
  cat "$work/p$n.txt" >> "$work/truth.txt"
  # One document per page, as a scanner hands them over.
  cat "$work/ocr$n.txt" >> "$work/ocr.txt"
  printf '\n' >> "$work/ocr.txt"
done < "$work/passages"
# textmend on the page images themselves: its OCR front end (Tesseract through its API),
# then its repairs, one document per page.
: > "$work/direct.txt"
for k in $(seq "$n"); do
  "$build/textmend" "$work/page$k.tif" >> "$work/direct.txt"
  printf '\n' >> "$work/direct.txt"
done
"$build/textmend" --words < "$work/ocr.txt" > "$work/repaired.txt"
"$build/textmend" --words --report="$work/changes.jsonl" < "$work/ocr.txt" > /dev/null
# The passages have misspellings of their own, which the word stage corrects in the OCR text
# too: scored also against the passages as it repairs them.
"$build/textmend" --words < "$work/truth.txt" > "$work/truth-repaired.txt"
echo "real OCR: $n pages of $(basename "$file") at $resolution dpi, exposure $exposure"
(cd "$work" && "$build/tools/eval/textmend_eval" --cer truth.txt ocr.txt repaired.txt direct.txt)
echo "against the passages with their own misspellings repaired:"
(cd "$work" && "$build/tools/eval/textmend_eval" --cer truth-repaired.txt ocr.txt repaired.txt direct.txt)
echo "word-stage changes: $(grep -c '"stage":"words"' "$work/changes.jsonl" || true)"
if [ -n "${REAL_OCR_KEEP:-}" ]; then cp -r "$work" "$REAL_OCR_KEEP"; fi
