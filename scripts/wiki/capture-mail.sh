#!/bin/sh
# PHP's sendmail_path for the local wikis: every message the wiki sends becomes one file in the
# folder given as $1, named so that a plain sort lists them in the order they were sent.
set -e
dir="$1"
mkdir -p "$dir"
tmp="$dir/.incoming-$$"
cat > "$tmp"
mv "$tmp" "$dir/$(date +%s%N)-$$.eml"
