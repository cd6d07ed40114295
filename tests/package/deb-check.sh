#!/bin/sh
# The .deb as a user gets it: builds it (the package preset), checks it as Debian would (lintian
# with no error and no warning, desktop-file-validate, appstreamcli validate --no-net, the
# AppStream release of the package's version), installs it with apt-get,
# then runs the installed program: --version, its manual page, `stack start --json` in a
# temporary folder, `sample --hours 1` against that stack, and the window offscreen for a
# screenshot. Removes the package at the end, also when a step fails.
# Usage: tests/package/deb-check.sh (from anywhere; needs root or sudo for apt-get)
set -eu
cd "$(dirname "$0")/../.."
source_tree=$(pwd)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
package=automagik-telemetry-workbench

cmake --preset package
cmake --build --preset package
rm -f build/package/${package}_*.deb
cpack --preset package
deb=$(ls build/package/${package}_*.deb)
echo "deb-check: built $deb ($(wc -c <"$deb") bytes)"
dpkg-deb --field "$deb" Package Version Depends Recommends

# No error and no warning (packaging/README.md lists the info tags kept, with reasons).
lintian --allow-root --fail-on error,warning --display-info "$deb"
echo "deb-check: lintian reports no error and no warning"

installed=/usr/bin/automagik-workbench
if [ -e $installed ] && ! dpkg -S $installed >/dev/null 2>&1; then
    echo "deb-check: FAIL: $installed exists and belongs to no package; not overwriting it" >&2
    exit 1
fi
scratch=$(mktemp -d)
# Also when a step fails: the stack stopped, the package purged, the scratch folder gone.
cleanup() {
    status=$?
    set +e
    if [ -n "${stack:-}" ]; then
        kill "$stack" 2>/dev/null
        wait "$stack" 2>/dev/null
    fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y -q $package >/dev/null 2>&1
    rm -rf "$scratch"
    exit $status
}
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$source_tree/$deb"
dpkg-query -W -f='deb-check: installed ${Package} ${Version} (${db:Status-Status})\n' $package

desktop-file-validate /usr/share/applications/dev.automagik.Workbench.desktop
appstreamcli validate --no-net /usr/share/metainfo/dev.automagik.Workbench.metainfo.xml
for size in 16 22 24 32 48 64 128 256 512; do
    icon=/usr/share/icons/hicolor/${size}x${size}/apps/dev.automagik.Workbench.png
    [ "$(file -b "$icon" | cut -d, -f2)" = " $size x $size" ] \
        || { echo "deb-check: FAIL: $icon is not a ${size}x${size} PNG: $(file -b "$icon")" >&2; exit 1; }
done
echo "deb-check: desktop file, AppStream metadata and the 9 PNG icons are valid"

binary=$installed
. tests/app/stack-lib.sh
version=$($binary --version)
[ "$version" = "automagik-workbench $(dpkg-deb --field "$deb" Version)" ] || fail "--version printed '$version'"
grep -q "<release version=\"$(dpkg-deb --field "$deb" Version)\"" /usr/share/metainfo/dev.automagik.Workbench.metainfo.xml \
    || fail "the AppStream metadata has no <release> of version $(dpkg-deb --field "$deb" Version)"
echo "deb-check: $version"
man_text=$(MANWIDTH=80 man -P cat automagik-workbench 2>&1) || fail "man automagik-workbench: $man_text"
for section in NAME SYNOPSIS COMMANDS; do
    printf '%s\n' "$man_text" | grep -q "^$section" || fail "the manual page has no $section section"
done
for command in stack schema sample query dashboard receive record replay send bench; do
    printf '%s\n' "$man_text" | grep -q "Usage: automagik-workbench $command " \
        || fail "the manual page has no help of '$command'"
done
echo "deb-check: man automagik-workbench: $(printf '%s\n' "$man_text" | wc -l) lines, every command"

# The installed program, as the README's first run: a stack, sample telemetry, the window.
export AUTOMAGIK_WORKBENCH_KEYRING=off XDG_CONFIG_HOME="$scratch/settings"
stack_exit_trap=cleanup
start_stack "$scratch/data"
echo "deb-check: stack start: $(field http_url)"
$binary sample --hours 1 --json --data-dir "$scratch/data" >"$scratch/sample.out" 2>"$scratch/sample.err" \
    || fail "sample: $(cat "$scratch/sample.out" "$scratch/sample.err")"
traces=$(sed -n 's/.*"traces":\([0-9]*\).*/\1/p' "$scratch/sample.out")
[ "${traces:-0}" -gt 0 ] || fail "sample wrote no traces: $(cat "$scratch/sample.out")"
echo "deb-check: sample --hours 1: $(cat "$scratch/sample.out")"
shot=build/package/installed-window.png
rm -f $shot
QT_QPA_PLATFORM=offscreen $binary --data-dir "$scratch/data" --smoke-screenshot "$source_tree/$shot" \
    >"$scratch/window.out" 2>&1 || fail "the window: $(cat "$scratch/window.out")"
[ "$(file -b $shot | cut -d, -f1)" = "PNG image data" ] || fail "no PNG screenshot at $shot"
echo "deb-check: the window saved $shot ($(file -b $shot | cut -d, -f2 | tr -d ' ') pixels)"
$binary stack stop --data-dir "$scratch/data" >/dev/null 2>&1 || fail "stack stop"
wait "$stack" 2>/dev/null || true
stack=""

DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y -q $package >/dev/null
[ ! -e $installed ] || fail "$installed is still there after apt-get purge"
echo "deb-check: the .deb builds, passes lintian, installs, runs and purges cleanly"
