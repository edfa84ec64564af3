# Page images for the OCR evaluations (sourced by ocr_eval.sh and ocr_confidence.sh).
#
# render_pages FILE CHARS SKIP PAGES WORK: passages of FILE (its words refolded into lines of
# at most CHARS characters; PAGES of them after the first SKIP) as WORK/p<k>.txt, each rendered
# as a clean 300 dpi page WORK/page<k>.tif (text2image, DejaVu Sans 11 pt, no degradation of
# its own). Sets n to the number of pages.
render_pages() {
  local file=$1 chars=$2 skip=$3 pages=$4 work=$5 passage
  tr -s ' \n\t' ' ' < "$file" | fold -s -w "$chars" | sed -n "$((skip + 1)),$((skip + pages))p" \
    > "$work/passages"
  n=0
  while IFS= read -r passage; do
    n=$((n + 1))
    printf '%s\n' "$passage" > "$work/p$n.txt"
    # (Its fontconfig file goes to WORK, not the current directory.)
    text2image --text "$work/p$n.txt" --outputbase "$work/page$n" --font "DejaVu Sans" \
      --fontconfig_tmpdir "$work" \
      --fonts_dir /usr/share/fonts/truetype/dejavu --resolution 300 --ptsize 11 \
      --degrade_image=false > /dev/null 2>&1
  done < "$work/passages"
}

# damaged_page BUILD WORK K KIND AMOUNT: page K degraded by BUILD/tools/ocr/ocr_degrade (KIND
# none: the clean page itself); prints the image's path. Several damages one after another:
# KIND and AMOUNT as comma-separated lists (lowres,noise 100,40: a 100 dpi scan with noise).
damaged_page() {
  local build=$1 work=$2 k=$3 kind=$4 amount=$5 img from="$work/page$k.tif" i
  local kinds amounts
  IFS=, read -r -a kinds <<< "$kind"
  IFS=, read -r -a amounts <<< "$amount"
  if [ "$kind" = none ]; then printf '%s\n' "$from"; return; fi
  for i in "${!kinds[@]}"; do
    img="$work/d$k-$i.png"; [ "${kinds[$i]}" = jpeg ] && img="$work/d$k-$i.jpg"
    "$build/tools/ocr/ocr_degrade" "$from" "$img" "${kinds[$i]}" "${amounts[$i]}" >&2
    from=$img
  done
  printf '%s\n' "$img"
}
