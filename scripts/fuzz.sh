#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang-14 (AddressSanitizer, UndefinedBehaviorSanitizer)
# in build/fuzz, replays the regression corpus fuzz/corpus/<target>/ as plain tests, then fuzzes
# every target for a fixed time.
#
#   scripts/fuzz.sh                  15 seconds per target
#   scripts/fuzz.sh --with-tests     the whole test suite is built in the same sanitized build and
#                                    run first (scripts/test.sh runs this, with --seconds 10)
#   scripts/fuzz.sh --seconds 60     one minute per target
#   scripts/fuzz.sh --minutes 30     a longer run; new inputs go to build/fuzz/found/<target>/
#   scripts/fuzz.sh --only decode    just one target (repeatable)
#   scripts/fuzz.sh --replay-only    build and replay the corpus, no fuzzing
#   scripts/fuzz.sh --minimize       build, then shrink fuzz/corpus/<target>/ to the smallest set of
#                                    inputs with the same coverage (libFuzzer -merge=1), new inputs
#                                    of earlier runs (build/fuzz/found/<target>/) included
#
# A crash leaves its input in build/fuzz/artifacts/<target>/ and fails the script. Inputs worth
# keeping are added to the corpus minimized: see fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=15
replay_only=0
minimize=0
with_tests=0
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --only) only+=("$2"); shift 2 ;;
    --replay-only) replay_only=1; shift ;;
    --minimize) minimize=1; shift ;;
    --with-tests) with_tests=1; shift ;;
    *) echo "scripts/fuzz.sh: unknown argument '$1' (see the comment at the top)" >&2; exit 2 ;;
  esac
done

targets=(decode roundtrip serial_deframer reassembler capture craft filter endpoint exerciser_frames plugin_descriptor)
if [ ${#only[@]} -gt 0 ]; then targets=("${only[@]}"); fi

# clang-14 with its sanitizer and libFuzzer runtimes; socat for the serial tests of the suite.
tools=(clang-14 libclang-rt-14-dev)
[ "$with_tests" = 1 ] && tools+=(socat)
bash scripts/setup-deps.sh "${tools[@]}"

dir=build/fuzz
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
tests=OFF
[ "$with_tests" = 1 ] && tests=ON
cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=None \
  "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only" -DMCTPKIT_BUILD_FUZZERS=ON -DMCTPKIT_BUILD_TESTS=$tests \
  -DMCTPKIT_BUILD_BENCHMARKS=OFF "${launcher[@]}" >/dev/null
if [ "$with_tests" = 1 ]; then
  cmake --build "$dir" -j "$(nproc)"
else
  # The tool is built too: it proves the library and the CLI compile with clang.
  cmake --build "$dir" -j "$(nproc)" --target mctpkit_cli fuzz_dictionary $(printf 'fuzz_%s ' "${targets[@]}")
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if [ "$minimize" = 1 ]; then
  # Each target's corpus is merged into an empty folder (smallest inputs first, each kept only if
  # it adds coverage), which then replaces the corpus in the tree; the file names are hashes.
  for t in "${targets[@]}"; do
    merged="$dir/minimized/$t"
    rm -rf "$merged"
    mkdir -p "$merged"
    inputs=("fuzz/corpus/$t")
    [ -d "$dir/found/$t" ] && inputs+=("$dir/found/$t")
    before=$(find "${inputs[@]}" -type f | wc -l)
    "$dir/fuzz/fuzz_$t" -merge=1 -timeout=10 -rss_limit_mb=1024 "$merged" "${inputs[@]}" \
      >"$dir/minimize-$t.log" 2>&1 || {
      tail -40 "$dir/minimize-$t.log" >&2
      echo "scripts/fuzz.sh: minimizing the corpus of $t failed" >&2
      exit 1
    }
    find "fuzz/corpus/$t" -type f -delete
    cp "$merged"/* "fuzz/corpus/$t/"
    echo "fuzz_$t: $before inputs -> $(find "fuzz/corpus/$t" -type f | wc -l)" >&2
  done
fi
if [ "$with_tests" = 1 ]; then
  echo "== sanitized tests (clang, ASan + UBSan; the corpus replays are among them)" >&2
  ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
else
  echo "== fuzz corpus replay" >&2
  for t in "${targets[@]}"; do
    "$dir/fuzz/fuzz_$t" -runs=0 "fuzz/corpus/$t" 2>"$dir/replay-$t.log" || {
      cat "$dir/replay-$t.log" >&2
      echo "scripts/fuzz.sh: the corpus of $t fails" >&2
      exit 1
    }
  done
fi
if [ "$replay_only" = 1 ] || [ "$minimize" = 1 ]; then exit 0; fi

"$dir/fuzz/fuzz_dictionary" craft >"$dir/craft.dict"
"$dir/fuzz/fuzz_dictionary" filter >"$dir/filter.dict"
echo "== fuzzing each target for $seconds s" >&2
status=0
for t in "${targets[@]}"; do
  found="$dir/found/$t"
  artifacts="$dir/artifacts/$t/"
  mkdir -p "$found" "$artifacts"
  extra=()
  [ -f "$dir/$t.dict" ] && extra+=("-dict=$dir/$t.dict")
  # New inputs go to build/fuzz/found (the corpus in the tree is only read), at most 4 KiB each.
  if "$dir/fuzz/fuzz_$t" "$found" "fuzz/corpus/$t" "${extra[@]}" -max_total_time="$seconds" -max_len=4096 \
      -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 -artifact_prefix="$artifacts" \
      >"$dir/fuzz-$t.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz-$t.log")
    cov=$(grep -o 'cov: [0-9]*' "$dir/fuzz-$t.log" | tail -1)
    echo "fuzz_$t: $runs executions, $cov edges" >&2
  else
    tail -40 "$dir/fuzz-$t.log" >&2
    echo "scripts/fuzz.sh: fuzz_$t failed; the input is in $artifacts" >&2
    status=1
  fi
done
exit $status
