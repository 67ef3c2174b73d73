#!/bin/sh
# Builds the recording-decoder fuzzer with clang++-14 (libFuzzer + ASan + UBSan) and runs it for a
# bounded time. usage: run_record_fuzz.sh <source dir> <work dir> [total budget seconds]
# Exit 77 (CTest SKIP_RETURN_CODE) when clang++-14 is missing; non-zero on any finding.
set -eu
SRC=$1
WORK=$2
BUDGET=${3:-40}

CXX=$(command -v clang++-14 || true)
if [ -z "$CXX" ]; then
    echo "clang++-14 not found: skipping the record fuzzer"
    exit 77
fi

START=$(date +%s)
mkdir -p "$WORK/obj" "$WORK/corpus" "$WORK/artifacts"
FLAGS="-std=c++20 -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -I$SRC/engine"
# Only the codec and what it needs (the recording types are header-only beyond recording.cpp).
SOURCES="$SRC/engine/record/codec.cpp $SRC/engine/record/recording.cpp $SRC/engine/crypto/digest.cpp
         $SRC/tests/fuzz/record_fuzz.cpp $(ls "$SRC"/engine/core/*.cpp)"
HEADERS="$(ls "$SRC"/engine/record/*.hpp "$SRC"/engine/sim/*.hpp "$SRC"/engine/core/*.hpp)"
OBJS=""
PIDS=""
for f in $SOURCES; do
    o="$WORK/obj/$(basename "$f" .cpp).o"
    OBJS="$OBJS $o"
    stale=0
    [ -f "$o" ] || stale=1
    for d in "$f" $HEADERS; do [ "$d" -nt "$o" ] && stale=1; done
    if [ "$stale" = 1 ]; then
        $CXX $FLAGS -c "$f" -o "$o" &
        PIDS="$PIDS $!"
    fi
done
for p in $PIDS; do wait "$p"; done
$CXX -fsanitize=fuzzer,address,undefined $OBJS -lsodium -lcrypto -o "$WORK/record_fuzz"

cp "$SRC"/tests/fuzz/record_seeds/* "$WORK/corpus/"

ELAPSED=$(( $(date +%s) - START ))
FUZZ_TIME=$(( BUDGET - ELAPSED - 5 ))
[ "$FUZZ_TIME" -gt 30 ] && FUZZ_TIME=30
[ "$FUZZ_TIME" -lt 10 ] && FUZZ_TIME=10
echo "built in ${ELAPSED}s; fuzzing ${FUZZ_TIME}s"

set +e
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    "$WORK/record_fuzz" -max_total_time="$FUZZ_TIME" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -max_len=65536 -artifact_prefix="$WORK/artifacts/" "$WORK/corpus" >"$WORK/fuzz.log" 2>&1
rc=$?
set -e
grep -e '^Done' -e 'stat::' "$WORK/fuzz.log" || tail -n 30 "$WORK/fuzz.log"
if [ "$rc" -ne 0 ] || grep -q -e 'runtime error' -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' "$WORK/fuzz.log"; then
    tail -n 60 "$WORK/fuzz.log"
    echo "record fuzzer found a problem (exit $rc); full log: $WORK/fuzz.log, inputs in $WORK/artifacts"
    exit 1
fi
echo "record fuzzer: no findings"
