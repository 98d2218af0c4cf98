#!/usr/bin/env bash
# Validates docker-compose.yml offline (no Docker engine here), with the
# example environment standing in for the real, uncommitted .env.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/docker-compose.yml" "$root/Dockerfile" "$work/"
cp -r "$root/deploy" "$work/"
sed -E 's/^(POSTGRES_PASSWORD|PORTAL_OWNER_PASSWORD|PORTAL_APP_PASSWORD)=$/\1=check-only/' "$root/.env.example" > "$work/.env"
(cd "$work" && docker-compose config -q)
echo "docker-compose.yml is valid"
