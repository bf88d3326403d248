#!/usr/bin/env bash
# Sets everything up, builds the optimized tool (scripts/build-release.sh) and analyzes the capture
# bundled with mctpkit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
bash scripts/build-release.sh mctpkit_cli
exec build/release/tools/mctpkit/mctpkit analyze samples/mctp-sll.pcap --stats "$@"
