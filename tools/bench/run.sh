#!/usr/bin/env bash
# textmend's speed and memory benchmark. Measures, in one run on the same files:
#   - throughput (MB/s, median of R runs, by the wall clock and by CPU time) of cat,
#     iconv -f utf-8 -t utf-8 and textmend
#     (all default stages, and without the word or name stage) on clean English
#     news, and of textmend on text with damage (misread words, character damage,
#     mojibake) and on clean text in 12 languages;
#   - peak memory (max RSS) of textmend on that file and on 1 GB with no newline at all;
#   - start-up time (median over many runs on empty input).
#   - pages per second of page images (letter-size pages of the corpus rendered at 300 dpi
#     by text2image, with its own scan noise): the tesseract program with one OpenMP thread,
#     textmend -j 1 and -j 2 (median of --ocr-runs runs);
# Usage: tools/bench/run.sh [--corpus DIR] [--build DIR] [--mb N] [--runs R] [--skip-1g]
#                           [--ocr-pages N] [--ocr-runs R] [--skip-ocr]
# DIR defaults to ../shared/data/corpus beside the checkout; any directory of UTF-8 .txt works.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$here/../shared/data/corpus"
build="$here/build"
target_mb=100
runs=5
skip_1g=0
ocr_pages=8 ocr_runs=3 skip_ocr=0
while [ $# -gt 0 ]; do
  case "$1" in
    --ocr-pages) ocr_pages=$2; shift 2 ;;
    --ocr-runs) ocr_runs=$2; shift 2 ;;
    --skip-ocr) skip_ocr=1; shift ;;
    --corpus) corpus=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --mb) target_mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --skip-1g) skip_1g=1; shift ;;
    *) echo "usage: $0 [--corpus DIR] [--build DIR] [--mb N] [--runs R] [--skip-1g] [--ocr-pages N] [--ocr-runs R] [--skip-ocr]" >&2; exit 2 ;;
  esac
