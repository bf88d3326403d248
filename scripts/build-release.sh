#!/usr/bin/env bash
# Builds the optimized tool in build/release, guided by a profile: a first build that counts what
# it runs (build/release-train) analyzes generated and bundled captures in every output mode,
# decodes the golden vectors and crafts a few frames, then build/release is compiled with those
# counts (GCC's -fprofile-use) and link-time optimization (see cmake/ProfileGuided.cmake). The
# training is done again, and build/release compiled anew, only when the counting build or this
# script changed.
# With --no-profile, build/release is an ordinary Release build (quicker to make, slower to run).
#
#   scripts/build-release.sh [--no-profile] [TARGET...]     (default target: mctpkit_cli)
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: scripts/build-release.sh [--no-profile] [TARGET...]"
profile=1
targets=()
for arg in "$@"; do
  case "$arg" in
    --no-profile) profile=0 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    -*) printf 'scripts/build-release.sh: unknown option %s\n%s\n' "$arg" "$usage" >&2; exit 2 ;;
    *) targets+=("$arg") ;;
  esac
done
if [ ${#targets[@]} = 0 ]; then targets=(mctpkit_cli); fi
jobs=$(nproc)
release=build/release
train=build/release-train
counts=$PWD/build/release-profile

if [ "$profile" = 0 ]; then
  cmake -S . -B "$release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMCTPKIT_PROFILE= >/dev/null
  cmake --build "$release" -j "$jobs" --target "${targets[@]}"
  exit 0
fi

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
echo "== counting build ($train)" >&2
cmake -S . -B "$train" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMCTPKIT_BUILD_TESTS=OFF -DMCTPKIT_BUILD_BENCHMARKS=OFF \
  -DMCTPKIT_BUILD_PYTHON=OFF -DMCTPKIT_PROFILE=generate "-DMCTPKIT_PROFILE_DIR=$counts" "${launcher[@]}" >/dev/null
cmake --build "$train" -j "$jobs" --target mctpkit_cli
tool=$train/tools/mctpkit/mctpkit
stamp=$counts/trained
trained=0
if [ ! -e "$stamp" ] || [ scripts/build-release.sh -nt "$stamp" ] ||
   [ -n "$(find "$train" -maxdepth 3 -type f \( -name mctpkit -o -name 'libmctpkit.so*' \) -newer "$stamp")" ]; then
  echo "== training runs" >&2
  rm -rf "$counts"
  mkdir -p "$counts" "$train/captures"
  python3 scripts/generate-capture.py "$train/captures/sll.pcap" 40000 >/dev/null
  python3 scripts/generate-capture.py "$train/captures/smbus.pcap" 40000 --smbus >/dev/null
  python3 scripts/generate-capture.py "$train/captures/sll.pcapng" 40000 --pcapng >/dev/null
  # Each output mode on both links, then the bundled captures and packets (every capture format).
  for capture in "$train/captures/sll.pcap" "$train/captures/smbus.pcap"; do
    for mode in "" "-T json" "-V" "--stats -q" "-T fields -e frame.number -e mctp.src -e mctp.dst -e mctp.response_in" \
                "-q -Y mctp.dst==9 --stats" "-N" \
                "-q -Y mctp.dst==9 -w $train/captures/filtered.pcap" "-T fields -e mctp.src -e mctp.dst"; do
      # shellcheck disable=SC2086  # the arguments are split on purpose
      "$tool" analyze "$capture" $mode >/dev/null
    done
  done
  # The same packets in pcapng (Wireshark's format), and a tcpdump text dump (a bundled one a
  # thousand times over), so that their readers are counted as hot as the pcap reader is.
  "$tool" analyze "$train/captures/sll.pcapng" -q >/dev/null
  for _ in $(seq 1000); do cat tests/data/captures/tcpdump-text/tcpdump-sll-x.txt; done >"$train/captures/sll.txt"
  "$tool" analyze "$train/captures/sll.txt" -q >/dev/null
  for capture in samples/mctp-sll.pcap tests/data/captures/*.pcap tests/data/captures/*.pcapng \
                 tests/data/captures/tcpdump-text/*; do
    "$tool" analyze "$capture" --stats >/dev/null 2>&1 || true  # some are damaged on purpose
  done
  # The golden vectors (every protocol the summaries cover) in each of decode's formats, and a few
  # frames crafted, one of them split into packets.
  for format in "" "-T json" "-V"; do
    # shellcheck disable=SC2086  # the arguments are split on purpose
    cut -f1 tests/data/vectors/*.tsv | "$tool" decode -r - $format >/dev/null
  done
  "$tool" decode -V -r samples/packets.txt >/dev/null
  "$tool" craft 'smbus(dst=0x32,src=0x10)/mctp(dst=0,src=10,to=1,tag=7)/control(rq=1,iid=0x11,cmd=set_endpoint_id)/set_endpoint_id(op=set,eid=29)' >/dev/null
  "$tool" craft --mtu 2 'mctp(dst=9,src=8,to=1)/pldm(rq=1,iid=3,type=base,cmd=get_tid)' -V >/dev/null
  touch "$stamp"
  trained=1
fi

echo "== optimized build ($release)" >&2
# Without ccache: it could not tell objects compiled with different counts apart.
cmake -S . -B "$release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER= \
  -DMCTPKIT_PROFILE=use "-DMCTPKIT_PROFILE_DIR=$counts" >/dev/null
# New counts are read by every object, not only by those whose sources changed.
if [ "$trained" = 1 ]; then cmake --build "$release" --target clean >/dev/null; fi
cmake --build "$release" -j "$jobs" --target "${targets[@]}"
