#!/usr/bin/env bash
# Installs the Debian packages mctpkit builds and tests with, when any is missing.
# Safe to run repeatedly: it does nothing when everything is present.
# Names given as arguments are added to the list: a script asks here for the tools only it runs.
#
#   scripts/setup-deps.sh [PACKAGE ...]
set -euo pipefail

packages=(
  cmake ninja-build g++ make pkg-config python3
  libcli11-dev libfmt-dev nlohmann-json3-dev libpcap-dev libhowardhinnant-date-dev
  libgtest-dev libgmock-dev libbenchmark-dev tzdata groff-base
  pybind11-dev python3-dev python3-pytest
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
