#!/bin/sh
# The least-privilege role postgres_exporter logs in as: pg_monitor reads the statistics views and
# settings, no table data. Its password comes from the same secret flow as the others
# (MONITORING_PASSWORD: compose's environment; on Kubernetes the Secret database-credentials, written by
# scripts/sync-secrets.sh from Secrets Manager). Runs on an empty volume like every init script, and is
# idempotent so the deploy also runs it on an existing database (creating the role, or setting a rotated
# password). Without MONITORING_PASSWORD it does nothing and the exporter reports the database down.
set -eu
if [ -z "${MONITORING_PASSWORD:-}" ]; then
  echo "20-monitoring.sh: MONITORING_PASSWORD is not set, no monitoring role created"
  exit 0
fi
psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$MONITORING_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
SELECT 'CREATE ROLE conduit_monitor LOGIN CONNECTION LIMIT 3 IN ROLE pg_monitor'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'conduit_monitor')
\gexec
ALTER ROLE conduit_monitor PASSWORD :'password';
GRANT CONNECT ON DATABASE :"db" TO conduit_monitor;
SQL
