#!/usr/bin/env bash
# Measures `mctpkit analyze` on a generated capture (1,000,000 packets unless a count is given)
# in each output mode, against `tcpdump -nn -x -r` of the same file in the same run, then runs
# the Google Benchmarks. Figures are CPU time (user + system) of each process, which a busy
# machine disturbs far less than wall-clock time; the ratio to tcpdump is the figure to compare
# across machines. The wall-clock time is shown too, for the --threads 2 rows: they spend more CPU
# time than one thread to take less wall-clock time when a second core is free.
#
# With --instructions it counts instead the instructions each mode executes per packet (valgrind's
# callgrind, on 20,000 packets unless a count is given, with the start-up counted in): slow, but the same on every run,
# so that two builds can be compared on a busy machine. --smbus uses SMBus packets in Linux I2C
# records (a BMC's I2C bus) instead of bare MCTP in Linux cooked capture records. The last rows
# are the default mode again on the same packets in a pcapng file (the format Wireshark writes)
# and in the text `tcpdump -nn -x` prints (what PyMCTP's users analyze).
#
# --no-profile measures the tool built without profile-guided optimization (see
# scripts/build-release.sh), to compare the two.
#
#   scripts/bench-analyze.sh [PACKETS] [--smbus] [--no-google-benchmark] [--instructions] [--no-profile]
set -euo pipefail
cd "$(dirname "$0")/.."
packets=1000000
counted=0
google=1
instructions=0
smbus=()
release_options=()
usage="usage: scripts/bench-analyze.sh [PACKETS] [--smbus] [--no-google-benchmark] [--instructions] [--no-profile]"
for arg in "$@"; do
  case "$arg" in
    --no-google-benchmark) google=0 ;;
    --instructions) instructions=1 ;;
    --smbus) smbus=(--smbus) ;;
    --no-profile) release_options=(--no-profile) ;;
    ''|*[!0-9]*) echo "$usage" >&2; exit 2 ;;
    *) packets=$arg; counted=1 ;;
  esac
done
# tcpdump is the reference every figure is a ratio to; time measures CPU; bc divides.
tools=(tcpdump time bc)
if [ "$instructions" = 1 ]; then tools+=(valgrind); fi
bash scripts/setup-deps.sh "${tools[@]}"
# The tool as scripts/run-sample.sh builds it: optimized with a profile (--no-profile: without).
bash scripts/build-release.sh "${release_options[@]}" mctpkit_cli mctpkit_bench >/dev/null
capture=build/bench-capture.pcap
capture_pcapng=build/bench-capture.pcapng
capture_text=build/bench-capture.txt
pcapng_label="analyze, the capture as pcapng"
text_label="analyze, as tcpdump -nn -x text"
tool=build/release/tools/mctpkit/mctpkit
# Each mode: its label, then the arguments after the capture.
modes=$(cat <<'MODES'
analyze|
analyze -T json|-T json
analyze --stats -q|--stats -q
analyze -q -Y 'mctp.dst == 9'|-q -Y mctp.dst==9
analyze -q -Y 'mctp.dst == 9' -w OUT|-q -Y mctp.dst==9 -w build/bench-filtered.pcap
analyze -T fields -e mctp.src -e mctp.dst|-T fields -e mctp.src -e mctp.dst
analyze --threads 2|--threads 2
analyze --stats -q --threads 2|--stats -q --threads 2
MODES
)

# The same packets as pcap, pcapng and tcpdump text.
if [ "$instructions" = 1 ] && [ "$counted" = 0 ]; then packets=20000; fi
python3 scripts/generate-capture.py "$capture" "$packets" "${smbus[@]}" >/dev/null
python3 scripts/generate-capture.py "$capture_pcapng" "$packets" "${smbus[@]}" --pcapng >/dev/null
tcpdump -nn -x -r "$capture" >"$capture_text" 2>/dev/null

if [ "$instructions" = 1 ]; then
  # Instructions per packet of a command, start-up included.
  count_of() {
    local log total
    log=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$log"
    total=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log")
    if [ -z "$total" ]; then
      echo "scripts/bench-analyze.sh: no instruction count for '$*':" >&2
      cat "$log" >&2
      exit 1
    fi
    rm -f "$log"
    echo $((total / packets))
  }
  reference=$(count_of tcpdump -nn -x -r "$capture")
  printf '%-42s %14s %10s\n' "command ($packets packets)" "instr/packet" "vs tcpdump"
  printf '%-42s %14d %10s\n' "tcpdump -nn -x -r" "$reference" "1.00"
  # One row: its label, then the command.
  count_row() {
    local label=$1 n
    shift
    n=$(count_of "$@")
    printf '%-42s %14d %10.2f\n' "$label" "$n" "$(echo "$n / $reference" | bc -l)"
  }
  while IFS='|' read -r label args; do
    # shellcheck disable=SC2086  # the arguments are split on purpose
    count_row "$label" "$tool" analyze "$capture" $args
  done <<<"$modes"
  count_row "$pcapng_label" "$tool" analyze "$capture_pcapng"
  count_row "$text_label" "$tool" analyze "$capture_text"
  exit 0
fi

# Prints "CPU-seconds wall-seconds peak-RSS-KiB" of one command (its output thrown away). The
# wall-clock time is for the --threads 2 rows, whose point is to take less of it.
cpu_of() {
  local log
  log=$(mktemp)
  if ! /usr/bin/time -f '%U %S %e %M' -o "$log" "$@" >/dev/null 2>&1; then
    echo "scripts/bench-analyze.sh: '$*' failed:" >&2
    cat "$log" >&2
    exit 1
  fi
  awk '{printf "%.3f %.2f %d\n", $1 + $2, $3, $4}' "$log"
  rm -f "$log"
}

# A command substitution, not a process one, so that a failed run stops the script (set -e).
measured=$(cpu_of tcpdump -nn -x -r "$capture")
read -r reference reference_wall _ <<<"$measured"
printf '%-34s %8s %12s %10s %12s %8s\n' "command ($packets packets)" "CPU s" "packets/s" "vs tcpdump" "peak RSS" "wall s"
printf '%-34s %8.3f %12.0f %10s %12s %8.2f\n' "tcpdump -nn -x -r" "$reference" "$(echo "$packets / $reference" | bc -l)" \
  "1.00" "-" "$reference_wall"
# One row: its label, then the command.
row() {
  local label=$1 measured cpu wall rss
  shift
  measured=$(cpu_of "$@")
  read -r cpu wall rss <<<"$measured"
  printf '%-34s %8.3f %12.0f %10.2f %9d KiB %8.2f\n' "$label" "$cpu" "$(echo "$packets / $cpu" | bc -l)" \
    "$(echo "$cpu / $reference" | bc -l)" "$rss" "$wall"
}
while IFS='|' read -r label args; do
  # shellcheck disable=SC2086  # the arguments are split on purpose
  row "$label" "$tool" analyze "$capture" $args
done <<<"$modes"
row "$pcapng_label" "$tool" analyze "$capture_pcapng"
row "$text_label" "$tool" analyze "$capture_text"

if [ "$google" = 1 ]; then
  build/release/bench/mctpkit_bench --benchmark_min_time=0.2
fi
