#!/usr/bin/env bash
# The deploy-to-eks job (.github/workflows/deploy.yml), runnable by hand with the same variables:
#   AWS_REGION, TF_STATE_BUCKET, TF_LOCK_TABLE   the bootstrap's outputs
#   IMAGE_TAG                                    the git SHA the images were pushed with
#   IMAGE_DIGESTS (CI)                           "frontend=sha256:... backend=sha256:... database=sha256:..."
#                                                the digests ECR returned at push: deployed by digest,
#                                                and only when ECR's scan found nothing critical in them
# Terraform apply, kubeconfig, then the manifests in the design's order, each stage waiting on a real
# condition: platform (namespace, policies, storage, autoscaler) -> secrets -> database (ready) ->
# migration Job (complete) -> backend (rolled out) -> frontend (rolled out) -> load balancer hostname ->
# smoke test. A failed smoke test rolls both Deployments back to their previous revision.
set -Eeuo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/monitoring.sh"

require_env AWS_REGION TF_STATE_BUCKET TF_LOCK_TABLE IMAGE_TAG
require_cmd terraform aws kubectl curl helm

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
release=$work/release.yaml

# Runs a wait command; on failure prints what Kubernetes knows and stops the deploy with a clear message.
wait_for() {
  local what=$1
  shift
  if ! "$@"; then
    warn "$what: diagnostics follow"
    kubectl get pods,jobs,events --namespace "$NAMESPACE" -o wide >&2 || true
    die "deploy stopped: $what did not happen within $WAIT_TIMEOUT"
  fi
}

apply_stage() {
  log "apply stage: $1"
  kubectl apply -f "$release" --selector "app.kubernetes.io/component=$1"
}

rollback() {
  local d
  for d in backend frontend; do
    log "rolling back deployment/$d"
    if kubectl rollout undo "deployment/$d" --namespace "$NAMESPACE"; then
      kubectl rollout status "deployment/$d" --namespace "$NAMESPACE" --timeout="$WAIT_TIMEOUT" ||
        warn "deployment/$d did not settle after the rollback"
    else
      warn "deployment/$d has no previous revision to return to (first deploy?)"
    fi
  done
}

# The scan gate: every image of the release, scanned on push by ECR, with no critical finding.
scan_gate() {
  local entry component digest repo critical
  for entry in $IMAGE_DIGESTS; do
    component=${entry%%=*} digest=${entry#*=}
    repo=$PROJECT-$component
    log "scan results of $repo@$digest"
    aws ecr wait image-scan-complete --repository-name "$repo" --image-id "imageDigest=$digest" ||
      die "deploy stopped: ECR did not finish scanning $repo@$digest"
    critical=$(aws ecr describe-image-scan-findings --repository-name "$repo" --image-id "imageDigest=$digest" \
      --query 'imageScanFindings.findingSeverityCounts.CRITICAL' --output text)
    case "$critical" in
      None | 0 | "") ;;
      *) die "deploy stopped: $repo@$digest has $critical critical vulnerabilities (ECR scan); nothing was changed" ;;
    esac
  done
}

# A re-run of the same release after a failed migration: the failed Job (its pod template is immutable
# and its retries are spent) is deleted so the apply starts a fresh one. A completed Job is kept (the
# apply is a no-op) and a running one is waited for, never killed mid-migration.
reset_failed_migration() {
  local failed
  failed=$(kubectl get "job/$migrate_job" --namespace "$NAMESPACE" --ignore-not-found \
    -o jsonpath='{.status.conditions[?(@.type=="Failed")].status}')
  if [ "$failed" = "True" ]; then
    log "migration Job $migrate_job failed in an earlier run; replacing it"
    kubectl delete "job/$migrate_job" --namespace "$NAMESPACE" --wait=true --timeout="$WAIT_TIMEOUT"
  fi
}

digest_args=()
if [ -n "${IMAGE_DIGESTS:-}" ]; then
  scan_gate
  for entry in $IMAGE_DIGESTS; do digest_args+=(--digest "$entry"); done
fi

terraform_init
log "terraform apply"
terraform -chdir="$TF_DIR" apply -input=false -auto-approve -lock-timeout=10m

