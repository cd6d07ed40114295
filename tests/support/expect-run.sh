#!/bin/sh
# Runs a command and passes only when it exits with the expected status AND its output (standard
# output and error together) has a line matching an extended regular expression. CTest ignores a
# test's exit status once PASS_REGULAR_EXPRESSION is set, so a program that printed the expected
# line and then crashed, or had a sanitizer report, would pass; with this wrapper it fails.
# Usage: expect-run.sh <expected exit status> <regex> <command> [arguments...]
set -u
if [ $# -lt 3 ]; then
    echo "usage: expect-run.sh <expected exit status> <regex> <command> [arguments...]" >&2
    exit 2
fi
expected=$1
pattern=$2
shift 2
output=$("$@" 2>&1)
status=$?
printf '%s\n' "$output"
if [ "$status" -ne "$expected" ]; then
    echo "expect-run: FAIL: exit status $status, expected $expected" >&2
    exit 1
fi
if ! printf '%s\n' "$output" | grep -Eq -- "$pattern"; then
    echo "expect-run: FAIL: no line of the output matches: $pattern" >&2
    exit 1
fi
echo "expect-run: exit status $status and output as expected"
