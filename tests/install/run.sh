#!/usr/bin/env bash
# Installs the build into a temporary prefix and builds a consumer against it, once through
# the CMake package and once through pkg-config. Usage: run.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
test -f "$prefix/share/man/man1/textmend.1"
test -x "$prefix/bin/textmend"
# The installed CLI finds its OCR module and dictionaries by itself, even with the install
# moved elsewhere, and not the build tree's (TEXTMEND_OCR_MODULE unset, build tree gone
# from its view: the copy runs from another directory).
moved=$(mktemp -d)
trap 'rm -rf "$prefix" "$moved"' EXIT
cp -r "$prefix/." "$moved/"
page=$(cd "$here/../data/ocr" && pwd)/harbour.tif
for root in "$prefix" "$moved"; do
  out=$(env -u TEXTMEND_OCR_MODULE "$root/bin/textmend" "$page")
  case "$out" in
    "Harbour repairs begin in March"*) ;;
    *) echo "installed textmend in $root read the page as: $out"; exit 1 ;;
  esac
done
expected=$(printf 'final\n1')

cmake -S "$here/consumer" -B "$prefix/consumer-build" -DCMAKE_PREFIX_PATH="$prefix" > /dev/null
cmake --build "$prefix/consumer-build" > /dev/null
got=$(printf '\xef\xac\x81nal\n' | "$prefix/consumer-build/consumer")
[ "$got" = "$expected" ] || { echo "find_package consumer printed: $got"; exit 1; }

PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib/$(gcc -print-multiarch)/pkgconfig" \
  g++ -std=c++20 "$here/consumer/main.cc" -o "$prefix/pc-consumer" \
  $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib/$(gcc -print-multiarch)/pkgconfig" pkg-config --cflags --libs textmend)
got=$(printf '\xef\xac\x81nal\n' | "$prefix/pc-consumer")
[ "$got" = "$expected" ] || { echo "pkg-config consumer printed: $got"; exit 1; }
echo "installed package works through find_package and pkg-config"
