#!/usr/bin/env bash
# Observability, proven with the real tools (npm run test:monitoring):
#   1. the rule source: promtool check + promtool unit tests (every alert firing and not firing);
#   2. the dashboards: generated JSON matches its TypeScript, every panel's PromQL parses (promtool), every
#      metric it names exists in a really started backend's /metrics, a real postgres_exporter's output, or
#      the documented fixture of Kubernetes exporters' names;
#   3. a real Prometheus (Debian's) scraping the real backend and postgres_exporter with the same rules:
#      targets up, every group evaluated without error; the backend stopped → ConduitBackendDown pending,
#      then firing; the backend started again → resolved. Only `for:` and group intervals are shortened,
#      by rewriting a copy of the one rule source (nothing is copied by hand).
# Ports: CI_BACKEND_PORT (backend), MONITORING_PROMETHEUS_PORT (19090), MONITORING_EXPORTER_PORT (19187).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24
apt_install prometheus prometheus-postgres-exporter
# kubectl (kustomize) renders the Kubernetes component for the infra checks of part 1.
command -v kubectl >/dev/null 2>&1 || apt_install kubectl
PROM_PORT="${MONITORING_PROMETHEUS_PORT:-19090}"
EXPORTER_PORT="${MONITORING_EXPORTER_PORT:-19187}"
PROM_URL="http://127.0.0.1:$PROM_PORT"
BACKEND_URL="http://127.0.0.1:$CI_BACKEND_PORT"
work="$CI_WORK/monitoring"
rules=infra/monitoring/rules/conduit.rules.yaml
rm -rf "$work"; mkdir -p "$work"

