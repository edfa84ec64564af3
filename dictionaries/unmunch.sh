#!/bin/sh
# Expands a hunspell dictionary into all its word forms: unmunch DIC AFF > OUT.
# unmunch reports its progress on stderr, which the build does not need.
set -e
unmunch "$1" "$2" > "$3.tmp" 2>/dev/null
mv "$3.tmp" "$3"
