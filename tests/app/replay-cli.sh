#!/bin/sh
# `record` then `replay` from a terminal, against a managed ClickHouse from `stack start`: the
# OpenTelemetry JS exporters' requests recorded into a capture replay through the direct backend
# and through the stack's own receiver (OTLP protobuf), each verified exactly once with exit code
# 0; a capture with a bad line replays its good lines and exits 3 (partial); a dry run sends
# nothing; `send` delivers SDK-shaped records through either backend; wrong command lines exit 2.
# Usage: replay-cli.sh <automagik-workbench> <scratch folder> <fixtures folder>
set -eu
binary=$1
scratch=$2
fixtures=$3/otlp-from-opentelemetry-js
rm -rf "$scratch"
mkdir -p "$scratch"
. "$(dirname "$0")/stack-lib.sh"
command -v curl >/dev/null || fail "curl is missing: run packaging/install-deps.sh"

set +e
"$binary" replay >/dev/null 2>"$scratch/usage.err"
code=$?
"$binary" replay "$scratch/none.jsonl" --backend none >/dev/null 2>>"$scratch/usage.err"
code2=$?
set -e
[ $code -eq 2 ] && [ $code2 -eq 2 ] || fail "replay without a file: exit $code, $code2: $(cat "$scratch/usage.err")"
echo "ok: replay without a capture file is a usage error (exit 2)"

# A capture of the JS exporters' requests, recorded by `record --no-store`.
"$binary" record --out "$scratch/js.jsonl" --no-store --otlp-port 0 --json >"$scratch/record.out" 2>"$scratch/record.err" &
recorder=$!
wait_for_state $recorder "$scratch/record" recording 30
url=$(sed -n 's/.*"otlp_url":"\([^"]*\)".*/\1/p' "$scratch/record.out")
for signal in logs traces metrics; do
    body=$(ls "$fixtures"/proto-none/*_v1_$signal.body)
    code=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: application/x-protobuf' \
        --data-binary @"$body" "$url/v1/$signal")
    [ "$code" = 200 ] || fail "recording $signal: HTTP $code"
done
kill -INT $recorder
wait $recorder || fail "record exited $?"
echo "ok: recorded the JS exporters' traces, metrics and logs"

"$binary" replay "$scratch/js.jsonl" --backend none --speed max --json >"$scratch/dry.out"
grep -q '"spans":2,' "$scratch/dry.out" && grep -q '"logs":6,' "$scratch/dry.out" || fail "dry run: $(cat "$scratch/dry.out")"
echo "ok: a dry run reads 2 spans, 5 metric points and 6 logs"

start_stack "$scratch/data" --otlp-port 0 --gateway-port 0
otlp=$(field otlp_url)
for backend in clickhouse otlp-protobuf; do
    set +e
    "$binary" replay "$scratch/js.jsonl" --data-dir "$scratch/data" --backend $backend --otlp-endpoint "$otlp" \
        --speed max --remap-ids --verify --json >"$scratch/$backend.out" 2>"$scratch/$backend.err"
    code=$?
    set -e
    [ $code -eq 0 ] || fail "replay through $backend: exit $code: $(cat "$scratch/$backend.out" "$scratch/$backend.err")"
    grep -q '"exactly_once":true' "$scratch/$backend.out" || fail "$backend: $(cat "$scratch/$backend.out")"
    for expected in '"traces":{"duplicated":0,"duplicated_seq":\[\],"expected":2,"found":2' \
        '"logs":{"duplicated":0,"duplicated_seq":\[\],"expected":6,"found":6' \
        '"metrics":{"duplicated":0,"duplicated_seq":\[\],"expected":5,"found":5'; do
        grep -q "$expected" "$scratch/$backend.out" || fail "$backend lacks $expected: $(cat "$scratch/$backend.out")"
    done
    echo "ok: replayed through $backend and verified: every record exactly once (exit 0)"
done

# A capture another OTel JSON Lines writer wrote: the OpenTelemetry JS serializer's JSON bodies,
# one request per line, replayed with its timestamps moved to now.
for body in "$fixtures"/json-none/*.body; do
    cat "$body"
    echo
done >"$scratch/js-serializer.jsonl"
"$binary" replay "$scratch/js-serializer.jsonl" --data-dir "$scratch/data" --speed max --shift start-now \
    --replay-id js-serializer --verify --json >"$scratch/serializer.out" 2>"$scratch/serializer.err" ||
    fail "the JS serializer's lines: exit $?: $(cat "$scratch/serializer.out" "$scratch/serializer.err")"
grep -q '"exactly_once":true' "$scratch/serializer.out" || fail "serializer: $(cat "$scratch/serializer.out")"
http=$(field http_url)
user=$(field user)
password=$(field password)
query() { curl -sS --fail-with-body -u "$user:$password" "$http/" --data-binary "$1"; }
age=$(query "SELECT toUInt64(now()) - intDiv(min(timestamp_ns), 1000000000) FROM telemetry.traces WHERE attributes.value[indexOf(attributes.key, 'workbench.replay.id')] = 'js-serializer'")
[ "$age" -ge 0 ] && [ "$age" -lt 120 ] || fail "--shift start-now: the first span is $age s old"
echo "ok: the OpenTelemetry JS serializer's JSON Lines replay, shifted to now ($age s ago), exactly once"

# `send`: SDK-shaped records through either backend, counted in ClickHouse.
"$binary" send --data-dir "$scratch/data" --name cli.sent --attr plan=pro --attr seats=3 --count 5 --json \
    >"$scratch/send.out" 2>"$scratch/send.err" || fail "send: $(cat "$scratch/send.err")"
grep -q '"delivered":5' "$scratch/send.out" || fail "send: $(cat "$scratch/send.out")"
"$binary" send --data-dir "$scratch/data" --signal error --name CliError --message broken --backend otlp-json \
    --otlp-endpoint "$otlp" --json >"$scratch/send-error.out" 2>"$scratch/send.err" || fail "send error: $(cat "$scratch/send.err")"
stored=$(query "SELECT count(), countIf(status_code = 'ERROR') FROM telemetry.traces WHERE span_name IN ('cli.sent', 'automagik.error') AND project_name = 'workbench-send' FORMAT TSV")
[ "$stored" = "$(printf '6\t1')" ] || fail "sent records in ClickHouse: $stored"
set +e
"$binary" send --name x --signal nope >/dev/null 2>&1
code=$?
set -e
[ $code -eq 2 ] || fail "send --signal nope: exit $code"
echo "ok: send delivered 5 events directly and an error through the receiver (exit 0); a wrong signal exits 2"

cp "$scratch/js.jsonl" "$scratch/bad.jsonl"
echo '{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":' >>"$scratch/bad.jsonl"
set +e
"$binary" replay "$scratch/bad.jsonl" --data-dir "$scratch/data" --speed max --verify >"$scratch/bad.out" 2>"$scratch/bad.err"
code=$?
set -e
[ $code -eq 3 ] || fail "a capture with a bad line: exit $code, expected 3: $(cat "$scratch/bad.err")"
grep -q "bad.jsonl:4: JSON error" "$scratch/bad.err" || fail "the bad line is not reported: $(cat "$scratch/bad.err")"
grep -q "Every record arrived exactly once." "$scratch/bad.out" || fail "the good lines: $(cat "$scratch/bad.out")"
echo "ok: a bad line is reported with its number, the good ones land, exit 3 (partial)"

"$binary" stack stop --data-dir "$scratch/data" >/dev/null || fail "stack stop"
wait $stack || true
echo "replay CLI: all steps as expected"
