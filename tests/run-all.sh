#!/bin/sh
# Builds and runs every test: the dev build (warnings as errors) with all labels, then the same
# tests under AddressSanitizer + UndefinedBehaviorSanitizer. Expects the dependencies that
# packaging/install-deps.sh installs. Exits non-zero on the first failure.
set -eu
cd "$(dirname "$0")/.."

started=$(date +%s)
step() {
    echo
    echo "=== $1 ($(($(date +%s) - started)) s elapsed)"
}

step "dev: configure and build"
cmake --preset dev
cmake --build --preset dev

step "dev: every test"
ctest --preset dev

step "asan: configure and build"
cmake --preset asan
cmake --build --preset asan

step "asan: every test under ASan + UBSan"
ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1" \
LSAN_OPTIONS="suppressions=$(pwd)/tests/sanitizer/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    ctest --preset asan

step "all tests passed"
