#!/bin/sh
# Builds and runs every test: the dev build (warnings as errors) with all labels (unit,
# integration, gui, app, interop), the same tests under AddressSanitizer + UndefinedBehaviorSanitizer,
# then each libFuzzer target for a bounded time (WORKBENCH_FUZZ_SECONDS, default 60). Expects the
# dependencies that packaging/install-deps.sh installs. Exits non-zero on the first failure.
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

step "fuzz: build the libFuzzer targets (clang)"
cmake --preset fuzz
cmake --build --preset fuzz

step "fuzz: run each target"
tests/fuzz/run-fuzzers.sh build/fuzz "${WORKBENCH_FUZZ_SECONDS:-60}"

step "all tests passed"
