#!/usr/bin/env bash
# Makes sure an image repository exists before a push: scripts/destroy.sh deletes them, and the bootstrap
# that created them is not re-applied by CI. Same settings as infra/terraform/bootstrap/ecr.tf, same
# lifecycle policy file.
# Usage: ensure-ecr-repository.sh NAME
set -Eeuo pipefail
source "$(dirname "$0")/lib/common.sh"

name=${1:?usage: ensure-ecr-repository.sh NAME}
keep_images=${ECR_KEEP_IMAGES:-30}
policy_template=$REPO_ROOT/infra/terraform/bootstrap/ecr-lifecycle-policy.json.tftpl

if aws ecr describe-repositories --repository-names "$name" >/dev/null 2>&1; then
  log "ECR repository $name exists"
  exit 0
fi

log "ECR repository $name is missing; creating it"
aws ecr create-repository --repository-name "$name" --image-tag-mutability IMMUTABLE \
  --image-scanning-configuration scanOnPush=true --encryption-configuration encryptionType=AES256 \
  --tags "Key=Project,Value=$PROJECT" "Key=Stack,Value=bootstrap" "Key=ManagedBy,Value=terraform" >/dev/null
policy=$(sed "s/\${keep_images}/$keep_images/" "$policy_template")
aws ecr put-lifecycle-policy --repository-name "$name" --lifecycle-policy-text "$policy" >/dev/null
