#!/usr/bin/env bash
# Smoke test of a deployed stack through its public entry point: nginx's own health, the backend's
# health through nginx's proxy, one API call and the application page.
# Usage: smoke-test.sh BASE_URL   (e.g. http://xxx.elb.amazonaws.com)
# A new load balancer's DNS name takes a few minutes to resolve: curl retries with a bounded budget.
set -Eeuo pipefail
source "$(dirname "$0")/lib/common.sh"

base=${1:?usage: smoke-test.sh BASE_URL}
retries=${SMOKE_RETRIES:-30}
failures=0

check() {
  local path=$1 expect=$2 body
  if ! body=$(curl --fail --silent --show-error --location --max-time 10 \
    --retry "$retries" --retry-delay 10 --retry-all-errors "$base$path"); then
    warn "smoke: GET $path failed"
    failures=$((failures + 1))
    return
  fi
  if [[ "$body" != *"$expect"* ]]; then
    warn "smoke: GET $path answered without \"$expect\""
    failures=$((failures + 1))
    return
  fi
  printf 'smoke: GET %s ok\n' "$path" >&2
}

check /healthz ok
check /health '"status"'
check /api/tags '"tags"'
check / '<app-root'

[ "$failures" -eq 0 ] || die "smoke test of $base: $failures check(s) failed"
log "smoke test of $base passed"
