#!/usr/bin/env bash
# The README's test command, as a user runs it: embedded database, no services.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24
env -u TEST_DATABASE_URL -u DATABASE_URL npm test
