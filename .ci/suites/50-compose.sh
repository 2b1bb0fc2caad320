#!/usr/bin/env bash
# The compose flow for real: Docker engine (installed and started when missing), stand-in base images
# (no registry can be reached), the three images, `docker-compose up`, and the checks of
# scripts/compose/test.sh, which always tears the stack down.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24
COMPOSE_TEST_WORK="$CI_WORK/compose" bash scripts/compose/test.sh
