#!/bin/sh
# Fails when a translation is behind the sources: runs lupdate over the same sources as the build
# (every .cpp of app, ui, models and backends) on a copy of each .ts file, and lists the messages
# it finds unfinished (new or changed source strings) or vanished (strings no longer in the code).
# The English file (*_en.ts) holds only the plural forms (lupdate -pluralonly), as the build's.
# Usage: translations-complete.sh <lupdate> <source root> <file.ts>...
set -eu
lupdate=$1
root=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$@"; do
    copy="$work/$(basename "$ts")"
    cp "$ts" "$copy"
    only=""
    case $ts in *_en.ts) only="-pluralonly" ;; esac
    (cd "$root" && "$lupdate" -silent -locations none $only -extensions cpp app ui models backends -ts "$copy") >"$work/lupdate.log" 2>&1 || {
        cat "$work/lupdate.log"
        echo "$ts: lupdate failed"
        exit 1
    }
    # A tr() lupdate cannot place in a context is left out of the .ts: never translated.
    if grep -q 'cannot be called without context' "$work/lupdate.log"; then
        grep 'cannot be called without context' "$work/lupdate.log"
        echo "$ts: strings lupdate cannot place (use QCoreApplication::translate(\"Context\", ...) there)"
        status=1
    fi
    # lupdate writes one element per line: the context's name, then per message its source
    # (a source with line breaks is listed by its first line) and its translation.
    behind=$(awk '
        /<name>/ { context = $0; gsub(/^ *<name>|<\/name>.*$/, "", context) }
        /<source>/ { source = $0; gsub(/^ *<source>|<\/source>.*$/, "", source) }
        /<translation type="(unfinished|vanished|obsolete)"/ {
            kind = $0; sub(/^.*type="/, "", kind); sub(/".*$/, "", kind)
            print "  " kind ": " context ": " source
        }' "$copy")
    total=$(grep -c '<message' "$copy" || true)
    if [ -n "$behind" ]; then
        echo "$ts: $(printf '%s\n' "$behind" | wc -l) of $total messages need work (run: cmake --build --preset dev --target update_translations, then translate them):"
        printf '%s\n' "$behind"
        status=1
    else
        echo "translations complete: $total messages in $(basename "$ts")"
    fi
done
exit $status
