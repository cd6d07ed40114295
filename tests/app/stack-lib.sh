# Sourced by the shell tests that drive `automagik-workbench stack start`: starts it in the
# background with --json, waits (bounded) for its connection line and reads fields from it.
# Needs: $binary, $scratch. Sets: $stack (the pid), $line (the JSON line). Defines fail, field,
# wait_for_state.
# Hermetic: the SDKs' variables of whoever runs the tests must not choose the server.
unset AUTOMAGIK_TELEMETRY_CLICKHOUSE_ENDPOINT AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME \
    AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE

# fresh_scratch: an empty $scratch for this run.
fresh_scratch() {
    rm -rf "$scratch"
    mkdir -p "$scratch"
}

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
    # A caller with cleanup of its own names it in $stack_exit_trap (it must stop $stack too).
    if [ -n "${stack_exit_trap:-}" ]; then
        trap "$stack_exit_trap" EXIT
    else
        trap 'kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true' EXIT
    fi
    wait_for_state $stack "$scratch/stack" running 90
    line=$(grep '"state":"running"' "$scratch/stack.out")
}

# load_sample <hours>: sample telemetry into the running stack's telemetry tables.
load_sample() {
    "$binary" sample --hours "$1" --data-dir "$scratch/data" >"$scratch/sample.out" 2>&1 \
        || fail "sample: $(cat "$scratch/sample.out")"
}

# wait_for_state <pid> <output stem> <state> <seconds>: waits (bounded) until the process prints
# its JSON line with "state":"<state>" to <stem>.out; fails with <stem>.err if it exits first.
wait_for_state() {
    tries=0
    until grep -q "\"state\":\"$3\"" "$2.out" 2>/dev/null; do
        kill -0 "$1" 2>/dev/null || fail "$(basename "$2") exited: $(cat "$2.err")"
        tries=$((tries + 1))
        [ $tries -lt $(($4 * 10)) ] || fail "$(basename "$2") printed no \"$3\" in $4 s"
        sleep 0.1 # polling a file another process writes; bounded above
    done
}

# field <name>: a string field of the connection line
field() {
    printf '%s' "$line" | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"
}
