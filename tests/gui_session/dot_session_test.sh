#!/usr/bin/env bash
# GUI test: open a reference dump in the real app under Xvfb, select an event, and check that
# the meta-votes the app shows equal the dump's own annotation for that event (spec §9.3).
# Usage: dot_session_test.sh EXE DOT_FILE EVENT OUT_DIR
set -u
exe=$1; dot=$2; event=$3; out=$4
command -v xvfb-run >/dev/null || { echo "SKIP: xvfb-run missing"; exit 77; }
[ -f "$dot" ] || { echo "SKIP: $dot not found"; exit 77; }
mkdir -p "$out"
# Expected, from the reference file: rows "X: r/s   e   b   a   d" inside "EVENT -> {".
expected=$(awk -v ev="///   $event -> {" '
  $0 == ev {inside=1; next}
  inside && /^\/\/\/   }/ {exit}
  inside && /^\/\/\/ +[A-Za-z0-9]+: [0-9]+\/[0-9]/ {
    line=$0; sub(/^\/\/\/ +/, "", line); split(line, f, /[: ]+/)
    key=f[1]; v=f[2] f[3] f[4] f[5] f[6]
    had = (key in votes); old = votes[key]
    votes[key] = had ? old "|" v : v; last=key; next }
  inside && /^\/\/\/ +[0-9]+\/[0-9]/ {
    line=$0; sub(/^\/\/\/ +/, "", line); split(line, f, / +/)
    votes[last] = votes[last] "|" f[1] f[2] f[3] f[4] f[5] }
  END { for (k in votes) print k "=" votes[k] }' "$dot" | LC_ALL=C sort | paste -sd';')
[ -n "$expected" ] || { echo "FAIL: no meta-votes for $event in $dot"; exit 1; }
script="$out/select.script"
printf 'open %s\nselect %s\npanel Event\nframes 3\n' "$dot" "$event" > "$script"
state=$(timeout 60 xvfb-run -a -s "-screen 0 1600x900x24" "$exe" gui --script "$script" \
        --screenshot "$out/select.png" 2>"$out/stderr.txt" | grep '^STATE')
got=$(echo "$state" | grep -o 'selected_votes=[^ ]*' | cut -d= -f2-)
name=$(echo "$state" | grep -o 'selected_name=[^ ]*' | cut -d= -f2-)
echo "expected: $expected"
echo "got:      $got"
[ "$name" = "$event" ] || { echo "FAIL: selected '$name', wanted $event"; exit 1; }
[ "$got" = "$expected" ] || { echo "FAIL: meta-votes differ"; exit 1; }
[ -s "$out/select.png" ] || { echo "FAIL: no screenshot"; exit 1; }
echo "PASS"
