#!/bin/sh
# `automagik-workbench schema ...` end to end, as a user runs it: a managed ClickHouse from
# `stack start --json`, then install, verify, the --yes guard, reset, drop, verify again.
# Usage: schema-cli.sh <automagik-workbench binary> <scratch folder>
set -eu
binary=$1
scratch=$2
rm -rf "$scratch"
mkdir -p "$scratch"
. "$(dirname "$0")/stack-lib.sh"

start_stack "$scratch/data"
AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT=$(field http_url)
AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME=$(field user)
AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD=$(field password)
AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE=cli_telemetry
export AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME \
    AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE
[ -n "$AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD" ] || fail "no password in: $line"

expect() { # expect <exit code> <text in output> <schema arguments...>
    code=$1 text=$2
    shift 2
    set +e
    "$binary" schema "$@" >"$scratch/out" 2>&1
    got=$?
    set -e
    [ $got -eq "$code" ] || fail "schema $*: exit $got, expected $code: $(cat "$scratch/out")"
    grep -q "$text" "$scratch/out" || fail "schema $*: no '$text' in: $(cat "$scratch/out")"
    echo "ok: schema $* -> $got ($text)"
}
expect 1 "the database does not exist" verify
expect 0 "schema install: done" install
expect 0 "the schema is complete" verify
expect 0 "schema install: done" install # safe to repeat
expect 2 "destroys data" reset
expect 0 "schema reset: done" reset --yes
expect 0 "the schema is complete" verify
expect 2 "destroys data" drop
expect 0 "schema drop: done" drop --yes
expect 1 "the database does not exist" verify
expect 2 "usage" frobnicate
AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD=wrong expect 1 "Authentication failed" verify
echo "schema CLI: all steps as expected"
