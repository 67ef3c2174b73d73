#!/bin/sh
# Builds the .dot fuzzer with clang++-14 (libFuzzer + ASan + UBSan) and runs it for a bounded time.
# usage: run_dot_fuzz.sh <source dir> <work dir> <reference graphs dir> [total budget seconds]
# Exit 77 (CTest SKIP_RETURN_CODE) when clang++-14 is missing; non-zero on any finding.
set -eu
SRC=$1
WORK=$2
GRAPHS=$3
BUDGET=${4:-85}

CXX=$(command -v clang++-14 || true)
if [ -z "$CXX" ]; then
    echo "clang++-14 not found: skipping the dot fuzzer"
    exit 77
fi

START=$(date +%s)
mkdir -p "$WORK/obj" "$WORK/corpus" "$WORK/artifacts"
FLAGS="-std=c++20 -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -I$SRC/engine"
# Only the format code and core: the rest of engine/dot needs the whole engine.
SOURCES="$SRC/engine/dot/dot_parser.cpp $SRC/engine/dot/dot_parser_meta.cpp $SRC/engine/dot/dot_text.cpp
         $SRC/engine/dot/dot_writer.cpp $SRC/tests/fuzz/dot_fuzz.cpp $(ls "$SRC"/engine/core/*.cpp)"
OBJS=""
PIDS=""
for f in $SOURCES; do
    o="$WORK/obj/$(basename "$f" .cpp).o"
    OBJS="$OBJS $o"
    $CXX $FLAGS -c "$f" -o "$o" &
    PIDS="$PIDS $!"
done
for p in $PIDS; do wait "$p"; done
$CXX -fsanitize=fuzzer,address,undefined $OBJS -o "$WORK/dot_fuzz"

# Seeds: the reference graphs if present, and always the small hand-made inputs.
if [ -d "$GRAPHS" ]; then
    find "$GRAPHS" -name '*.dot' | while read -r g; do
        cp "$g" "$WORK/corpus/ref_$(echo "$g" | cksum | cut -d' ' -f1).dot"
    done
fi
cp "$SRC"/tests/fuzz/seeds/*.dot "$WORK/corpus/"

ELAPSED=$(( $(date +%s) - START ))
FUZZ_TIME=$(( BUDGET - ELAPSED - 5 ))
[ "$FUZZ_TIME" -gt 60 ] && FUZZ_TIME=60
[ "$FUZZ_TIME" -lt 10 ] && FUZZ_TIME=10
echo "built in ${ELAPSED}s; fuzzing for ${FUZZ_TIME}s"

LOG="$WORK/fuzz.log"
set +e
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    "$WORK/dot_fuzz" -max_total_time="$FUZZ_TIME" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$WORK/artifacts/" "$WORK/corpus" >"$LOG" 2>&1
RC=$?
set -e
tail -n 25 "$LOG"
if [ "$RC" -ne 0 ] || grep -q -e 'runtime error' -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' "$LOG"; then
    echo "dot fuzzer found a problem (exit $RC); full log: $LOG, inputs in $WORK/artifacts"
    exit 1
fi
echo "dot fuzzer: no findings"
