#!/usr/bin/env bash
# The cloud flow, proven offline: Terraform (fmt, validate, terraform test with a mocked AWS provider),
# kustomize renders validated against the Kubernetes schema and policies, the workflows linted, and the
# deploy/destroy scripts run against stub kubectl/aws/terraform, and every backend container started with
# its rendered environment against PostgreSQL. No cloud, cluster or Docker needed.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib.sh
ensure_node24
apt_install shellcheck yamllint
# infra/test/first-run.test.ts runs npm with the wrong Node, as a new user might.
NODE20_BIN=$(node_binary 20)
export NODE20_BIN

# kubectl (with kustomize) comes from Debian's kubectl package where the machine lacks it.
command -v kubectl >/dev/null 2>&1 || apt_install kubectl
# Terraform is not in Debian (licence); the machine image carries it. Say so clearly when it does not.
if ! command -v terraform >/dev/null 2>&1; then
  echo "terraform is not installed: this suite needs Terraform >= 1.11 on PATH (the machine image has /usr/local/bin/terraform)" >&2
  exit 1
fi
# The hashicorp/aws provider comes from the machine's filesystem mirror (no Terraform registry here).
if [ -z "${TF_PROVIDER_MIRROR:-}" ]; then
  provider=$(find / -xdev -path '*registry.terraform.io/hashicorp/aws/*' -name 'terraform-provider-aws*' -print -quit 2>/dev/null || true)
  [ -z "$provider" ] || export TF_PROVIDER_MIRROR="${provider%%/registry.terraform.io/*}"
fi
echo "terraform $(env -u TF_CLI_CONFIG_FILE terraform version | head -1 | cut -d' ' -f2), kubectl $(kubectl version --client 2>/dev/null | head -1 | cut -d' ' -f3), provider mirror ${TF_PROVIDER_MIRROR:-none (registry)}"

# infra/test/containers.test.ts starts the backend's containers as the manifests and compose file give
# them: it needs the built backend and a real PostgreSQL (CI_PG_URL).
start_postgres
[ -d node_modules/.bin ] || npm ci --no-audit --no-fund --loglevel=error
npm run build -w @proyecto06/backend >/dev/null

export INFRA_VITEST_JSON=$CI_WORK/infra-vitest.json
rm -f "$INFRA_VITEST_JSON"
status=0
npm run test:infra || status=$?
# One closing line with the counts, whatever happened above.
# shellcheck disable=SC2016 # ${...} below is a JavaScript template literal, not shell
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`infra: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$INFRA_VITEST_JSON" || echo "infra: no test report (the run failed before Vitest finished)"
exit "$status"
