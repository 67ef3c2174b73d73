#!/usr/bin/env bash
# Replays every reference dump through our engine (spec §10). Skips (exit 77) when the
# reference graphs are absent, as on a machine without ../shared.
set -u
exe=$1
dir=$2
if [ ! -d "$dir" ]; then
  echo "SKIP: reference graphs not found at $dir"
  exit 77
fi
mapfile -t files < <(find "$dir" -name '*.dot' | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "SKIP: no .dot files under $dir"
  exit 77
fi
"$exe" conform "${files[@]}"