done
tm="$build/textmend"
[ -x "$tm" ] || { echo "no $tm: build first" >&2; exit 2; }
ls "$corpus"/*.txt >/dev/null 2>&1 || { echo "no .txt files in $corpus" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clean="$work/clean.txt"
# Repeat the corpus up to the target size.
while [ "$(stat -c %s "$clean" 2>/dev/null || echo 0)" -lt $((target_mb * 1000000)) ]; do
  cat "$corpus"/*.txt >> "$clean"
done
bytes=$(stat -c %s "$clean")
# The same text with damage on 5% of lines: a ligature, a decomposed accent, a stray
# zero-width space and a control byte, as copy-paste from PDFs and web pages leaves them.
damaged="$work/damaged.txt"
awk 'NR % 20 == 0 { sub(/fi/, "\xef\xac\x81"); sub(/ e/, " e\xcc\x81"); sub(/ the /, " the\xe2\x80\x8b ");
     $0 = $0 "\x01" } { print }' "$clean" > "$damaged"
dbytes=$(stat -c %s "$damaged")
# The same text with mojibake on 5% of lines: each such line's UTF-8 bytes read as latin-1
# (perl is part of every Debian system).
mojibake="$work/mojibake.txt"
perl -pe 'if ($. % 20 == 0) { $_ = join "", map { chr } unpack "C*", $_; utf8::encode($_) }' \
  "$clean" > "$mojibake"
mbytes=$(stat -c %s "$mojibake")
# Clean text in 12 languages and scripts (the project's own test text), repeated to 20 MB:
# the encoding stage reads every non-ASCII line of it.
multi="$work/multilingual.txt"
while [ "$(stat -c %s "$multi" 2>/dev/null || echo 0)" -lt 20000000 ]; do
  cat "$here/tests/data/multilingual-clean.txt" >> "$multi"
done
multibytes=$(stat -c %s "$multi")

# 10 MB of the same text with OCR-like misreadings in 5% of its words (rn for m, c for e,
# cl for d, li for h, a dropped letter), for the word stage.
noisy="$work/noisy.txt"
head -c 10000000 "$clean" | perl -pe 'BEGIN { srand(7) }
  s{\b([a-z]{3,})\b}{ my $w = $1; if (rand() < 0.05) { my $k = int(rand(5));
    if ($k == 0) { $w =~ s/m/rn/ } elsif ($k == 1) { $w =~ s/e/c/ } elsif ($k == 2) { $w =~ s/d/cl/ }
    elsif ($k == 3) { $w =~ s/h/li/ } else { substr($w, int(rand(length $w)), 1) = "" } } $w }ge' > "$noisy"
nbytes=$(stat -c %s "$noisy")

# median of the numbers on stdin
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# throughput NAME BYTES CMD...: runs CMD (stdin, stdout redirected by the caller's words)
# R times; prints "WALL | CPU": the medians of MB/s by the wall clock and by CPU time (user
# + system of CMD and its children, from /usr/bin/time, 10 ms resolution: "-" below 50 ms).
# On a shared machine the wall clock also counts time the process waited for a core; CPU
# time does not, so it moves less from one sitting to the next.
throughput() {
  local size=$2; shift 2
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    local s=$(date +%s%N)
    local cpu=$(/usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1)
    local e=$(date +%s%N)
    walls+=("$(echo "$size $s $e" | awk '{ printf "%.1f", $1 / (($3 - $2) / 1e9) / 1e6 }')")
    cpus+=("$(echo "$size $cpu" | awk '{ t = $2 + $3; if (t < 0.05) print "-"; else printf "%.1f", $1 / t / 1e6 }')")
  done
  local wall=$(printf '%s\n' "${walls[@]}" | median)
  local cpu=$(printf '%s\n' "${cpus[@]}" | grep -v -- - | median)
  [ -n "$cpu" ] && [ "$(printf '%s\n' "${cpus[@]}" | grep -c -- -)" -le $((runs / 2)) ] || cpu="-"
  echo "$wall | $cpu"
}
# The wall-clock figure of a throughput line.
wall_of() { echo "${1%% |*}"; }

cat "$clean" > /dev/null  # warm the page cache
echo "textmend benchmark: $(nproc) cores, $(date -u +%Y-%m-%d), input $((bytes / 1000000)) MB of $(basename "$corpus") text, median of $runs runs"
echo
echo "| command | input | MB/s | MB/s by CPU time |"
echo "| --- | --- | --- | --- |"
cat_mbps=$(throughput cat "$bytes" sh -c "cat < '$clean' > /dev/null")
iconv_mbps=$(throughput iconv "$bytes" sh -c "iconv -f utf-8 -t utf-8 < '$clean' > /dev/null")
tm_mbps=$(throughput textmend "$bytes" sh -c "'$tm' < '$clean' > /dev/null")
tm_noisy=$(throughput textmend "$nbytes" sh -c "'$tm' < '$noisy' > /dev/null")
tm_multi=$(throughput textmend "$multibytes" sh -c "'$tm' < '$multi' > /dev/null")
tm_nonames=$(throughput textmend "$bytes" sh -c "'$tm' --no-names < '$clean' > /dev/null")
tm_nowords=$(throughput textmend "$bytes" sh -c "'$tm' --no-words < '$clean' > /dev/null")
tm_chars=$(throughput textmend "$bytes" sh -c "'$tm' --no-words --no-names < '$clean' > /dev/null")
tm_damaged=$(throughput textmend "$dbytes" sh -c "'$tm' --no-words --no-names < '$damaged' > /dev/null")
tm_mojibake=$(throughput textmend "$mbytes" sh -c "'$tm' --no-words --no-names < '$mojibake' > /dev/null")
tm_multi_chars=$(throughput textmend "$multibytes" sh -c "'$tm' --no-words --no-names < '$multi' > /dev/null")
tm_multi_noenc=$(throughput textmend "$multibytes" sh -c "'$tm' --no-words --no-names --no-encoding < '$multi' > /dev/null")
echo "| cat | clean | $cat_mbps |"
echo "| iconv -f utf-8 -t utf-8 | clean | $iconv_mbps |"
echo "| textmend (all default stages) | clean | $tm_mbps |"
echo "| textmend (all default stages) | 5% of words misread (10 MB) | $tm_noisy |"
echo "| textmend (all default stages) | clean, 12 languages (20 MB) | $tm_multi |"
echo "| textmend --no-names (word stage, no name stage) | clean | $tm_nonames |"
echo "| textmend --no-words (name stage, no word stage) | clean | $tm_nowords |"
echo "| textmend --no-words --no-names (character stages) | clean | $tm_chars |"
echo "| textmend --no-words --no-names | 5% of lines damaged | $tm_damaged |"
echo "| textmend --no-words --no-names | 5% of lines mojibake (UTF-8 read as latin-1) | $tm_mojibake |"
echo "| textmend --no-words --no-names | clean, 12 languages (20 MB) | $tm_multi_chars |"
echo "| textmend --no-words --no-names --no-encoding | clean, 12 languages (20 MB) | $tm_multi_noenc |"
echo
awk -v a="$(wall_of "$tm_mbps")" -v c="$(wall_of "$tm_chars")" -v b="$(wall_of "$iconv_mbps")" 'BEGIN {
  printf "textmend / iconv on clean text: %.2fx (character stages alone: %.2fx)\n", a / b, c / b }'

# Zero changes by the character stages on clean text, checked on the benchmark input itself
# (the word and name stages change the corpus's own misspellings and variant names: see
# tools/eval --clean).
if "$tm" --no-words --no-names --check "$clean" > /dev/null 2>&1; then echo "clean input, character stages: 0 changes"; else echo "clean input, character stages: CHANGED"; fi

rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
echo "peak memory, clean file: $(( $(rss "$tm" "$clean") / 1024 )) MB, the mapped lexicon included (character stages alone: $(( $(rss "$tm" --no-words --no-names "$clean") / 1024 )) MB)"
if [ "$skip_1g" = 0 ]; then
  # 1 GB with no newline at all: corpus text with newlines turned into spaces, fed through a
  # FIFO so that the figure is textmend's own peak RSS.
  head -c 4000000 "$clean" | tr '\n' ' ' > "$work/noline"
  mkfifo "$work/fifo"
  ( for _ in $(seq 250); do cat "$work/noline"; done > "$work/fifo" ) &
  peak=$(/usr/bin/time -f %M "$tm" < "$work/fifo" 2>&1 > /dev/null | tail -1)
  wait
  echo "peak memory, 1 GB without a newline: $(( peak / 1024 )) MB"
fi

# Start-up: many runs on empty input.
for _ in $(seq 7); do
  s=$(date +%s%N)
  for _ in $(seq 50); do "$tm" < /dev/null > /dev/null; done
  e=$(date +%s%N)
  echo "$s $e" | awk '{ printf "%.2f\n", ($2 - $1) / 50 / 1e6 }'
done | median | awk '{ print "start-up (empty input): " $1 " ms" }'

# Page images: pages/s of the tesseract program (one OpenMP thread, as textmend runs it)
# against textmend reading the same pages (its preprocessing, Tesseract through the API,
# then the repair stages), one page after another and two at a time.
if [ "$skip_ocr" = 0 ] && command -v text2image > /dev/null && command -v tesseract > /dev/null; then
  pages="$work/pages"
  mkdir -p "$pages"
  tr -s ' \n\t' ' ' < "$clean" | fold -s -w 2400 | sed -n "1,${ocr_pages}p" > "$pages/passages"
  n=0
  while IFS= read -r passage; do
    n=$((n + 1))
    printf '%s\n' "$passage" > "$pages/p$n.txt"
    text2image --text "$pages/p$n.txt" --outputbase "$pages/page$n" --font "DejaVu Serif" \
      --fontconfig_tmpdir "$pages" \
      --fonts_dir /usr/share/fonts --resolution 300 --ptsize 10 --xsize 2550 --ysize 3300 \
      --margin 150 > /dev/null 2>&1
  done < "$pages/passages"
  imgs=$(ls "$pages"/page*.tif)
  pps() {  # pages/s of CMD over the pages, median of the OCR runs
    for _ in $(seq "$ocr_runs"); do
      local s=$(date +%s%N)
      "$@" > /dev/null 2>&1
      local e=$(date +%s%N)
      echo "$n $s $e" | awk '{ printf "%.3f\n", $1 / (($3 - $2) / 1e9) }'
    done | median
  }
  tess=$(pps sh -c "for i in $(echo $imgs); do OMP_THREAD_LIMIT=1 tesseract \$i - ; done")
  tm1=$(pps "$tm" -j 1 $imgs)
  tm2=$(pps "$tm" -j 2 $imgs)
  echo
  echo "| command | $n letter-size pages, 300 dpi | pages/s |"
  echo "| --- | --- | --- |"
  echo "| OMP_THREAD_LIMIT=1 tesseract PAGE - (each page) | | $tess |"
  echo "| textmend -j 1 PAGES | | $tm1 |"
  echo "| textmend -j 2 PAGES | | $tm2 |"
  awk -v t="$tess" -v a="$tm1" -v b="$tm2" 'BEGIN {
    d = (t / a - 1) * 100
    printf "textmend -j 1 takes %.1f%% %s time per page than tesseract; -j 2 gives %.2fx the pages/s of -j 1\n", d < 0 ? -d : d, d < 0 ? "less" : "more", b / a }'
  echo "peak memory, textmend -j 2 on the pages: $(( $(rss "$tm" -j 2 $imgs) / 1024 )) MB"
fi
