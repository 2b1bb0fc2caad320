#!/bin/sh
# Runs once, on an empty volume: the least-privilege role postgres_exporter logs in as. pg_monitor reads
# the statistics views and settings, nothing else (no table data). Its password comes from the same
# secret flow as the others (MONITORING_PASSWORD: compose's environment, the Kubernetes Secret
# database-credentials written by scripts/sync-secrets.sh). Without it no role is created and the
# exporter reports the database as unreachable.
set -eu
if [ -z "${MONITORING_PASSWORD:-}" ]; then
  echo "20-monitoring.sh: MONITORING_PASSWORD is not set, no monitoring role created"
  exit 0
fi
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$MONITORING_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE conduit_monitor LOGIN PASSWORD :'password' CONNECTION LIMIT 3 IN ROLE pg_monitor;
GRANT CONNECT ON DATABASE :"db" TO conduit_monitor;
SQL
