# Shared steps of the bounded libFuzzer runs (sourced by run_*_fuzz.sh after setting SRC, WORK):
# find clang++-14, build sources with libFuzzer + ASan + UBSan (rebuilding only stale objects), and
# run one fuzzing phase, failing on any crash, sanitizer report or leak.

# find_clang <what>: sets CXX, or exits 77 (CTest SKIP_RETURN_CODE) when clang++-14 is missing.
find_clang() {
    CXX=$(command -v clang++-14 || true)
    if [ -z "$CXX" ]; then
        echo "clang++-14 not found: skipping the $1 fuzzer"
        exit 77
    fi
    mkdir -p "$WORK/obj" "$WORK/corpus" "$WORK/artifacts"
}

# build_fuzzer <binary> "<sources>" "<headers a change of which rebuilds>" [extra link flags...]
build_fuzzer() {
    bin=$1
    sources=$2
    headers=$3
    shift 3
    flags="-std=c++20 -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -I$SRC/engine"
    objs=""
    pids=""
    for f in $sources; do
        o="$WORK/obj/$(basename "$f" .cpp).o"
        objs="$objs $o"
        stale=0
        [ -f "$o" ] || stale=1
        for d in "$f" $headers; do [ "$d" -nt "$o" ] && stale=1; done
        if [ "$stale" = 1 ]; then
            $CXX $flags -c "$f" -o "$o" &
            pids="$pids $!"
        fi
    done
    for p in $pids; do wait "$p"; done
    $CXX -fsanitize=fuzzer,address,undefined $objs "$@" -o "$WORK/$bin"
}

# run_phase <binary> <name> <log> <seconds> [libFuzzer flags...]: exits 1 on any finding.
run_phase() {
    bin=$1
    name=$2
    log=$3
    secs=$4
    shift 4
    set +e
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
        "$WORK/$bin" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$WORK/artifacts/" "$@" "$WORK/corpus" >"$log" 2>&1
    rc=$?
    set -e
    grep -e '^Done' -e 'stat::' "$log" || tail -n 30 "$log"
    if [ "$rc" -ne 0 ] || grep -q -e 'runtime error' -e 'ERROR: AddressSanitizer' -e 'ERROR: LeakSanitizer' "$log"; then
        tail -n 60 "$log"
        echo "$name fuzzer found a problem (exit $rc); full log: $log, inputs in $WORK/artifacts"
        exit 1
    fi
}