passed=0 failed=0
check() { # NAME COMMAND...: one counted result
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); echo "ok    $name"; else failed=$((failed + 1)); echo "FAIL  $name"; fi
}
wait_until() { # SECONDS COMMAND...: retries COMMAND every 2 s until it succeeds or SECONDS have passed
  local deadline=$((SECONDS + $1)); shift
  until "$@" >"$work/last-wait.log" 2>&1; do
    if [ $SECONDS -ge $deadline ]; then cat "$work/last-wait.log"; return 1; fi
    sleep 2
  done
  cat "$work/last-wait.log"
}
pids=()
cleanup() { for pid in "${pids[@]}" ${backend_pid:+"$backend_pid"}; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

log "1. rules: promtool check and unit tests"
check "promtool check rules" promtool check rules "$rules"
check "promtool test rules (every alert firing and not firing)" promtool test rules infra/monitoring/tests/*.test.yaml
check "rule conventions, runbooks, PrometheusRule and Kubernetes component" \
  npm run -s test:infra -- test/monitoring.test.ts

log "start PostgreSQL, postgres_exporter (pg_monitor role) and the backend"
start_postgres
npm run build -w @proyecto06/backend >/dev/null
database_url=$(fresh_database conduit_monitoring)
# The exporter logs in as the least-privilege role made by the database image's own init script, run
# twice as the deploy does (idempotent: creates the role, then sets the password again).
"$(pg_bin)/psql" -q -h 127.0.0.1 -p "$CI_PG_PORT" -U postgres -c "DROP ROLE IF EXISTS conduit_monitor" 2>/dev/null || true
for run in first again; do
  check "initdb.d/20-monitoring.sh creates the pg_monitor role ($run run)" \
    env PATH="$(pg_bin):$PATH" PGHOST=127.0.0.1 PGPORT="$CI_PG_PORT" POSTGRES_USER=postgres \
    POSTGRES_DB=conduit_monitoring MONITORING_PASSWORD=ci-only sh infra/database/initdb.d/20-monitoring.sh
done
DATA_SOURCE_NAME="postgresql://conduit_monitor:ci-only@127.0.0.1:$CI_PG_PORT/conduit_monitoring?sslmode=disable" \
  prometheus-postgres-exporter --web.listen-address="127.0.0.1:$EXPORTER_PORT" >"$work/exporter.log" 2>&1 &
pids+=($!)
start_backend() {
  (cd apps/backend && exec env DATABASE_URL="$database_url" PORT="$CI_BACKEND_PORT" HOST=127.0.0.1 \
    NODE_ENV=test LOG_LEVEL=warn SHUTDOWN_DRAIN_MS=0 node dist/server.js --migrate) >>"$work/backend.log" 2>&1 &
  backend_pid=$!
}
stop_backend() { kill "$backend_pid"; wait "$backend_pid" 2>/dev/null || true; backend_pid=""; }
start_backend
wait_until 120 curl -fsS "$BACKEND_URL/health/ready" >/dev/null
wait_until 30 curl -fsS "http://127.0.0.1:$EXPORTER_PORT/metrics" >/dev/null
# A little traffic, so every business counter and the database histograms have samples.
node infra/monitoring/scripts/exercise-backend.mjs "$BACKEND_URL"
curl -fsS "$BACKEND_URL/metrics" >"$work/backend.metrics"
curl -fsS "http://127.0.0.1:$EXPORTER_PORT/metrics" >"$work/exporter.metrics"

log "2. dashboards: drift, PromQL parse, metric names"
check "dashboards JSON and the generated Kubernetes manifests are up to date" npm run -s monitoring:check -w @proyecto06/infra
node infra/monitoring/scripts/dashboard-queries.ts rule-file >"$work/dashboard-queries.rules.yaml"
check "every panel's PromQL parses (promtool check rules on a throw-away rule file)" \
  promtool check rules "$work/dashboard-queries.rules.yaml"
check "every metric a panel or rule names exists (backend /metrics, postgres_exporter, fixture)" \
  node infra/monitoring/scripts/dashboard-queries.ts metric-names "$work/backend.metrics" "$work/exporter.metrics"

log "3. a real Prometheus with the same rules"
sed -E 's/^(\s+for: ).*/\15s/; s/^(\s+interval: ).*/\12s/' "$rules" >"$work/conduit.rules.yaml"
cat >"$work/prometheus.yml" <<YAML
global: { scrape_interval: 2s, evaluation_interval: 2s }
rule_files: [conduit.rules.yaml]
scrape_configs:
  - job_name: conduit-backend
    static_configs: [{ targets: ['127.0.0.1:$CI_BACKEND_PORT'] }]
  - job_name: conduit-database
    static_configs: [{ targets: ['127.0.0.1:$EXPORTER_PORT'] }]
YAML
check "the rewritten rule file still passes promtool check" promtool check rules "$work/conduit.rules.yaml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$work/prometheus.log" 2>&1 &
pids+=($!)
api=(node infra/monitoring/scripts/prometheus-api.mjs)
check "targets conduit-backend and conduit-database up" wait_until 60 "${api[@]}" targets-up "$PROM_URL" conduit-backend conduit-database
check "every rule group loaded and evaluated, every rule healthy" wait_until 60 "${api[@]}" rules-healthy "$PROM_URL" "$rules"
check "ConduitBackendDown inactive while the backend runs" "${api[@]}" alert-state "$PROM_URL" ConduitBackendDown inactive
check "ConduitDatabaseDown inactive (the exporter reaches PostgreSQL as conduit_monitor)" \
  "${api[@]}" alert-state "$PROM_URL" ConduitDatabaseDown inactive
stop_backend
check "backend stopped: ConduitBackendDown pending" wait_until 60 "${api[@]}" alert-state "$PROM_URL" ConduitBackendDown pending
check "backend stopped: ConduitBackendDown firing" wait_until 60 "${api[@]}" alert-state "$PROM_URL" ConduitBackendDown firing
start_backend
check "backend started again: ConduitBackendDown resolved" wait_until 120 "${api[@]}" alert-state "$PROM_URL" ConduitBackendDown inactive

echo
echo "monitoring: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
