#!/bin/sh
# `automagik-workbench query` against `stack start` with sample telemetry: macros and variables
# expanded as on the Query page, every format equal to what the server gives curl, --max-rows
# exact on an endless result, read-only unless --write, the server's error with exit code 1,
# usage errors with 2, and Ctrl-C stopping the query on the server.
# Usage: query-cli.sh <automagik-workbench> <scratch folder>
set -eu
binary=$1 scratch=$2
. "$(dirname "$0")/stack-lib.sh"
fresh_scratch

start_stack "$scratch/data"
load_sample 2
server() {
    curl -sS --fail -u "$(field user):$(field password)" "$(field http_url)/?database=telemetry" --data-binary "$1"
}
# query <expected exit code> <name> <arguments...>: runs the command, output in $scratch/<name>.out/.err
query() {
    expected=$1
    name=$2
    shift 2
    set +e
    "$binary" query --data-dir "$scratch/data" "$@" >"$scratch/$name.out" 2>"$scratch/$name.err"
    status=$?
    set -e
    [ $status -eq "$expected" ] || fail "$name: exit $status, expected $expected: $(cat "$scratch/$name.err")"
}

# Macros: the range decides which rows $__timeFilter lets through.
total=$(server "SELECT count() FROM traces")
query 0 count --format tsv --from now-3h --to now+1h 'SELECT count() AS n FROM traces WHERE $__timeFilter(timestamp)'
[ "$(sed -n 2p "$scratch/count.out")" = "$total" ] || fail "count over 3 h: $(cat "$scratch/count.out"), the table has $total"
grep -q "^1 row in " "$scratch/count.err" || fail "count: no statistics: $(cat "$scratch/count.err")"
query 0 empty-range --format tsv --from now-30d --to now-20d 'SELECT count() FROM traces WHERE $__timeFilter(timestamp)'
[ "$(sed -n 2p "$scratch/empty-range.out")" = 0 ] || fail "a range without data counted $(cat "$scratch/empty-range.out")"
echo "ok: \$__timeFilter over now-3h..now+1h counts all $total spans, over 30-20 days ago none"

# Variables, with Grafana's formats.
one=$(server "SELECT count() FROM traces WHERE service_name = 'automagik-omni'")
query 0 variable --format tsv --var service=automagik-omni "SELECT count() FROM traces WHERE service_name = '\$service'"
[ "$(sed -n 2p "$scratch/variable.out")" = "$one" ] || fail "\$service: $(cat "$scratch/variable.out"), expected $one"
two=$(server "SELECT count() FROM traces WHERE service_name IN ('automagik-omni', 'automagik-hive')")
query 0 multi --format tsv --var service=automagik-omni --var service=automagik-hive \
    'SELECT count() FROM traces WHERE service_name IN (${service:singlequote})'
[ "$(sed -n 2p "$scratch/multi.out")" = "$two" ] || fail "two values: $(cat "$scratch/multi.out"), expected $two"
echo "ok: --var service=... ($one spans) and two values with \${service:singlequote} ($two)"

# Every format is what the server gives curl for the same query (JSON: its lines in one array).
sql="SELECT number, toString(number) AS text, concat('a\"b,c', toString(number)) AS quoted FROM numbers(1000)"
for pair in csv:CSVWithNames tsv:TabSeparatedWithNames jsonl:JSONEachRow; do
    format=${pair%%:*}
    curl -sS --fail -u "$(field user):$(field password)" "$(field http_url)/?default_format=${pair#*:}" \
        --data-binary "$sql" >"$scratch/curl.$format"
    query 0 "format-$format" --format "$format" "$sql"
    cmp -s "$scratch/format-$format.out" "$scratch/curl.$format" || fail "--format $format differs from the server's ${pair#*:}"
    grep -q "^1,000 rows in " "$scratch/format-$format.err" || fail "$format: $(cat "$scratch/format-$format.err")"
done
query 0 format-json --format json "$sql"
node -e '
const rows = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (!Array.isArray(rows) || rows.length !== 1000 || rows[999].text !== "999") process.exit(1);' "$scratch/format-json.out" \
    || fail "--format json is not an array of 1,000 rows: $(head -c 300 "$scratch/format-json.out")"
