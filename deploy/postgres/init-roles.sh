#!/bin/sh
# Runs once, on an empty data volume (the official image's docker-entrypoint-initdb.d).
set -eu
: "${PORTAL_OWNER_PASSWORD:?set PORTAL_OWNER_PASSWORD in .env}"
: "${PORTAL_APP_PASSWORD:?set PORTAL_APP_PASSWORD in .env}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$PORTAL_OWNER_PASSWORD" -v app_password="$PORTAL_APP_PASSWORD" -v database="$POSTGRES_DB" \
  -f /docker-entrypoint-initdb.d/roles.sql.in
