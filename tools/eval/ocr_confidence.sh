#!/usr/bin/env bash
# How sure Tesseract was of the words it read right and of those it misread, and of the
# words textmend's word stage corrected: the measurement behind the word stage's use of
# Tesseract's confidences (kSureReading in src/words/words_stage.cc). Passages of a clean
# text are rendered and degraded as tools/eval/ocr_eval.sh does; each page is read with
# `textmend --format=tsv` (Tesseract's words and confidences, as read) and repaired by
# `textmend --report` (the word stage's changes). Per band of confidence it prints the
# words read, those misread (not in the passage as written), and the word stage's
# corrections: right (the new word is in the passage, the old one is not), damaging (the
# old word is in the passage), or neither (a misreading made another wrong word).
#
# Usage: tools/eval/ocr_confidence.sh [--build DIR] [--pages N] [--skip K] FILE
# OCR_EVAL_DAMAGES="kind amount|kind amount" picks the damages (ocr_eval.sh's kinds).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build="$here/build" pages=6 skip=0
while [ $# -gt 1 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    --skip) skip=$2; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--pages N] [--skip K] FILE" >&2; exit 2 ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: $0 [options] FILE" >&2; exit 2; }
text=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/tools/eval/pages.sh"
render_pages "$text" 1200 "$skip" "$pages" "$work"
damages=${OCR_EVAL_DAMAGES:-"none 0|blur 3|blur 4|blur 5|noise 40|lowres 60|lowres 75|jpeg 10"}
IFS='|' read -r -a damage_list <<< "$damages"
: > "$work/all"
for damage in "${damage_list[@]}"; do
  set -- $damage
  for k in $(seq "$n"); do
    img=$(damaged_page "$build" "$work" "$k" "$1" "$2")
    "$build/textmend" --format=tsv "$img" > "$work/tsv" 2> /dev/null || true
    "$build/textmend" --report="$work/report" "$img" > /dev/null 2>&1 || true
    # One line per word as read: W <confidence> <word>; per correction: C <before> <after>;
    # then the passage: T <text>.
    awk -F'\t' '$1 == 5 && $12 != "" { print "W", $11, $12 }' "$work/tsv" >> "$work/all"
    perl -ne 'print "C $1 $2\n" if /"before":"([^"]*)","after":"([^"]*)","stage":"words"/' \
      "$work/report" >> "$work/all"
    printf 'T %s\n' "$(cat "$work/p$k.txt")" >> "$work/all"
  done
done
echo "Tesseract's confidence: $n pages of $(basename "$text") x ${#damage_list[@]} damages"
perl -CSD -e '
  my @bands = (0, 0.3, 0.5, 0.7, 0.85, 0.93, 1.01);
  my (%words, %misread, %fixed, %right, %damaged);
  my (@page, @fixes);
  sub band { my $c = shift; for my $i (0 .. $#bands - 1) { return $i if $c < $bands[$i + 1] } $#bands - 1 }
  sub norm { my $w = lc shift; $w =~ s/\x{2019}/\x27/g; $w =~ s/^[^\w\x27]+|[^\w\x27]+$//g; $w }
  while (<>) {
    chomp;
    my ($kind, @rest) = split / /, $_, 3;
    if ($kind eq "W") { push @page, [$rest[0] / 100, $rest[1]] }
    elsif ($kind eq "C") { push @fixes, [@rest] }
    else {
      my %truth = map { norm($_) => 1 } split /\s+/, substr($_, 2);
      for my $w (@page) {
        my $b = band($w->[0]);
        $words{$b}++;
        $misread{$b}++ unless $truth{norm($w->[1])};
      }
      for my $f (@fixes) {
        my ($read) = grep { index($_->[1], $f->[0]) >= 0 } @page;
        my $b = defined $read ? band($read->[0]) : -1;
        $fixed{$b}++;
        $right{$b}++ if $truth{norm($f->[1])} && !$truth{norm($f->[0])};
        $damaged{$b}++ if $truth{norm($f->[0])};
      }
      @page = (); @fixes = ();
    }
  }
  printf "%-12s %8s %8s %10s %8s %8s\n", "confidence", "words", "misread", "corrected",
    "right", "damaged";
  for my $b (0 .. $#bands - 1) {
    printf "%4.2f..%-6.2f %8d %8d %10d %8d %8d\n", $bands[$b],
      $bands[$b + 1] > 1 ? 1 : $bands[$b + 1], $words{$b} // 0, $misread{$b} // 0,
      $fixed{$b} // 0, $right{$b} // 0, $damaged{$b} // 0;
  }
  printf "%-12s %8s %8s %10d %8d %8d\n", "(not found)", "", "", $fixed{-1} // 0,
    $right{-1} // 0, $damaged{-1} // 0 if $fixed{-1};
' "$work/all"
