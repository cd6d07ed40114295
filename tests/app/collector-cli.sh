#!/bin/sh
# The local collector from a terminal: `stack start --json` also runs the OTLP receiver and the
# ClickHouse ingest gateway and prints their URLs; the upstream SDK's JSON (track_error) posted
# to the receiver and SDK-shaped rows posted to the gateway land in ClickHouse; `receive` in
# front of the same server takes a request and prints its totals as JSON when stopped.
# Usage: collector-cli.sh <automagik-workbench> <scratch folder>
set -eu
binary=$1
scratch=$2
rm -rf "$scratch"
mkdir -p "$scratch"
. "$(dirname "$0")/stack-lib.sh"
command -v curl >/dev/null || fail "curl is missing: run packaging/install-deps.sh"

# Ports chosen by the system: a developer's own collector may hold 4318.
start_stack "$scratch/data" --otlp-port 0 --gateway-port 0
otlp=$(field otlp_url)
gateway=$(field gateway_url)
http=$(field http_url)
user=$(field user)
password=$(field password)
[ -n "$otlp" ] && [ -n "$gateway" ] || fail "stack start printed no otlp_url or gateway_url: $line"
echo "ok: stack start: receiver $otlp, gateway $gateway"

query() { curl -sS --fail-with-body -u "$user:$password" "$http/" --data-binary "$1"; }

now=$(date +%s%N)
cat >"$scratch/error.json" <<JSON
{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cli-sdk"}},
{"key":"user.id","value":{"stringValue":"u-1"}},{"key":"telemetry.sdk.name","value":{"stringValue":"automagik-telemetry"}}]},
"scopeSpans":[{"scope":{"name":"cli-sdk.telemetry"},"spans":[{"traceId":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
"spanId":"0123456789abcdef","name":"automagik.error","kind":"SPAN_KIND_INTERNAL","startTimeUnixNano":$now,"endTimeUnixNano":$now,
"attributes":[{"key":"error_message","value":{"stringValue":"boom"}}],"status":{"code":1}}]}]}]}
JSON
answer=$(curl -sS -w ' %{http_code}' -H 'Content-Type: application/json' --data-binary @"$scratch/error.json" "$otlp/v1/traces")
[ "$answer" = "{} 200" ] || fail "the receiver answered: $answer"
stored=$(query "SELECT status_code, status_message, user_id FROM telemetry.traces WHERE service_name = 'cli-sdk' FORMAT TSV")
[ "$stored" = "$(printf 'ERROR\tboom\tu-1')" ] || fail "stored: $stored"
echo "ok: the upstream SDK's error span is stored as ERROR with its message and user"

ts=$(date -u '+%Y-%m-%d %H:%M:%S')
: >"$scratch/rows.ndjson"
for i in 1 2 3 4 5; do
    printf '{"trace_id":"t%s","span_id":"cli-gateway-%s","timestamp":"%s","timestamp_ns":%s,"service_name":"cli-gateway","span_name":"event","attributes":{"n":"%s"}}\n' \
        "$i" "$i" "$ts" "$now" "$i" >>"$scratch/rows.ndjson"
done
gzip -c "$scratch/rows.ndjson" >"$scratch/rows.gz"
code=$(curl -sS -o "$scratch/gateway.out" -w '%{http_code}' -u default: -H 'Content-Encoding: gzip' \
    --data-binary @"$scratch/rows.gz" "$gateway/?query=INSERT%20INTO%20telemetry.traces%20FORMAT%20JSONEachRow")
[ "$code" = 200 ] || fail "the gateway answered $code: $(cat "$scratch/gateway.out")"
rows=$(query "SELECT count() FROM telemetry.traces WHERE service_name = 'cli-gateway'")
[ "$rows" = 5 ] || fail "the gateway's rows in ClickHouse: $rows"
echo "ok: 5 SDK rows through the gateway"

# `receive` in front of the same server, found through the data folder.
"$binary" receive --data-dir "$scratch/data" --otlp-port 0 --no-gateway --json --stats-interval 0 \
    >"$scratch/receive.out" 2>"$scratch/receive.err" &
receiver=$!
wait_for_state $receiver "$scratch/receive" receiving 30
receive_url=$(sed -n 's/.*"otlp_url":"\([^"]*\)".*/\1/p' "$scratch/receive.out")
answer=$(curl -sS -w ' %{http_code}' -H 'Content-Type: application/json' \
    --data-binary "$(sed 's/cli-sdk/cli-receive/' "$scratch/error.json")" "$receive_url/v1/traces")
[ "$answer" = "{} 200" ] || fail "receive answered: $answer"
kill -INT $receiver
wait $receiver || fail "receive exited $? after Ctrl-C: $(cat "$scratch/receive.err")"
totals=$(tail -n 1 "$scratch/receive.out")
printf '%s' "$totals" | grep -q '"accepted":{"logs":0,"metrics":0,"traces":1}' || fail "receive's totals: $totals"
echo "ok: receive took 1 span and printed its totals"

"$binary" stack stop --data-dir "$scratch/data" >/dev/null || fail "stack stop"
wait $stack || true
echo "collector CLI: all steps as expected"
