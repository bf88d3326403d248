#!/usr/bin/env bash
# Sets everything up, builds the tool and analyzes the capture bundled with mctpkit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc)" --target mctpkit_cli
exec build/release/tools/mctpkit/mctpkit analyze samples/mctp-sll.pcap --stats "$@"
