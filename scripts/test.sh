#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: a normal build, then the same suite built
# with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh

jobs=$(nproc)
# ccache, when installed, makes a rebuild of unchanged sources nearly free; nothing needs it.
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
for variant in test asan; do
  dir=build/$variant
  # -O1 without debug information keeps the two builds short on a 2-core machine; the tests
  # report failures in words. Benchmarks are built by scripts/bench-analyze.sh.
  flags=(-DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1" -DMCTPKIT_BUILD_BENCHMARKS=OFF "${launcher[@]}")
  if [ "$variant" = asan ]; then
    flags+=(-DMCTPKIT_SANITIZE=ON)
  fi
  echo "== $variant build" >&2
  cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
  cmake --build "$dir" -j "$jobs"
  echo "== $variant tests" >&2
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$dir" --output-on-failure -j "$jobs"
done

# Fuzzing: the clang build of the fuzz targets (it also proves the library and the tool build
# with clang), the regression corpus, and a short run of every target (see fuzz/README.md).
echo "== fuzz" >&2
bash scripts/fuzz.sh --seconds 10