cluster=$(tf_output cluster_name)
registry=$(tf_output ecr_registry)
certificate_arn=$(tf_output certificate_arn)
DATABASE_SECRET_ID=$(tf_output database_secret_id)
JWT_SECRET_ID=$(tf_output jwt_secret_id)
MONITORING_SECRET_ID=$(tf_output monitoring_secret_id)
GRAFANA_SECRET_ID=$(tf_output grafana_secret_id)
OPENAI_SECRET_ID=$(tf_output openai_secret_id)
backup_bucket=$(tf_output backup_bucket)
export DATABASE_SECRET_ID JWT_SECRET_ID MONITORING_SECRET_ID GRAFANA_SECRET_ID OPENAI_SECRET_ID

# HTTPS: the load balancer gets the certificate only once ACM has issued it (with a hosted zone Terraform
# has validated it already; without one, someone must add the DNS records first).
if [ -n "$certificate_arn" ]; then
  status=$(aws acm describe-certificate --certificate-arn "$certificate_arn" --query Certificate.Status --output text)
  if [ "$status" != "ISSUED" ]; then
    log "certificate $certificate_arn is $status; waiting until ACM issues it"
    aws acm wait certificate-validated --certificate-arn "$certificate_arn" ||
      die "deploy stopped: certificate $certificate_arn is not issued ($status). Add the DNS records of \`terraform -chdir=$TF_DIR output certificate_validation_records\` (or set HOSTED_ZONE_ID), then deploy again"
  fi
fi

update_kubeconfig "$cluster"

log "render release $IMAGE_TAG"
"$REPO_ROOT/scripts/render-release.sh" --registry "$registry" --tag "$IMAGE_TAG" --cluster "$cluster" \
  --region "$AWS_REGION" --certificate-arn "$certificate_arn" --backup-bucket "$backup_bucket" \
  "${digest_args[@]}" >"$release"
migrate_job=backend-migrate-${IMAGE_TAG:0:12}

apply_stage platform
"$REPO_ROOT/scripts/sync-secrets.sh" --aws
# Before the application, so the rollout itself is watched (the alerts on a failed migration included).
deploy_monitoring

apply_stage database
wait_for "the database becoming ready" \
  kubectl rollout status statefulset/database --namespace "$NAMESPACE" --timeout="$WAIT_TIMEOUT"
ensure_monitoring_role

reset_failed_migration
apply_stage migration
if ! kubectl wait "job/$migrate_job" --for=condition=complete --namespace "$NAMESPACE" --timeout="$WAIT_TIMEOUT"; then
  kubectl logs "job/$migrate_job" --namespace "$NAMESPACE" --tail=100 >&2 || true
  die "deploy stopped: migration Job $migrate_job did not complete within $WAIT_TIMEOUT (logs above); the backend was not updated"
fi

apply_stage backend
wait_for "the backend rollout" \
  kubectl rollout status deployment/backend --namespace "$NAMESPACE" --timeout="$WAIT_TIMEOUT"

apply_stage frontend
wait_for "the frontend rollout" \
  kubectl rollout status deployment/frontend --namespace "$NAMESPACE" --timeout="$WAIT_TIMEOUT"

wait_for "the load balancer getting a hostname" \
  kubectl wait service/frontend-service --for=jsonpath='{.status.loadBalancer.ingress}' \
  --namespace "$NAMESPACE" --timeout="$WAIT_TIMEOUT"
hostname=$(kubectl get service/frontend-service --namespace "$NAMESPACE" \
  -o jsonpath='{.status.loadBalancer.ingress[0].hostname}')
[ -n "$hostname" ] || die "deploy stopped: frontend-service has a load balancer but no hostname"

scheme=http
[ -z "$certificate_arn" ] || scheme=https
url=$scheme://$hostname
if [ -n "${DOMAIN_NAME:-}" ] && [ -n "$certificate_arn" ]; then url=https://$DOMAIN_NAME; fi

# Smoke through the load balancer itself (plain HTTP on port 80 always exists), so the check does not
# depend on the DNS record of the optional domain.
if ! "$REPO_ROOT/scripts/smoke-test.sh" "http://$hostname"; then
  rollback
  summary "### Deploy of \`$IMAGE_TAG\` failed its smoke test and was rolled back"
  die "smoke test failed: deployments rolled back"
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "url=$url" >>"$GITHUB_OUTPUT"; fi
summary "### Deployed \`$IMAGE_TAG\` to EKS cluster \`$cluster\`"
summary ""
summary "Public URL: $url"
deploy_k8sgpt
k8sgpt_summary
