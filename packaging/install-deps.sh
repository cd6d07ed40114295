#!/bin/sh
# Installs everything the workbench needs to build, test and run on Debian 12 (bookworm), by
# Debian package name. Idempotent: packages already installed are left alone, and when nothing
# is missing no package index is fetched. Both README commands start with this script.
set -eu

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

# Build: the compiler, CMake and Ninja (the presets' generator), and the Qt 6 modules of DESIGN.md:
# Core, Gui, Widgets, Network, Concurrent, Test (qt6-base-dev), Charts (needs the OpenGL headers),
# HttpServer (its CMake package needs WebSockets), Svg, LinguistTools (qt6-tools-dev, with lupdate
# and lrelease from qt6-l10n-tools); zlib (gzip bodies); zstd (captures
# the Collector's file exporter compressed); libgl-dev (Qt6Gui's CMake package asks for
# OpenGL); qtkeychain-qt6-dev (passwords and tokens in the system keyring).
build="build-essential cmake ninja-build
       qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
       qt6-tools-dev qt6-l10n-tools zlib1g-dev libzstd-dev pkg-config libgl-dev qtkeychain-qt6-dev"
# Run: the managed local ClickHouse (and its client, which `bench ingest` measures against), the
# SVG icon engine for the window's icons, Qt's own translations for the pt_BR dialogs.
run="clickhouse-server clickhouse-client libqt6svg6 qt6-translations-l10n"
# Test: clang with libFuzzer and the sanitizer runtimes (the fuzz preset), lld (links the ninety
# test programs five times faster than ld), curl (tests and benchmarks fetch from ClickHouse with
# it), ca-certificates (npm's registry is HTTPS); for the .deb check (tests/package): lintian,
# desktop-file-validate, appstreamcli, file (icon sizes) and man (the installed manual page).
test="clang libclang-rt-14-dev lld curl ca-certificates
      lintian desktop-file-utils appstream file man-db"

missing=""
for package in $build $run $test; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
# Node.js and npm run the interop tests' real OpenTelemetry exporters. A machine that already has
# a node from elsewhere (NodeSource bundles npm) keeps it: Debian's npm would conflict with it.
if ! command -v node >/dev/null 2>&1; then
    missing="$missing nodejs"
fi
if ! command -v npm >/dev/null 2>&1; then
    missing="$missing npm"
fi

if [ -n "$missing" ]; then
    echo "install-deps: installing$missing"
    $SUDO apt-get update
    # The Debian package starts no service here (no systemd in containers) and the workbench
    # never uses the system service: it runs its own server from its own folder.
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
else
    echo "install-deps: everything is installed"
fi
