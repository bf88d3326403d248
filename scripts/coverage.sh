#!/usr/bin/env bash
# Line coverage of the library (src/) from the whole test suite, corpus replays included:
# an instrumented build in build/coverage, the tests, then gcovr (Debian's) per file and a
# table per module (src/<module>/).
#
#   scripts/coverage.sh           build, test, report (build/coverage/coverage.txt and .json)
#   scripts/coverage.sh --report  report again from the last run
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/coverage
if [ "${1:-}" != "--report" ]; then
  launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O0 --coverage" \
    -DCMAKE_EXE_LINKER_FLAGS=--coverage -DCMAKE_SHARED_LINKER_FLAGS=--coverage \
    -DMCTPKIT_BUILD_BENCHMARKS=OFF "${launcher[@]}" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
  find "$dir" -name '*.gcda' -delete
  ctest --test-dir "$dir" -j "$(nproc)" --output-on-failure || echo "scripts/coverage.sh: some tests failed; coverage is still reported" >&2
fi
gcovr -r . --object-directory "$dir" --filter 'src/' -j "$(nproc)" --txt "$dir/coverage.txt" \
  --json-summary "$dir/coverage.json" >/dev/null
python3 - "$dir/coverage.json" <<'PY'
import json, sys, collections
data = json.load(open(sys.argv[1]))
modules = collections.OrderedDict()
for f in sorted(data["files"], key=lambda f: f["filename"]):
    module = f["filename"].split("/")[1]
    covered, total = modules.get(module, (0, 0))
    modules[module] = (covered + f["line_covered"], total + f["line_total"])
print(f"{'module':12} {'lines':>7} {'covered':>8} {'%':>6}")
for m, (c, t) in sorted(modules.items(), key=lambda kv: kv[1][0] / max(kv[1][1], 1)):
    print(f"{m:12} {t:7} {c:8} {100 * c / max(t, 1):6.1f}")
c = sum(v[0] for v in modules.values()); t = sum(v[1] for v in modules.values())
print(f"{'total':12} {t:7} {c:8} {100 * c / max(t, 1):6.1f}")
PY
