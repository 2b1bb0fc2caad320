#!/usr/bin/env bash
# The same tests against a real PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24
start_postgres
TEST_DATABASE_URL=$(fresh_database conduit_unit) npm test
