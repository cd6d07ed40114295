#!/bin/sh
# `record` from a terminal: with --no-store it needs no ClickHouse; the OpenTelemetry JS
# exporters' requests (protobuf gzip and JSON) posted to it land in a gzip capture of six
# OpenTelemetry file-format lines, its JSON summary counts every record, and Ctrl-C ends it with
# exit code 0. Wrong command lines get exit code 2.
# Usage: record-cli.sh <automagik-workbench> <scratch folder> <fixtures folder>
set -eu
binary=$1
scratch=$2
fixtures=$3/otlp-from-opentelemetry-js
rm -rf "$scratch"
mkdir -p "$scratch"
. "$(dirname "$0")/stack-lib.sh"
command -v curl >/dev/null || fail "curl is missing: run packaging/install-deps.sh"

set +e
"$binary" record --otlp-port 0 >/dev/null 2>"$scratch/usage.err"
code=$?
set -e
[ $code -eq 2 ] && grep -q -- "--out FILE is required" "$scratch/usage.err" || fail "record without --out: exit $code"
echo "ok: record without --out is a usage error (exit 2)"

"$binary" record --out "$scratch/capture.jsonl.gz" --no-store --otlp-port 0 --json \
    >"$scratch/record.out" 2>"$scratch/record.err" &
recorder=$!
trap 'kill $recorder 2>/dev/null || true' EXIT
wait_for_state $recorder "$scratch/record" recording 30
url=$(sed -n 's/.*"otlp_url":"\([^"]*\)".*/\1/p' "$scratch/record.out")

post() { # post <folder> <file> <content type> [content encoding]
    path=$(sed -n 's/.*"path": *"\([^"]*\)".*/\1/p' "$fixtures/$1/$2.meta.json")
    if [ $# -eq 4 ]; then
        code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Content-Type: $3" -H "Content-Encoding: $4" \
            --data-binary @"$fixtures/$1/$2.body" "$url$path")
    else
        code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Content-Type: $3" \
            --data-binary @"$fixtures/$1/$2.body" "$url$path")
    fi
    [ "$code" = 200 ] || fail "$1/$2 to $url$path: HTTP $code"
}
for name in 001_v1_logs 002_v1_traces 003_v1_metrics; do
    post proto-gzip $name application/x-protobuf gzip
    post json-none $name application/json
done
echo "ok: six requests of the OpenTelemetry JS exporters taken"

kill -INT $recorder
wait $recorder || fail "record exited $? after Ctrl-C: $(cat "$scratch/record.err")"
summary=$(tail -n 1 "$scratch/record.out")
for expected in '"spans":4' '"metric_points":10' '"logs":12' '"lines":6' '"state":"stopped"'; do
    printf '%s' "$summary" | grep -q "$expected" || fail "summary lacks $expected: $summary"
done
echo "ok: the summary counts 4 spans, 10 metric points and 12 logs in 6 lines"

lines=$(gzip -dc "$scratch/capture.jsonl.gz" | wc -l)
[ "$lines" -eq 6 ] || fail "the capture holds $lines lines"
kinds=$(gzip -dc "$scratch/capture.jsonl.gz" | cut -c1-17 | sort | uniq -c | awk '{print $1, $2}' | tr '\n' ' ')
[ "$kinds" = '2 {"resourceLogs":[ 2 {"resourceMetrics 2 {"resourceSpans": ' ] || fail "capture lines: $kinds"
echo "ok: the capture is gzip JSON Lines, two lines of each signal"
echo "record CLI: all steps as expected"
