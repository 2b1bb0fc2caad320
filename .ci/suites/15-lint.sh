#!/usr/bin/env bash
# Static checks: types, ESLint, Prettier. (The committed OpenAPI document is checked against the code by `npm test`.)
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24
npm run typecheck
npm run lint
