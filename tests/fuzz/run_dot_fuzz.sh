#!/bin/sh
# Builds the .dot fuzzer with clang++-14 (libFuzzer + ASan + UBSan) and runs it for a bounded time.
# usage: run_dot_fuzz.sh <source dir> <work dir> <reference graphs dir> [total budget seconds]
# Exit 77 (CTest SKIP_RETURN_CODE) when clang++-14 is missing; non-zero on any finding.
set -eu
SRC=$1
WORK=$2
GRAPHS=$3
BUDGET=${4:-75}
. "$SRC/tests/fuzz/fuzz_lib.sh"

find_clang dot
START=$(date +%s)
# Only the format code and core: the rest of engine/dot needs the whole engine.
build_fuzzer dot_fuzz \
    "$SRC/engine/dot/dot_parser.cpp $SRC/engine/dot/dot_parser_meta.cpp $SRC/engine/dot/dot_text.cpp
     $SRC/engine/dot/dot_writer.cpp $SRC/tests/fuzz/dot_fuzz.cpp $(ls "$SRC"/engine/core/*.cpp)" \
    "$SRC/engine/dot/dot_file.hpp $SRC/engine/dot/dot_format_internal.hpp $(ls "$SRC"/engine/core/*.hpp)"

# Seeds: the reference graphs if present, and always the small hand-made inputs.
if [ -d "$GRAPHS" ]; then
    find "$GRAPHS" -name '*.dot' | while read -r g; do
        cp "$g" "$WORK/corpus/ref_$(echo "$g" | cksum | cut -d' ' -f1).dot"
    done
fi
cp "$SRC"/tests/fuzz/seeds/*.dot "$WORK/corpus/"

ELAPSED=$(( $(date +%s) - START ))
FUZZ_TIME=$(( BUDGET - ELAPSED - 5 ))
[ "$FUZZ_TIME" -gt 55 ] && FUZZ_TIME=55
[ "$FUZZ_TIME" -lt 12 ] && FUZZ_TIME=12
FULL_TIME=$(( FUZZ_TIME / 5 ))
echo "built in ${ELAPSED}s; fuzzing ${FULL_TIME}s on whole files, then $(( FUZZ_TIME - FULL_TIME ))s on inputs <= 8 KB"

# Phase 1 mutates whole reference graphs (slow, deep paths); phase 2 small inputs (fast, many runs).
run_phase dot_fuzz dot "$WORK/fuzz_full.log" "$FULL_TIME"
run_phase dot_fuzz dot "$WORK/fuzz_small.log" "$(( FUZZ_TIME - FULL_TIME ))" -max_len=8192
echo "dot fuzzer: no findings"
