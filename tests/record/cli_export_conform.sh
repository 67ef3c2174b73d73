#!/bin/sh
# Exports every node of a recording to .dot with the CLI (at its end and half way) and checks each
# dump with `parsec-debugger conform`. usage: cli_export_conform.sh <parsec-debugger> <recording> <work dir>
set -eu
BIN=$1
REC=$2
WORK=$3
mkdir -p "$WORK"
for node in Alice Bob Carol Dave; do
    "$BIN" export "$REC" --format dot --node "$node" -o "$WORK/$node.dot"
    "$BIN" export "$REC" --format dot --node "$node" --at 30 --branch 1 -o "$WORK/${node}_b1.dot"
done
"$BIN" conform "$WORK"/*.dot
