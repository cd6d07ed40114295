#!/bin/sh
# Builds and runs every test: the dev build (warnings as errors) with all labels (unit,
# integration, gui, app, interop), the .deb built, linted, installed and run (tests/package),
# the same tests under AddressSanitizer + UndefinedBehaviorSanitizer, then each libFuzzer target
# for a bounded time (WORKBENCH_FUZZ_SECONDS, default 60; one per core at a time). Expects the
# dependencies that packaging/install-deps.sh installs. Exits non-zero on the first failure.
# Prints each step's duration as it ends and all of them at the end: the whole must stay under
# 45 minutes on the CI machine (2 cores).
set -eu
cd "$(dirname "$0")/.."

started=$(date +%s)
step_name=""
step_started=$started
durations=""
end_step() {
    if [ -n "$step_name" ]; then
        took=$(($(date +%s) - step_started))
        echo "=== done: $step_name in ${took} s"
        durations="$durations$(printf '%6d s  %s' "$took" "$step_name")\n"
    fi
}
step() {
    end_step
    step_name=$1
    step_started=$(date +%s)
    echo
    echo "=== $1 ($((step_started - started)) s elapsed)"
}

step "dev: configure and build"
cmake --preset dev
cmake --build --preset dev

step "dev: every test"
ctest --preset dev

step "package: build the .deb, lint it, install it with apt-get and run the installed program"
tests/package/deb-check.sh

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

end_step
echo
echo "=== all tests passed in $(($(date +%s) - started)) s:"
printf "$durations"
