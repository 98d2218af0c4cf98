#!/bin/sh
# Makes tests/fixtures/upgrade-<release>/ with the PREVIOUS release's own code:
# a clean export of that commit beside this checkout, this checkout's
# node_modules hard-linked in, its build, then tests/upgrade/make-fixture.fixture.ts
# run there (cases, receipts, statistics, audit checkpoint, one backup).
#   sh scripts/make-upgrade-fixture.sh fd06a03
set -eu
release=${1:?usage: make-upgrade-fixture.sh <commit of the previous release>}
here=$(pwd)
work=$(mktemp -d)
git archive "$release" | tar -x -C "$work"
cp -al node_modules "$work/node_modules"
rm -rf "$work/node_modules/.cache" "$work/node_modules/.vite"
[ -d apps/web/node_modules ] && cp -a apps/web/node_modules "$work/apps/web/node_modules"
mkdir -p "$work/tests/upgrade"
cp tests/upgrade/make-fixture.fixture.ts "$work/tests/integration/make-upgrade-fixture.test.ts"
out="$here/tests/fixtures/upgrade-$release"
rm -rf "$out"
cd "$work"
node scripts/build.mjs
UPGRADE_FIXTURE_DIR="$out" NODE_OPTIONS='--experimental-vm-modules --no-warnings' npx jest --forceExit tests/integration/make-upgrade-fixture.test.ts
cd "$here"
rm -rf "$work"
echo "fixture written to $out"
