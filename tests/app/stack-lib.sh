# Sourced by the shell tests that drive `automagik-workbench stack start`: starts it in the
# background with --json, waits (bounded) for its connection line and reads fields from it.
# Needs: $binary, $scratch. Sets: $stack (the pid), $line (the JSON line). Defines fail, field.
# Hermetic: the SDKs' variables of whoever runs the tests must not choose the server.
unset AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME \
    AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# start_stack <data folder> [more options of stack start]
start_stack() {
    folder=$1
    shift
    "$binary" stack start --data-dir "$folder" --json "$@" >"$scratch/stack.out" 2>"$scratch/stack.err" &
    stack=$!
    trap 'kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true' EXIT
    tries=0
    until grep -q '"state":"running"' "$scratch/stack.out" 2>/dev/null; do
        kill -0 $stack 2>/dev/null || fail "stack start exited: $(cat "$scratch/stack.err")"
        tries=$((tries + 1))
        [ $tries -lt 900 ] || fail "stack start printed nothing in 90 s"
        sleep 0.1 # polling a file another process writes; bounded above
    done
    line=$(grep '"state":"running"' "$scratch/stack.out")
}

# field <name>: a string field of the connection line
field() {
    printf '%s' "$line" | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"
}
