#!/usr/bin/env bash
# Renders the Kubernetes objects of one release: overlays/eks plus the account's ECR registry, the
# release's image tag (git SHA), a per-release name for the migration Job, the cluster's name and region
# for the Cluster Autoscaler, the S3 bucket of the database backups (Terraform's output backup_bucket, in
# place of the overlay's placeholder, which is never rendered) and, when a certificate ARN is given, the
# HTTPS listener.
# The database image is tagged by the content of infra/database (database_image_tag), not by the SHA, so
# a release that does not touch it does not restart the database. With --digest COMPONENT=sha256:...
# (the digest ECR returned at push) an image is pinned by digest instead of by tag.
# Usage: render-release.sh --registry HOST --tag SHA --backup-bucket NAME [--cluster NAME] [--region REGION]
#          [--certificate-arn ARN] [--digest COMPONENT=sha256:HEX]...
# Prints the YAML on stdout. Run by scripts/deploy.sh; the infra tests render and validate it too.
set -Eeuo pipefail
source "$(dirname "$0")/lib/common.sh"

# What infra/k8s/components/backup holds until a release sets the bucket.
BACKUP_BUCKET_PLACEHOLDER=__BACKUP_BUCKET__

registry="" tag="" backup_bucket="" cluster=$PROJECT region=${AWS_REGION:-us-east-1} certificate_arn=""
declare -A digests=()
while [ $# -gt 0 ]; do
  case "$1" in
    --registry) registry=$2 ;;
    --tag) tag=$2 ;;
    --backup-bucket) backup_bucket=$2 ;;
    --cluster) cluster=$2 ;;
    --region) region=$2 ;;
    --certificate-arn) certificate_arn=$2 ;;
    --digest)
      [[ "$2" =~ ^(frontend|backend|database)=sha256:[0-9a-f]{64}$ ]] || die "--digest must be COMPONENT=sha256:<64 hex>, not $2"
      digests[${2%%=*}]=${2#*=}
      ;;
    *) die "unknown argument $1" ;;
  esac
  shift 2
done
[ -n "$registry" ] || die "--registry is required"
[[ "$tag" =~ ^[A-Za-z0-9._-]{1,128}$ ]] || die "--tag must be an image tag such as the git SHA"
# S3's naming rules (3-63 lowercase letters, digits, dots and hyphens, a letter or digit at each end),
# which also keep the name from breaking the YAML below.
[[ "$backup_bucket" =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] ||
  die "--backup-bucket must be the S3 bucket of the backups (terraform output backup_bucket), not '$backup_bucket'"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# kustomize accepts only relative paths to other kustomizations.
overlay=$(realpath --relative-to="$work" "$K8S_DIR/overlays/eks")
https=$(realpath --relative-to="$work" "$K8S_DIR/components/https")

{
  echo "apiVersion: kustomize.config.k8s.io/v1beta1"
  echo "kind: Kustomization"
  echo "resources: [$overlay]"
  [ -z "$certificate_arn" ] || echo "components: [$https]"
  echo "images:"
  for c in "${COMPONENTS[@]}"; do
    image_tag=$tag
    [ "$c" != database ] || image_tag=$(database_image_tag)
    if [ -n "${digests[$c]:-}" ]; then
      printf '  - {name: %s-%s, newName: %s/%s-%s, digest: "%s"}\n' "$PROJECT" "$c" "$registry" "$PROJECT" "$c" "${digests[$c]}"
    else
      printf '  - {name: %s-%s, newName: %s/%s-%s, newTag: "%s"}\n' "$PROJECT" "$c" "$registry" "$PROJECT" "$c" "$image_tag"
    fi
  done
  cat <<YAML
configMapGenerator:
  - name: database-backup
    namespace: $NAMESPACE
    behavior: merge
    literals: [BACKUP_BUCKET=$backup_bucket]
patches:
  # A Job's pod template is immutable: each release gets its own migration Job.
  - target: {kind: Job, name: backend-migrate}
    patch: |-
      - {op: replace, path: /metadata/name, value: backend-migrate-${tag:0:12}}
  - target: {kind: Deployment, name: cluster-autoscaler}
    patch: |-
      - {op: replace, path: /spec/template/spec/containers/0/env/0/value, value: "$region"}
      - {op: replace, path: /spec/template/spec/containers/0/command/2, value: "--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/$cluster"}
YAML
  if [ -n "$certificate_arn" ]; then
    cat <<YAML
  - target: {kind: Service, name: frontend-service}
    patch: |-
      - {op: replace, path: /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-ssl-cert, value: "$certificate_arn"}
YAML
  fi
} >"$work/kustomization.yaml"

kubectl kustomize "$work" >"$work/release.yaml"
! grep -q "$BACKUP_BUCKET_PLACEHOLDER" "$work/release.yaml" ||
  die "the release still holds the backup bucket placeholder $BACKUP_BUCKET_PLACEHOLDER (infra/k8s/components/backup)"
cat "$work/release.yaml"
