#!/usr/bin/env bash
# Refreshes tests/data, the repository's own copy of the shared golden vectors, captures and the
# summary checker, from ../shared (or the folder given). The tests read only tests/data, so a
# fresh clone passes its tests without ../shared; run this when the shared material changes and
# commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
if [ ! -d "$shared/vectors" ] || [ ! -d "$shared/captures" ]; then
  echo "refresh-test-data.sh: no vectors and captures in '$shared'" >&2
  exit 2
fi
rm -rf tests/data
mkdir -p tests/data/tools
cp -R "$shared/vectors" "$shared/captures" tests/data/
cp "$shared/tools/check-summaries.py" tests/data/tools/
chmod -R u+w tests/data
echo "tests/data refreshed from $shared:" >&2
git status --short tests/data >&2 || true
