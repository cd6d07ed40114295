#!/bin/sh
# Runs every fuzz target for a bounded time from the committed seed corpus (copied, so that what
# the fuzzer finds does not land in the source tree). Fails on any crash, leak, timeout or
# sanitizer report. Usage: tests/fuzz/run-fuzzers.sh <fuzz build folder> [seconds per target]
set -eu
build=$1
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for target in fuzz_otlp_protobuf fuzz_otlp_json fuzz_gzip fuzz_http_response fuzz_jsoncompact_stream fuzz_jsoncompact_row fuzz_sql_macros; do
    mkdir -p "$work/$target"
    cp "$here/corpus/$target/"* "$work/$target/"
    echo "=== $target: ${seconds} s from $(ls "$here/corpus/$target" | wc -l) seeds"
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        "$build/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
        -print_final_stats=1 -artifact_prefix="$work/$target-" "$work/$target" 2>&1 | \
        grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|.*Test unit written)" || true
    if ls "$work/$target-"* >/dev/null 2>&1; then
        mkdir -p "$build/fuzz-artifacts"
        echo "$target found a failing input (kept in $build/fuzz-artifacts):" >&2
        for artifact in "$work/$target-"*; do
            cp "$artifact" "$build/fuzz-artifacts/"
            echo "--- $(basename "$artifact"), $(wc -c < "$artifact") bytes; the target's report:" >&2
            "$build/bin/$target" "$artifact" 2>&1 | grep -v "^INFO\|^Running\|^Executed" | tail -25 >&2 || true
        done
        exit 1
    fi
done
echo "=== fuzzing: no crash, leak, timeout or sanitizer report"
