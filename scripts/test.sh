#!/usr/bin/env bash
# Sets everything up and runs the whole test suite twice: a normal g++ build, then a clang build
# with AddressSanitizer and UndefinedBehaviorSanitizer that also holds the fuzz targets, which are
# then run for a short while each.
set -euo pipefail
cd "$(dirname "$0")/.."
# socat makes the pseudo-terminal pairs of the serial tests; clang and its runtimes build the
# sanitized suite and the fuzz targets.
bash scripts/setup-deps.sh socat clang-14 libclang-rt-14-dev

jobs=$(nproc)
# ccache, when installed, makes a rebuild of unchanged sources nearly free; nothing needs it.
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# -O1 without debug information keeps the build short on a 2-core machine; the tests report
# failures in words. Benchmarks are built by scripts/bench-analyze.sh.
dir=build/test
echo "== test build" >&2
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1" -DMCTPKIT_BUILD_BENCHMARKS=OFF \
  "${launcher[@]}" >/dev/null
cmake --build "$dir" -j "$jobs"
echo "== tests" >&2
ctest --test-dir "$dir" --output-on-failure -j "$jobs"

# The sanitized suite and fuzzing share one clang build (build/fuzz): the suite runs there under
# ASan + UBSan (the corpus replays included), then every target is fuzzed for 10 s (see
# fuzz/README.md). One build instead of two keeps the whole run well inside CI's time.
echo "== sanitized build, tests and fuzzing" >&2
bash scripts/fuzz.sh --with-tests --seconds 10
