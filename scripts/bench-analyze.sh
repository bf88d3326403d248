#!/usr/bin/env bash
# Times `mctpkit analyze` on a generated 1,000,000-packet capture in the default, JSON and
# statistics modes (packets per second and peak memory), then runs the Google Benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc)" --target mctpkit_cli mctpkit_bench
packets=${1:-1000000}
capture=build/bench-capture.pcap
python3 scripts/generate-capture.py "$capture" "$packets"
tool=build/release/tools/mctpkit/mctpkit
for mode in "" "-T json" "--stats -q"; do
  log=$(mktemp)
  /usr/bin/time -v "$tool" analyze "$capture" $mode >/dev/null 2>"$log"
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  printf 'analyze %-12s %8d packets  %6.2f s  %10.0f packets/s  peak RSS %d KiB\n' \
    "${mode:-(default)}" "$packets" "$seconds" "$(echo "$packets / $seconds" | bc -l)" "$rss"
  rm -f "$log"
done
build/release/bench/mctpkit_bench --benchmark_min_time=0.2
