#!/usr/bin/env bash
# Measures `mctpkit analyze` on a generated capture (1,000,000 packets unless a count is given)
# in each output mode, against `tcpdump -nn -x -r` of the same file in the same run, then runs
# the Google Benchmarks. Figures are CPU time (user + system) of each process, which a busy
# machine disturbs far less than wall-clock time; the ratio to tcpdump is the figure to compare
# across machines.
#
#   scripts/bench-analyze.sh [PACKETS] [--no-google-benchmark]
set -euo pipefail
cd "$(dirname "$0")/.."
packets=1000000
google=1
for arg in "$@"; do
  case "$arg" in
    --no-google-benchmark) google=0 ;;
    ''|*[!0-9]*) echo "usage: scripts/bench-analyze.sh [PACKETS] [--no-google-benchmark]" >&2; exit 2 ;;
    *) packets=$arg ;;
  esac
done
bash scripts/setup-deps.sh
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DMCTPKIT_BUILD_BENCHMARKS=ON "${launcher[@]}" >/dev/null
cmake --build build/release -j "$(nproc)" --target mctpkit_cli mctpkit_bench >/dev/null
capture=build/bench-capture.pcap
python3 scripts/generate-capture.py "$capture" "$packets" >/dev/null
tool=build/release/tools/mctpkit/mctpkit

# Prints "CPU-seconds peak-RSS-KiB" of one command (its output thrown away).
cpu_of() {
  local log
  log=$(mktemp)
  /usr/bin/time -f '%U %S %M' -o "$log" "$@" >/dev/null 2>&1
  awk '{printf "%.3f %d\n", $1 + $2, $3}' "$log"
  rm -f "$log"
}

read -r reference _ < <(cpu_of tcpdump -nn -x -r "$capture")
printf '%-34s %8s %12s %10s %12s\n' "command ($packets packets)" "CPU s" "packets/s" "vs tcpdump" "peak RSS"
printf '%-34s %8.3f %12.0f %10s %12s\n' "tcpdump -nn -x -r" "$reference" "$(echo "$packets / $reference" | bc -l)" "1.00" "-"
while IFS='|' read -r label args; do
  # shellcheck disable=SC2086  # the arguments are split on purpose
  read -r cpu rss < <(cpu_of "$tool" analyze "$capture" $args)
  printf '%-34s %8.3f %12.0f %10.2f %9d KiB\n' "$label" "$cpu" "$(echo "$packets / $cpu" | bc -l)" \
    "$(echo "$cpu / $reference" | bc -l)" "$rss"
done <<'MODES'
analyze|
analyze -T json|-T json
analyze --stats -q|--stats -q
analyze -q -Y 'mctp.dst == 9'|-q -Y mctp.dst==9
analyze -T fields -e mctp.src -e mctp.dst|-T fields -e mctp.src -e mctp.dst
MODES

if [ "$google" = 1 ]; then
  build/release/bench/mctpkit_bench --benchmark_min_time=0.2
fi
