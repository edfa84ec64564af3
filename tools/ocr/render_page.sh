#!/usr/bin/env bash
# Renders a text file as a clean 300 dpi page image (bi-level TIFF, Group 4) with
# text2image (from tesseract-ocr, which tools/setup.sh installs) and the DejaVu Sans
# font: the project's own test pages, reproducible from their text.
# Usage: tools/ocr/render_page.sh TEXT OUTBASE   (writes OUTBASE.tif)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 TEXT OUTBASE" >&2; exit 2; }
# (text2image writes a fontconfig file: into a directory of its own, not the
# current one.)
conf=$(mktemp -d)
trap 'rm -rf "$conf"' EXIT
text2image --text="$1" --outputbase="$2" --font="DejaVu Sans" --fontconfig_tmpdir="$conf" \
  --fonts_dir=/usr/share/fonts/truetype/dejavu --ptsize=12 --resolution=300 \
  --xsize=2550 --ysize=1200 --margin=100 > /dev/null 2>&1
rm -f "$2.box"
echo "$2.tif"
