#!/usr/bin/env bash
# The official RealWorld API suite (Bruno, 154 requests) on a fresh PostgreSQL and on a fresh embedded database.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24
start_postgres
npm run build -w @proyecto06/backend
log "API suite on PostgreSQL"
TEST_DATABASE_URL=$(fresh_database conduit_api) API_SUITE_PORT="$CI_BACKEND_PORT" npm run test:api
log "API suite on the embedded database"
env -u TEST_DATABASE_URL API_SUITE_PORT="$CI_BACKEND_PORT" npm run test:api
