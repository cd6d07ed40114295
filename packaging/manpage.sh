#!/bin/sh
# Writes the manual page automagik-workbench(1), gzip-compressed, from the program's own help:
# the overview of `--help`, then `<command> --help` of every command that overview lists, so the
# page cannot fall behind the program. The date is the newest entry of the Debian changelog, so
# two builds of one version give the same bytes.
# Usage: manpage.sh <automagik-workbench> <version> <debian changelog> <output .1.gz>
set -eu
binary=$1
version=$2
changelog=$3
output=$4

# English, with the builder's home folder hidden: the defaults that name it then read "~".
home=/~
run() {
    env -i PATH=/usr/bin:/bin HOME=$home LANG=C LC_ALL=C QT_QPA_PLATFORM=offscreen "$binary" "$@"
}
# roff: backslashes escaped, a leading dot or quote made literal, hyphens as minus signs (they
# are options here), the program's path as its name, the builder's home as ~.
roff() {
    fold -s -w 100 | sed -e "s|$home/|~/|g" -e "s|^Usage: [^ ]*automagik-workbench|Usage: automagik-workbench${1:+ $1}|" \
        -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\([.']\)/\\\\\&\1/"
}

overview=$(run --help)
commands=$(printf '%s\n' "$overview" | awk '
    /^Commands:/ { listing = 1; next }
    listing && /^$/ { exit }
    listing && /^  [a-z]/ { print $1 }' | uniq)
[ -n "$commands" ] || { echo "manpage.sh: '$binary --help' lists no command" >&2; exit 1; }
stamp=$(sed -n 's/^ -- .*>  \(.*\)$/\1/p' "$changelog" | head -1)
date=$(date -u -d "$stamp" +%Y-%m-%d)

page=$(mktemp)
trap 'rm -f "$page"' EXIT
{
    printf '%s\n' ".TH AUTOMAGIK\\-WORKBENCH 1 \"$date\" \"automagik\\-workbench $version\" \"User Commands\""
    printf '%s\n' ".SH NAME"
    printf '%s\n' "automagik\\-workbench \\- the Automagik Telemetry stack in one desktop window"
    printf '%s\n' ".SH SYNOPSIS"
    printf '%s\n' ".B automagik\\-workbench"
    printf '%s\n' "[\\fIoptions\\fR]"
    printf '%s\n' ".br"
    printf '%s\n' ".B automagik\\-workbench"
    printf '%s\n' "\\fIcommand\\fR [\\fIoptions\\fR]"
    printf '%s\n' ".SH DESCRIPTION"
    printf '%s\n' "Without a command, opens the workbench window: send and replay telemetry through OTLP/HTTP or"
    printf '%s\n' "straight into ClickHouse, receive OTLP and store it, run the upstream dashboards against"
    printf '%s\n' "ClickHouse and chart them, follow records live, open traces and watch the health of the local"
    printf '%s\n' "stack. Unless told to use another ClickHouse, it runs its own on loopback from a folder of its own."
    printf '%s\n' "With a command, it does one of these things headless, from a terminal or a script."
    printf '%s\n' ".PP"
    printf '%s\n' ".nf"
    printf '%s\n' "$overview" | roff ""
    printf '%s\n' ".fi"
    printf '%s\n' ".SH COMMANDS"
    for command in $commands; do
        help=$(run "$command" --help) || { echo "manpage.sh: '$binary $command --help' failed" >&2; exit 1; }
        printf '%s\n' ".SS $command"
        printf '%s\n' ".nf"
        printf '%s\n' "$help" | roff "$command"
        printf '%s\n' ".fi"
    done
    printf '%s\n' ".SH FILES"
    printf '%s\n' ".TP"
    printf '%s\n' ".I ~/.local/share/Automagik/automagik\\-workbench/clickhouse"
    printf '%s\n' "the managed local ClickHouse: its data, configuration and connection.json"
    printf '%s\n' ".SH SEE ALSO"
    printf '%s\n' ".BR clickhouse\\-server (1),"
    printf '%s\n' ".BR clickhouse\\-client (1)"
} >"$page"
gzip -9n <"$page" >"$output"
