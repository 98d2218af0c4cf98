#!/usr/bin/env bash
# Checks deploy/onion/torrc offline with the local tor (tor --verify-config),
# its data directories moved to a temporary folder. Skipped without tor.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v tor >/dev/null; then
  echo "tor not installed: deploy/onion/torrc not checked"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -m 0700 "$work/data" "$work/data/portal"
sed -e "s#^DataDirectory .*#DataDirectory $work/data#" -e "s#^HiddenServiceDir .*#HiddenServiceDir $work/data/portal#" \
  "$root/deploy/onion/torrc" > "$work/torrc"
tor --verify-config -f "$work/torrc" --defaults-torrc /dev/null >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
echo "deploy/onion/torrc is valid ($(tor --version | head -1))"
