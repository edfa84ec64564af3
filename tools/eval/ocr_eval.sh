#!/usr/bin/env bash
# The OCR front end against the plain tesseract program, per kind of damage: passages of a
# clean text rendered as clean 300 dpi pages (text2image, DejaVu Sans, no degradation of its
# own), each degraded by build/tools/ocr/ocr_degrade (a tilted page, a page sideways or
# upside down, lit unevenly, blur, noise, a low
# resolution scan, a page scaled down with its stated resolution kept, JPEG artifacts;
# OCR_EVAL_DAMAGES="kind amount|kind amount" picks others), then read by `tesseract IMG -` (default settings, one
# OpenMP thread) and by `textmend IMG`; character and word error rates against the
# passages (textmend_eval --cer).
#
# Usage: tools/eval/ocr_eval.sh [--build DIR] [--pages N] [--chars C] [--skip K] FILE
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build="$here/build" pages=5 chars=1200 skip=0
while [ $# -gt 1 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    --chars) chars=$2; shift 2 ;;
    --skip) skip=$2; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--pages N] [--chars C] [--skip K] FILE" >&2; exit 2 ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: $0 [options] FILE" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/tools/eval/pages.sh"
render_pages "$1" "$chars" "$skip" "$pages" "$work"
: > "$work/truth.txt"
for k in $(seq "$n"); do cat "$work/p$k.txt" >> "$work/truth.txt"; done
echo "OCR: $n pages of $(basename "$1"), tesseract against textmend"
damages=${OCR_EVAL_DAMAGES:-"none 0|rotate 2|rotate 5|orient 1|orient 2|orient 3|shade 50|blur 2|blur 4|noise 20|noise 40|lowres 150|lowres 100|lowres 75|shrink 3|jpeg 10"}
IFS='|' read -r -a damage_list <<< "$damages"
for damage in "${damage_list[@]}"; do
  set -- $damage
  : > "$work/tesseract.txt"; : > "$work/textmend.txt"
  for k in $(seq "$n"); do
    img=$(damaged_page "$build" "$work" "$k" "$1" "$2")
    OMP_THREAD_LIMIT=1 tesseract "$img" - 2> /dev/null >> "$work/tesseract.txt" || true
    "$build/textmend" "$img" >> "$work/textmend.txt" 2> /dev/null || true
  done
  echo "== $1 $2"
  (cd "$work" && "$build/tools/eval/textmend_eval" --cer truth.txt tesseract.txt textmend.txt)
done
