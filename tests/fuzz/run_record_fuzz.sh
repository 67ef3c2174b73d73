#!/bin/sh
# Builds the recording-decoder fuzzer with clang++-14 (libFuzzer + ASan + UBSan) and runs it for a
# bounded time. usage: run_record_fuzz.sh <source dir> <work dir> [total budget seconds]
# Exit 77 (CTest SKIP_RETURN_CODE) when clang++-14 is missing; non-zero on any finding.
set -eu
SRC=$1
WORK=$2
BUDGET=${3:-40}
. "$SRC/tests/fuzz/fuzz_lib.sh"

find_clang record
START=$(date +%s)
# Only the codec and what it needs (the recording types are header-only beyond recording.cpp).
build_fuzzer record_fuzz \
    "$SRC/engine/record/codec.cpp $SRC/engine/record/recording.cpp $SRC/engine/crypto/digest.cpp
     $SRC/tests/fuzz/record_fuzz.cpp $(ls "$SRC"/engine/core/*.cpp)" \
    "$(ls "$SRC"/engine/record/*.hpp "$SRC"/engine/sim/*.hpp "$SRC"/engine/core/*.hpp)" \
    -lsodium -lcrypto

cp "$SRC"/tests/fuzz/record_seeds/* "$WORK/corpus/"

ELAPSED=$(( $(date +%s) - START ))
FUZZ_TIME=$(( BUDGET - ELAPSED - 5 ))
[ "$FUZZ_TIME" -gt 30 ] && FUZZ_TIME=30
[ "$FUZZ_TIME" -lt 10 ] && FUZZ_TIME=10
echo "built in ${ELAPSED}s; fuzzing ${FUZZ_TIME}s"

run_phase record_fuzz record "$WORK/fuzz.log" "$FUZZ_TIME" -max_len=65536
echo "record fuzzer: no findings"
