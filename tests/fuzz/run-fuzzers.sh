#!/bin/sh
# Runs every fuzz target the build made (the list is the build's own fuzz-targets.txt) for a
# bounded time from the committed seed corpus (copied, so that what the fuzzer finds does not
# land in the source tree). Fails when the list or a target is missing, when a target exits
# non-zero (crash, leak, timeout, sanitizer report), or when it ran fewer than WORKBENCH_FUZZ_MIN_RUNS
# inputs (default 300: a target that dies or hangs before it fuzzes must not pass).
# Usage: tests/fuzz/run-fuzzers.sh <fuzz build folder> [seconds per target]
# Runs WORKBENCH_FUZZ_JOBS targets at a time (default: one per core).
set -eu
build=$1
seconds=${2:-60}
minimum=${WORKBENCH_FUZZ_MIN_RUNS:-300}
here=$(cd "$(dirname "$0")" && pwd)
list="$build/fuzz-targets.txt"
fail() {
    echo "run-fuzzers: FAIL: $*" >&2
    exit 1
}
[ -f "$list" ] || fail "no $list: configure and build the fuzz preset first (cmake --preset fuzz && cmake --build --preset fuzz)"
targets=$(grep -v '^$' "$list" || true)
[ -n "$targets" ] || fail "$list names no target"
for target in $targets; do
    [ -x "$build/bin/$target" ] || fail "$target is in $list but $build/bin/$target was not built"
done

work=$(mktemp -d)
# One target per core at a time (WORKBENCH_FUZZ_JOBS, default: the cores there are): each still
# fuzzes for its full time, the whole takes a fraction of it.
jobs=${WORKBENCH_FUZZ_JOBS:-$(nproc)}
case $jobs in
'' | *[!0-9]* | 0) fail "WORKBENCH_FUZZ_JOBS must be a positive number, not '$jobs'" ;;
esac
# The fuzzers run as this shell's own children, so that an interrupted run stops them.
pids=""
cleanup() {
    [ -z "$pids" ] || kill $pids 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
batch=""
# finish_batch: waits for each fuzzer of the batch and keeps its exit status.
finish_batch() {
    for started in $batch; do
        set +e
        wait "$(cat "$work/$started.pid")"
        echo $? >"$work/$started.status"
        set -e
    done
    batch=""
    pids=""
}
for target in $targets; do
    mkdir -p "$work/$target"
    cp "$here/corpus/$target/"* "$work/$target/"
    echo "=== $target: ${seconds} s from $(ls "$here/corpus/$target" | wc -l) seeds"
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        "$build/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
        -print_final_stats=1 -artifact_prefix="$work/$target-" "$work/$target" >"$work/$target.log" 2>&1 &
    echo $! >"$work/$target.pid"
    pids="$pids $!"
    batch="$batch $target"
    if [ "$(echo $batch | wc -w)" -ge "$jobs" ]; then
        finish_batch
    fi
done
finish_batch

for target in $targets; do
    echo "=== $target"
    status=$(cat "$work/$target.status" 2>/dev/null || echo "none")
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|.*Test unit written)" \
        "$work/$target.log" || true
    if ls "$work/$target-"* >/dev/null 2>&1; then
        mkdir -p "$build/fuzz-artifacts"
        echo "$target found a failing input (kept in $build/fuzz-artifacts):" >&2
        for artifact in "$work/$target-"*; do
            cp "$artifact" "$build/fuzz-artifacts/"
            echo "--- $(basename "$artifact"), $(wc -c <"$artifact") bytes; the target's report:" >&2
            "$build/bin/$target" "$artifact" 2>&1 | grep -v "^INFO\|^Running\|^Executed" | tail -25 >&2 || true
        done
        fail "$target"
    fi
    if [ "$status" != 0 ]; then
        tail -30 "$work/$target.log" >&2
        fail "$target exited with status $status"
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$work/$target.log" | tail -1)
    [ -n "$runs" ] || fail "$target printed no run count (did it start fuzzing?)"
    [ "$runs" -ge "$minimum" ] || fail "$target ran only $runs inputs in ${seconds} s (at least $minimum expected)"
done
echo "=== fuzzing: $(echo "$targets" | wc -l) targets, $jobs at a time, no crash, leak, timeout or sanitizer report"
