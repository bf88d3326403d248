#!/usr/bin/env bash
# Line coverage of the library (src/) with gcc --coverage and Debian's gcovr: an -O0 build in
# build/coverage, a test run, then a table per module (src/<module>/) and a total. Too slow for
# scripts/test.sh; run it by hand.
#
#   scripts/coverage.sh                 build, run the whole suite (C++, CLI, Python, corpus replays)
#   scripts/coverage.sh --corpus        build, run only the fuzz corpus replays (fuzz_corpus.*)
#   scripts/coverage.sh --report        report again from the counters of the last run
#   scripts/coverage.sh --html          also write build/coverage/html/index.html (annotated sources)
#   scripts/coverage.sh --files exerciser   also list the files of src/exerciser/ with their missed lines
#
# The counters of each run start from zero. Reports: build/coverage/coverage.txt (every file with
# its missed lines) and coverage.json, coverage-corpus.* for --corpus; the table is printed.
# MCTPKIT_JOBS sets the parallelism (2).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=build/coverage
jobs=${MCTPKIT_JOBS:-2}
run=all
html=0
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) run=corpus; shift ;;
    --report) run=none; shift ;;
    --html) html=1; shift ;;
    --files) files+=("$2"); shift 2 ;;
    *) echo "scripts/coverage.sh: unknown argument '$1' (see the comment at the top)" >&2; exit 2 ;;
  esac
done

# gcovr makes the report; the rest is what every build needs.
bash scripts/setup-deps.sh gcovr

if [ "$run" != none ]; then
  launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  # The Python extension is a MODULE library, hence the module linker flags too. Counters are
  # updated atomically: the library runs threads (analyze --threads 2, the exercisers), and
  # counts raced by two threads can come out negative, which gcovr refuses.
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O0 --coverage -fprofile-update=atomic" \
    -DCMAKE_EXE_LINKER_FLAGS=--coverage -DCMAKE_SHARED_LINKER_FLAGS=--coverage \
    -DCMAKE_MODULE_LINKER_FLAGS=--coverage -DMCTPKIT_BUILD_BENCHMARKS=OFF "${launcher[@]}" >/dev/null
  cmake --build "$dir" -j "$jobs"
  find "$dir" -name '*.gcda' -delete
  selection=()
  if [ "$run" = corpus ]; then selection=(-R '^fuzz_corpus\.'); fi
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure "${selection[@]}" ||
    echo "scripts/coverage.sh: some tests failed; coverage is still reported" >&2
fi

# A corpus run reports beside the whole-suite report instead of over it.
name=coverage
if [ "$run" = corpus ]; then name=coverage-corpus; fi
report=(--txt "$dir/$name.txt" --json-summary "$dir/$name.json")
if [ "$html" = 1 ]; then
  mkdir -p "$dir/html"
  report+=(--html-details "$dir/html/index.html")
fi
# Headers under src/ count with the module they belong to; include/ holds declarations only.
gcovr -r . --object-directory "$dir" --exclude-directories '.*CompilerId.*' --filter 'src/' -j "$jobs" "${report[@]}" >/dev/null

python3 - "$dir/$name.json" "$run" <<'PY'
import collections
import json
import sys

data = json.load(open(sys.argv[1]))
modules = collections.defaultdict(lambda: [0, 0])
for f in data["files"]:
    module = f["filename"].split("/")[1]
    modules[module][0] += f["line_covered"]
    modules[module][1] += f["line_total"]
source = {"all": "the whole test suite", "corpus": "the fuzz corpus replays only",
          "none": "the last run"}[sys.argv[2]]
print(f"Line coverage of src/ from {source}")
print(f"{'module':12} {'lines':>7} {'covered':>8} {'%':>6}")
for name, (covered, total) in sorted(modules.items(), key=lambda kv: kv[1][0] / max(kv[1][1], 1)):
    print(f"{name:12} {total:7} {covered:8} {100 * covered / max(total, 1):6.1f}")
covered = sum(v[0] for v in modules.values())
total = sum(v[1] for v in modules.values())
print(f"{'total':12} {total:7} {covered:8} {100 * covered / max(total, 1):6.1f}")
PY

for module in "${files[@]}"; do
  echo
  # gcovr's text report: lines, executed, percent, then the missed lines.
  # A long file name stands on a line of its own, its figures on the next: join them first.
  awk 'NF == 1 && /^src\// { name = $1; next } name { $0 = name " " $0; name = "" } { print }' \
    "$dir/$name.txt" | grep -E "^src/$module/" || echo "scripts/coverage.sh: no files under src/$module/" >&2
done
if [ "$html" = 1 ]; then echo "HTML report: $dir/html/index.html"; fi
