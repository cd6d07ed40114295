#!/bin/sh
# `automagik-workbench dashboard` against `stack start` with sample telemetry: every built-in
# dashboard (the four upstream ones and ClickHouse server) renders a PNG per panel and a summary
# with no panel in error, whose stat values are what the SQL gives; a dashboard with a broken
# panel renders the rest and exits 3 naming it; the library's import, list, export and remove;
# JSON that is not a dashboard is refused with where it breaks.
# Usage: dashboard-cli.sh <automagik-workbench> <scratch folder>
set -eu
binary=$1 scratch=$2
. "$(dirname "$0")/stack-lib.sh"
fresh_scratch

start_stack "$scratch/data"
load_sample 2
library="$scratch/library"
run() { # run <expected exit code> <name> <arguments...>
    expected=$1
    name=$2
    shift 2
    set +e
    "$binary" dashboard "$@" --data-dir "$scratch/data" --library "$library" >"$scratch/$name.out" 2>"$scratch/$name.err"
    status=$?
    set -e
    [ $status -eq "$expected" ] || fail "$name: exit $status, expected $expected: $(cat "$scratch/$name.out" "$scratch/$name.err")"
}

for uid in automagik-telemetry-overview automagik-traces automagik-metrics automagik-logs workbench-clickhouse-server; do
    run 0 "render-$uid" render "$uid" --out "$scratch/$uid" --width 1400
    summary="$scratch/$uid/summary.json"
    node -e '
const fs = require("fs");
const [summaryPath, folder] = process.argv.slice(1);
const summary = JSON.parse(fs.readFileSync(summaryPath, "utf8"));
const problems = [];
if (summary.panels_in_error !== 0) problems.push("panels_in_error " + summary.panels_in_error);
if (!fs.existsSync(folder + "/dashboard.png")) problems.push("no dashboard.png");
for (const panel of summary.panels) {
    if (panel.state !== "done") problems.push(panel.title + ": " + panel.state + " " + panel.error);
    if (!(panel.rows > 0)) problems.push(panel.title + ": no rows");
    if (!panel.png || fs.statSync(folder + "/" + panel.png).size < 1000) problems.push(panel.title + ": no PNG");
}
if (problems.length) { console.error(problems.join("\n")); process.exit(1); }
console.log(summary.title + ": " + summary.panels.length + " panels, each with rows and a PNG");' "$summary" "$scratch/$uid" \
        || fail "render $uid: $(cat "$summary")"
done

# A stat's value as shown is the SQL's answer in the panel's unit: "Active Services" is 5 services.
grep -A12 '"title": "Active Services"' "$scratch/automagik-traces/summary.json" | grep -q '"5"' \
    || fail "Active Services is not 5: $(cat "$scratch/automagik-traces/summary.json")"
echo "ok: the five built-in dashboards render, every panel with rows and a PNG"

# A broken panel: the others render, exit 3, the summary names it.
cat >"$scratch/broken-panel.json" <<'JSON'
{"title": "One broken panel", "uid": "one-broken", "panels": [
  {"id": 1, "type": "stat", "title": "fine", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 4},
   "targets": [{"refId": "A", "rawSql": "SELECT count() FROM telemetry.traces"}]},
  {"id": 2, "type": "stat", "title": "broken", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 4},
   "targets": [{"refId": "A", "rawSql": "SELECT count() FROM telemetry.nowhere"}]}]}
JSON
run 3 render-broken render "$scratch/broken-panel.json" --out "$scratch/broken"
grep -q '"panels_in_error": 1' "$scratch/broken/summary.json" || fail "broken: $(cat "$scratch/broken/summary.json")"
grep -q 'nowhere' "$scratch/broken/summary.json" || fail "broken: the error is not in the summary"
[ -s "$scratch/broken/panel-1.png" ] || fail "the fine panel has no PNG"
echo "ok: a dashboard with a broken panel renders the rest and exits 3"

# The library: import, list, export (unchanged), remove; a built-in cannot be removed.
run 0 import import "$scratch/broken-panel.json"
run 0 list list
grep -q "^one-broken  *imported  *One broken panel$" "$scratch/list.out" || fail "list: $(cat "$scratch/list.out")"
grep -q "^automagik-telemetry-overview  *built-in" "$scratch/list.out" || fail "list: $(cat "$scratch/list.out")"
run 0 export export one-broken "$scratch/exported.json"
cmp -s "$scratch/exported.json" "$scratch/broken-panel.json" || fail "the exported dashboard differs from the imported one"
run 0 remove remove one-broken
run 1 remove-built-in remove automagik-logs
grep -q "built in and cannot be removed" "$scratch/remove-built-in.err" || fail "remove built-in: $(cat "$scratch/remove-built-in.err")"
echo "ok: import, list, export unchanged, remove; a built-in stays"

# Not a dashboard: refused with where.
printf '{"title": "x",\n "panels": [ }' >"$scratch/not-json.json"
run 1 not-json render "$scratch/not-json.json" --out "$scratch/not-json"
grep -q "not valid JSON at line 2, column" "$scratch/not-json.err" || fail "bad JSON: $(cat "$scratch/not-json.err")"
run 1 import-not-json import "$scratch/not-json.json"
run 2 no-out render automagik-logs
echo "ok: JSON that is not a dashboard is refused with its line and column"
echo "dashboard CLI: all steps as expected"
