#!/usr/bin/env bash
# The OCR front end against the plain tesseract program, per kind of damage: passages of a
# clean text rendered as clean 300 dpi pages (text2image, DejaVu Sans, no degradation of its
# own), each degraded by build/tools/ocr/ocr_degrade (a tilted page, a page sideways or
# upside down, lit unevenly, blur, noise, a low
# resolution scan, a page scaled down with its stated resolution kept, JPEG artifacts;
# OCR_EVAL_DAMAGES="kind amount|kind,kind amount,amount" picks others, the second several
# damages one after another), then read by `tesseract IMG -` (default settings, one
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
  t_tess=0 t_tm=0 gave_up=0
  for k in $(seq "$n"); do
    img=$(damaged_page "$build" "$work" "$k" "$1" "$2")
    # (Given at most OCR_EVAL_TIMEOUT seconds a page, default 600: on heavy noise the
    # program can take many minutes, and what it gives up on counts as read as nothing.)
    s=$(date +%s%N)
    if ! OMP_THREAD_LIMIT=1 timeout "${OCR_EVAL_TIMEOUT:-600}" tesseract "$img" - 2> /dev/null \
      >> "$work/tesseract.txt"; then gave_up=$((gave_up + 1)); fi
    m=$(date +%s%N)
    "$build/textmend" "$img" >> "$work/textmend.txt" 2> /dev/null || true
    e=$(date +%s%N)
    t_tess=$((t_tess + m - s)) t_tm=$((t_tm + e - m))
  done
  echo "== $1 $2"
  (cd "$work" && "$build/tools/eval/textmend_eval" --cer truth.txt tesseract.txt textmend.txt)
  awk -v a="$t_tess" -v b="$t_tm" -v n="$n" -v g="$gave_up" 'BEGIN {
    printf "seconds a page: tesseract %.1f%s, textmend %.1f\n", a / n / 1e9,
      g ? " (" g " stopped at the time limit)" : "", b / n / 1e9 }'
done
