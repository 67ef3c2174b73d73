#!/bin/sh
# Builds the .dot fuzzer with clang++-14 (libFuzzer + ASan + UBSan) and runs it for a bounded time.
# usage: run_dot_fuzz.sh <source dir> <work dir> <reference graphs dir> [total budget seconds]
# Exit 77 (CTest SKIP_RETURN_CODE) when clang++-14 is missing; non-zero on any finding.
set -eu
SRC=$1
WORK=$2
GRAPHS=$3
BUDGET=${4:-75}

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
HEADERS="$SRC/engine/dot/dot_file.hpp $SRC/engine/dot/dot_format_internal.hpp $(ls "$SRC"/engine/core/*.hpp)"
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
[ "$FUZZ_TIME" -gt 55 ] && FUZZ_TIME=55
[ "$FUZZ_TIME" -lt 12 ] && FUZZ_TIME=12
FULL_TIME=$(( FUZZ_TIME / 5 ))
echo "built in ${ELAPSED}s; fuzzing ${FULL_TIME}s on whole files, then $(( FUZZ_TIME - FULL_TIME ))s on inputs <= 8 KB"

# Phase 1 mutates whole reference graphs (slow, deep paths); phase 2 small inputs (fast, many runs).
run_phase() {  # <log> <seconds> [extra flags]
    log=$1
    secs=$2
    shift 2
    set +e
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
        "$WORK/dot_fuzz" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$WORK/artifacts/" "$@" "$WORK/corpus" >"$log" 2>&1
    rc=$?
    set -e
    grep -e '^Done' -e 'stat::' "$log" || tail -n 30 "$log"
    if [ "$rc" -ne 0 ] || grep -q -e 'runtime error' -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' "$log"; then
        tail -n 60 "$log"
        echo "dot fuzzer found a problem (exit $rc); full log: $log, inputs in $WORK/artifacts"
        exit 1
    fi
}
run_phase "$WORK/fuzz_full.log" "$FULL_TIME"
run_phase "$WORK/fuzz_small.log" "$(( FUZZ_TIME - FULL_TIME ))" -max_len=8192
echo "dot fuzzer: no findings"
