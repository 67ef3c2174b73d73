#!/bin/sh
# Every recording shipped in recordings/ replays bit for bit (replay --verify: checksums, every
# event hash, block and checkpoint), and the mock-identity one exported to a reference dump
# passes our conformance check. A change to the engine or the simulator that alters any hash
# fails here: re-record the samples deliberately (see recordings/README.md).
set -eu
app="$1"
dir="$2"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
count=0
for f in "$dir"/*.pcrec; do
  "$app" replay --verify "$f" > "$out/replay.txt" || { cat "$out/replay.txt"; echo "FAIL: $f"; exit 1; }
  count=$((count + 1))
done
[ "$count" -ge 1 ] || { echo "no recordings in $dir"; exit 1; }
for node in Alice Bob Carol Dave; do
  "$app" export "$dir/mock_ids_for_dot_export.pcrec" --format dot --node "$node" -o "$out/$node.dot"
done
"$app" conform "$out"/*.dot
echo "$count recordings replayed"
