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
start_postgres  # no-op when an earlier suite started it

log "e2e: Playwright against the real stack"
npm run test:e2e
