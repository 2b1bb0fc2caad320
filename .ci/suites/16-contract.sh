#!/usr/bin/env bash
# The API contract: the committed OpenAPI document must not break clients written against main's
# (removed paths, fields or parameters, required changes, retyped fields). BASE_REF overrides the branch.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24
node packages/contract/scripts/check-breaking.mjs
