#!/usr/bin/env bash
# Browser tests: the built Angular app served by the backend (embedded mode, one origin) on a real
# PostgreSQL, driven by Playwright in the system Chromium. e2e/support/start-stack.ts builds the workspaces,
# creates a fresh database on the throwaway server, migrates and starts the backend on 127.0.0.1:18000.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24

log "e2e: Chromium and PostgreSQL"
apt_install chromium
# An earlier suite may have started it already. Ask the server itself: start_postgres's own check looks for
# pg_isready next to initdb, which is not there when initdb is on PATH outside the PostgreSQL bin folder
# (/usr/local/bin here), and a second start_postgres then wipes the running cluster.
psql -q -h 127.0.0.1 -p "$CI_PG_PORT" -U postgres -c 'select 1' >/dev/null 2>&1 || start_postgres

log "e2e: Playwright against the real stack"
npm run test:e2e
