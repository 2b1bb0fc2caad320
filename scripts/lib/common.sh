# Shared by the deploy, destroy and secrets scripts. Sourced, never executed.
# shellcheck shell=bash

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROJECT=${PROJECT:-proyecto06}
NAMESPACE=${NAMESPACE:-proyecto06}
TF_DIR=${TF_DIR:-$REPO_ROOT/infra/terraform/envs/production}
K8S_DIR=${K8S_DIR:-$REPO_ROOT/infra/k8s}
DATABASE_IMAGE_DIR=${DATABASE_IMAGE_DIR:-$REPO_ROOT/infra/database}
# Upper bounds of every wait: each is a readiness condition, never a fixed sleep.
WAIT_TIMEOUT=${WAIT_TIMEOUT:-10m}
# shellcheck disable=SC2034 # read by the scripts that source this file
COMPONENTS=(frontend backend database)

log() { printf '\n==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf '::error::%s\n' "$*" >&2
  exit 1
}

require_env() {
  local name
  for name in "$@"; do
    [ -n "${!name:-}" ] || die "environment variable $name is required"
  done
}

require_cmd() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || die "$cmd is not installed"
  done
}

# Appends markdown to the GitHub job summary when running in Actions, and to stderr always.
summary() {
  printf '%s\n' "$*" >&2
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then printf '%s\n' "$*" >>"$GITHUB_STEP_SUMMARY"; fi
}

# terraform init of the main stack against the bootstrap's state bucket and lock table.
terraform_init() {
  require_env AWS_REGION TF_STATE_BUCKET TF_LOCK_TABLE
  log "terraform init ($TF_STATE_BUCKET)"
  terraform -chdir="$TF_DIR" init -input=false -reconfigure \
    -backend-config="bucket=$TF_STATE_BUCKET" \
    -backend-config="region=$AWS_REGION" \
    -backend-config="dynamodb_table=$TF_LOCK_TABLE"
}

tf_output() {
  terraform -chdir="$TF_DIR" output -raw "$1"
}

update_kubeconfig() {
  log "kubeconfig for cluster $1"
  aws eks update-kubeconfig --name "$1" --region "$AWS_REGION"
}

# The database image's tag: a hash of the content of infra/database (paths and bytes), not the commit.
# A release that does not change the database image keeps its tag, so the StatefulSet does not roll.
database_image_tag() {
  local digest
  digest=$(cd "$DATABASE_IMAGE_DIR" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum)
  printf 'content-%s\n' "${digest:0:20}"
}