query 0 format-table "SELECT 'automagik-omni' AS service, 1234 AS n"
grep -q "^service  *n$" "$scratch/format-table.out" && grep -q "^automagik-omni  1234$" "$scratch/format-table.out" \
    || fail "--format table: $(cat "$scratch/format-table.out")"
echo "ok: csv, tsv, jsonl byte for byte as curl gets them; json an array of 1,000 rows; a table"

# --max-rows on an endless result: exactly N rows, and the query ends.
query 0 max-rows --format csv --max-rows 5 "SELECT number FROM system.numbers"
[ "$(wc -l <"$scratch/max-rows.out")" -eq 6 ] || fail "--max-rows 5 wrote $(wc -l <"$scratch/max-rows.out") lines"
grep -q "stopped at --max-rows 5" "$scratch/max-rows.err" || fail "max-rows: $(cat "$scratch/max-rows.err")"
echo "ok: --max-rows 5 on system.numbers: 5 rows and a header"

# Read-only unless --write; several statements run in order.
query 1 read-only "CREATE TABLE query_cli (x UInt8) ENGINE = Memory"
grep -q "Read-only is on" "$scratch/read-only.err" || fail "read-only refusal: $(cat "$scratch/read-only.err")"
query 0 write --write --format tsv \
    "CREATE TABLE query_cli (x UInt8) ENGINE = Memory; INSERT INTO query_cli VALUES (1), (2); SELECT sum(x) FROM query_cli"
[ "$(tail -n 1 "$scratch/write.out")" = 3 ] || fail "--write: $(cat "$scratch/write.out" "$scratch/write.err")"
grep -q "^statement 3 of 3: 1 row in " "$scratch/write.err" || fail "--write statistics: $(cat "$scratch/write.err")"
echo "ok: CREATE refused read-only (exit 1), and with --write three statements ran in order"

# The server's error: exit 1 and its message; bad usage: exit 2.
query 1 syntax "SELEC 1"
grep -q "Syntax error" "$scratch/syntax.err" || fail "syntax error: $(cat "$scratch/syntax.err")"
query 2 bad-format --format xml "SELECT 1"
query 2 bad-from --from yesterday "SELECT 1"
grep -q "from: 'yesterday' is not a time" "$scratch/bad-from.err" || fail "bad --from: $(cat "$scratch/bad-from.err")"
query 2 no-sql
query 1 macro "SELECT count() FROM traces WHERE \$__timeFilter"
grep -q "Macro error" "$scratch/macro.err" || fail "macro error: $(cat "$scratch/macro.err")"
echo "ok: a syntax error exits 1 with the server's message; usage errors exit 2"

# Ctrl-C stops the query on the server, not only here.
running() {
    server "SELECT count() FROM system.processes WHERE query LIKE '%query-cli-marker%' AND query NOT LIKE '%system.processes%'"
}
"$binary" query --data-dir "$scratch/data" "SELECT sum(number) AS total FROM numbers(100000000000) WHERE 'query-cli-marker' != ''" \
    >"$scratch/interrupt.out" 2>"$scratch/interrupt.err" &
pid=$!
tries=0
until [ "$(running)" = 1 ]; do
    tries=$((tries + 1))
    [ $tries -lt 300 ] || fail "the long query never showed in system.processes: $(cat "$scratch/interrupt.err")"
    sleep 0.1 # polling the server for another process's query; bounded above
done
kill -INT $pid
set +e
wait $pid
status=$?
set -e
[ $status -eq 1 ] || fail "interrupted query exited $status: $(cat "$scratch/interrupt.err")"
grep -q "the query was stopped on the server" "$scratch/interrupt.err" || fail "interrupt: $(cat "$scratch/interrupt.err")"
tries=0
until [ "$(running)" = 0 ]; do
    tries=$((tries + 1))
    [ $tries -lt 300 ] || fail "the interrupted query still runs on the server"
    sleep 0.1 # KILL QUERY is asynchronous on the server; bounded above
done
echo "ok: Ctrl-C stopped the query on the server"
echo "query CLI: all steps as expected"
