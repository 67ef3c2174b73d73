#!/bin/sh
# `replay --verify` on a damaged recording must exit 1 and say where the damage starts.
# usage: cli_expect_damage.sh <parsec-debugger> <damaged recording>
set -u
out=$("$1" replay "$2" --verify)
rc=$?
echo "$out"
echo "exit status $rc"
[ "$rc" -eq 1 ] || exit 1
echo "$out" | grep -Eq 'DAMAGED: damaged from byte [0-9]+ \(chunk [0-9]+\)' || exit 1
