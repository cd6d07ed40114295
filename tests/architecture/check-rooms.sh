#!/bin/sh
# The rooms of backends/ sit on levels (docs/ARCHITECTURE.md); a room may include only rooms on
# lower levels, and its own. The layers are enforced by the CMake link lines; the rooms inside
# workbench_backends are one library, so this check is what keeps them honest (a cycle between two
# rooms fails here). Usage: check-rooms.sh <source root>
set -eu
root=$1
level() {
    case $1 in
    common) echo 0 ;;
    sql | telemetry | delivery) echo 1 ;;
    otlp | clickhouse) echo 2 ;;
    collector | capture | query | health | sample) echo 3 ;;
    bench | live | settings | trace) echo 4 ;;
    *) echo "" ;;
    esac
}
problems=0
checked=0
for directory in "$root"/backends/*/; do
    room=$(basename "$directory")
    own=$(level "$room")
    if [ -z "$own" ]; then
        echo "backends/$room/ is a room without a level: add it to docs/ARCHITECTURE.md and to this script"
        problems=$((problems + 1))
        continue
    fi
    for file in "$directory"*.h "$directory"*.cpp; do
        [ -e "$file" ] || continue
        checked=$((checked + 1))
        # Includes of another room look like #include "room/file.h".
        for used in $(sed -n 's/^#include "\([a-z]*\)\/[^"]*".*/\1/p' "$file" | sort -u); do
            [ "$used" = "$room" ] && continue
            theirs=$(level "$used")
            if [ -z "$theirs" ]; then
                echo "${file#"$root"/}: includes unknown room '$used'"
                problems=$((problems + 1))
            elif [ "$theirs" -ge "$own" ]; then
                echo "${file#"$root"/}: room '$room' (level $own) includes '$used' (level $theirs)"
                problems=$((problems + 1))
            fi
        done
    done
done
if [ "$problems" -ne 0 ]; then
    echo "rooms: $problems include(s) against the levels"
    exit 1
fi
echo "rooms: $checked files of backends/ include only rooms on lower levels"
