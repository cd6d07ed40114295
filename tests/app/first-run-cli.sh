#!/bin/sh
# The first run from a terminal, as the README tells it: `stack start --json` on an empty data
# folder gives a server with the telemetry tables; `sample --hours 2` (no variables, no endpoint:
# it finds the running stack through its data folder) fills them; the counts it prints are what
# the tables hold; `stack stop` ends it. Usage: first-run-cli.sh <automagik-workbench> <scratch folder>
set -eu
binary=$1
scratch=$2
rm -rf "$scratch"
mkdir -p "$scratch"
. "$(dirname "$0")/stack-lib.sh"

start_stack "$scratch/data"
echo "stack start: $line" | sed 's/"password":"[^"]*"/"password":"…"/'
printf '%s' "$line" | grep -q '"schema":{"database":"telemetry","installed":true}' \
    || fail "stack start did not report the schema installed: $line $(cat "$scratch/stack.err")"
[ "$(stat -c %a "$scratch/data")" = 700 ] || fail "the data folder is not private: $(stat -c %a "$scratch/data")"
[ "$(stat -c %a "$scratch/data/connection.json")" = 600 ] || fail "connection.json is not private"

# The tables are there, empty.
"$binary" schema verify --data-dir "$scratch/data" >"$scratch/verify.out" 2>&1 \
    || fail "schema verify after stack start: $(cat "$scratch/verify.out")"
grep -q "the schema is complete" "$scratch/verify.out" || fail "schema verify: $(cat "$scratch/verify.out")"
echo "ok: schema verify: the schema is complete"

set +e
"$binary" sample --hours 2 --json --data-dir "$scratch/data" >"$scratch/sample.out" 2>"$scratch/sample.err"
status=$?
set -e
[ $status -eq 0 ] || fail "sample exited $status: $(cat "$scratch/sample.out" "$scratch/sample.err")"
report=$(cat "$scratch/sample.out")
echo "sample: $report"
count() { printf '%s' "$report" | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
traces=$(count traces)
metrics=$(count metrics)
logs=$(count logs)
[ "${traces:-0}" -gt 1000 ] || fail "sample wrote ${traces:-no} traces"
[ "${metrics:-0}" -gt 100 ] || fail "sample wrote ${metrics:-no} metrics"
[ "${logs:-0}" -gt 100 ] || fail "sample wrote ${logs:-no} logs"
grep -q "from the managed ClickHouse in $scratch/data" "$scratch/sample.err" \
    || fail "sample did not say it found the running stack: $(cat "$scratch/sample.err")"

# What the tables hold is what sample said it wrote: the credentials from `stack start --json`.
rows() {
    curl -sS --fail -u "$(field user):$(field password)" "$(field http_url)/" \
        --data-binary "SELECT count() FROM telemetry.$1"
}
[ "$(rows traces)" = "$traces" ] || fail "telemetry.traces holds $(rows traces) rows, sample said $traces"
[ "$(rows metrics)" = "$metrics" ] || fail "telemetry.metrics holds $(rows metrics) rows, sample said $metrics"
[ "$(rows logs)" = "$logs" ] || fail "telemetry.logs holds $(rows logs) rows, sample said $logs"
echo "ok: the tables hold $traces traces, $metrics metrics and $logs logs, as sample printed"

# Damage the installation so that the next start cannot install the schema: the rollup's view
# gone, and the column it needs too. The server still runs; stack start says why, in its words.
sql() {
    curl -sS --fail -u "$(field user):$(field password)" "$(field http_url)/" --data-binary "$1" >/dev/null \
        || fail "$1"
}
sql "DROP TABLE telemetry.metrics_hourly_mv"
sql "ALTER TABLE telemetry.traces DROP COLUMN duration_ms"

"$binary" stack stop --data-dir "$scratch/data" >"$scratch/stop.out" 2>&1 || fail "stack stop: $(cat "$scratch/stop.out")"
wait $stack || fail "stack start exited non-zero after stack stop"
[ ! -e "$scratch/data/connection.json" ] || fail "connection.json outlived the server"

"$binary" stack start --data-dir "$scratch/data" >"$scratch/again.out" 2>"$scratch/again.err" &
stack=$!
tries=0
until grep -q "schema" "$scratch/again.err" 2>/dev/null; do
    kill -0 $stack 2>/dev/null || fail "stack start exited: $(cat "$scratch/again.out" "$scratch/again.err")"
    tries=$((tries + 1))
    [ $tries -lt 900 ] || fail "stack start said nothing about the schema in 90 s: $(cat "$scratch/again.out")"
    sleep 0.1
done
grep -q "^error: the telemetry schema could not be installed in telemetry: .*duration_ms" "$scratch/again.err" \
    || fail "stack start's schema error: $(cat "$scratch/again.err")"
grep -q "ClickHouse .* is running" "$scratch/again.out" || fail "the server should still run: $(cat "$scratch/again.out")"
echo "ok: a schema that cannot be installed: $(head -c 160 "$scratch/again.err")..."
"$binary" stack stop --data-dir "$scratch/data" >"$scratch/stop.out" 2>&1 || fail "stack stop: $(cat "$scratch/stop.out")"
wait $stack || fail "stack start exited non-zero after the second stack stop"
trap - EXIT
echo "first-run CLI: all steps as expected"
