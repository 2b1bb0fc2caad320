#!/usr/bin/env bash
# The destroy workflow (.github/workflows/destroy.yml), runnable by hand with the same variables:
#   AWS_REGION, TF_STATE_BUCKET, TF_LOCK_TABLE   the bootstrap's outputs
#   CONFIRM_DESTROY                              must equal the project name (proyecto06)
# Order matters on EKS: load balancers and EBS volumes are created by Kubernetes, not Terraform, and
# keep ENIs and security groups in the VPC; destroying the VPC first fails (DependencyViolation) or
# orphans them. So: LoadBalancer Services first, and wait until AWS says their load balancers are gone;
# then the workloads; then the PVCs, waiting until their EBS volumes are gone; then terraform destroy;
# then the ECR repositories. The bootstrap (state bucket, lock table, OIDC, CI roles) stays.
# Every step tolerates "already gone", so a re-run after a partial failure continues where it stopped.
set -Eeuo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/monitoring.sh"

# --delete-backups (or DELETE_BACKUPS=true): the database backup bucket goes too; by default it stays.
DELETE_BACKUPS=${DELETE_BACKUPS:-false}
for arg in "$@"; do
  case "$arg" in
    --delete-backups) DELETE_BACKUPS=true ;;
    *) die "unknown argument '$arg' (the only option is --delete-backups)" ;;
  esac
done

require_env AWS_REGION TF_STATE_BUCKET TF_LOCK_TABLE
[ "${CONFIRM_DESTROY:-}" = "$PROJECT" ] || die "set CONFIRM_DESTROY=$PROJECT to destroy the $PROJECT stack"
require_cmd terraform aws kubectl helm

removed=()
note_removed() { removed+=("$*"); }

# Load balancers that Kubernetes created for this cluster (the in-tree provider tags them).
tagged_load_balancers() {
  aws resourcegroupstaggingapi get-resources --resource-type-filters elasticloadbalancing:loadbalancer \
    --tag-filters "Key=kubernetes.io/cluster/$cluster" --query 'ResourceTagMappingList[].ResourceARN' --output text
}

# True when AWS still describes the load balancer (the tagging API may list one shortly after deletion).
load_balancer_exists() {
  aws elbv2 describe-load-balancers --load-balancer-arns "$1" >/dev/null 2>&1
}

delete_load_balancer_services() {
  local services svc lbs arn
  services=$(kubectl get services --all-namespaces \
    -o jsonpath='{range .items[?(@.spec.type=="LoadBalancer")]}{.metadata.namespace}/{.metadata.name}{"\n"}{end}')
  for svc in $services; do
    log "deleting LoadBalancer service $svc"
    kubectl delete service "${svc#*/}" --namespace "${svc%%/*}" --ignore-not-found --wait=true --timeout="$WAIT_TIMEOUT"
    note_removed "Service $svc (LoadBalancer)"
  done
  lbs=$(tagged_load_balancers)
  for arn in $lbs; do
    log "waiting until AWS has deleted load balancer $arn"
    aws elbv2 wait load-balancers-deleted --load-balancer-arns "$arn" ||
      die "load balancer $arn still exists; not continuing (re-run once AWS has removed it)"
    note_removed "load balancer $arn"
  done
}

delete_workloads() {
  log "deleting workloads in $NAMESPACE"
  kubectl delete deployments,statefulsets,jobs,horizontalpodautoscalers,poddisruptionbudgets --all \
    --namespace "$NAMESPACE" --ignore-not-found --wait=true --timeout="$WAIT_TIMEOUT"
  # The autoscaler would otherwise keep nodes up (or add some) while the cluster is going away.
  kubectl delete deployment cluster-autoscaler --namespace kube-system --ignore-not-found --wait=true --timeout="$WAIT_TIMEOUT"
  note_removed "workloads of namespace $NAMESPACE and the cluster autoscaler"
}

# EBS volumes the CSI driver made for a namespace's claims (it tags them with the claim's namespace).
namespace_volumes() {
  aws ec2 describe-volumes --filters "Name=tag:kubernetes.io/created-for/pvc/namespace,Values=$1" \
    --query 'Volumes[].VolumeId' --output text
}

delete_volumes() {
  local ns=$1 volumes volume
  volumes=$(namespace_volumes "$ns")
  log "deleting PersistentVolumeClaims in $ns"
  kubectl delete persistentvolumeclaims --all --namespace "$ns" --ignore-not-found --wait=true --timeout="$WAIT_TIMEOUT"
  for volume in $volumes; do
    log "waiting until EBS volume $volume is deleted"
    aws ec2 wait volume-deleted --volume-ids "$volume" ||
      die "EBS volume $volume still exists; not continuing (re-run once it is gone)"
    note_removed "EBS volume $volume"
  done
}

# The last guard: terraform destroy runs only when no load balancer of the cluster is left.
assert_no_load_balancers() {
  local arn
  for arn in $(tagged_load_balancers); do
    if load_balancer_exists "$arn"; then
      die "refusing terraform destroy: load balancer $arn still exists (its ENIs would block the VPC)"
    fi
  done
}

delete_repositories() {
  local c repo
  for c in "${COMPONENTS[@]}"; do
    repo=$PROJECT-$c
    if aws ecr describe-repositories --repository-names "$repo" >/dev/null 2>&1; then
      log "deleting ECR repository $repo and its images"
      aws ecr delete-repository --repository-name "$repo" --force >/dev/null
      note_removed "ECR repository $repo"
    fi
  done
}

# The database backups outlive the stack (design §10): unless --delete-backups, their bucket and its KMS
# key leave Terraform's state before the destroy, which then does not touch them. (With
# --delete-backups, the bucket's force_destroy empties it, every version included.)
kept_backups=""
keep_backups() {
  local addresses
  addresses=$(terraform -chdir="$TF_DIR" state list |
    grep -E '^module\.eks\.(aws_s3_bucket[a-z_]*|aws_kms_key|aws_kms_alias)\.backups$' || true)
  [ -n "$addresses" ] || return 0
  kept_backups=$(tf_output backup_bucket 2>/dev/null || echo "the backup bucket")
  log "keeping $kept_backups and its KMS key (--delete-backups deletes them)"
  # shellcheck disable=SC2086 # one address per word
  terraform -chdir="$TF_DIR" state rm -lock-timeout=10m $addresses >/dev/null
}

# Anything still tagged for the project or the cluster, except the kept bootstrap and what is kept on
# purpose (tag KeptOnDestroy=true, e.g. a backups bucket).
leftovers() {
  aws resourcegroupstaggingapi get-resources --tag-filters "Key=Project,Values=$PROJECT" \
    --query "ResourceTagMappingList[?length(Tags[?(Key=='Stack' && Value=='bootstrap') || (Key=='KeptOnDestroy' && Value=='true')]) == \`0\`].ResourceARN" --output text
  aws resourcegroupstaggingapi get-resources --tag-filters "Key=kubernetes.io/cluster/$cluster" \
    --query 'ResourceTagMappingList[].ResourceARN' --output text
}

# Why a tagged ARN only looks like a leftover (prints the reason), or nothing when it is one: a KMS key
# waits out its deletion window with its tags; a secret may be scheduled for deletion; the tagging API
# lists some resources for a while after AWS deleted them.
not_a_leftover() {
  local arn=$1 state
  case "$arn" in
    arn:*:kms:*:key/*)
      if ! state=$(aws kms describe-key --key-id "$arn" --query KeyMetadata.KeyState --output text 2>/dev/null); then
        echo "deleted (the tagging API lags)"
      elif [ "$state" = PendingDeletion ]; then
        echo "KMS key pending deletion (AWS deletes it at the end of its waiting period)"
      fi
      ;;
    arn:*:secretsmanager:*)
      if ! state=$(aws secretsmanager describe-secret --secret-id "$arn" --query DeletedDate --output text 2>/dev/null); then
        echo "deleted (the tagging API lags)"
      elif [ "$state" != None ]; then
        echo "secret scheduled for deletion ($state)"
      fi
      ;;
    arn:*:ec2:*:network-interface/*)
      aws ec2 describe-network-interfaces --network-interface-ids "${arn##*/}" >/dev/null 2>&1 ||
        echo "deleted (the tagging API lags)"
      ;;
    arn:*:elasticloadbalancing:*:loadbalancer/*)
      load_balancer_exists "$arn" || echo "deleted (the tagging API lags)"
      ;;
  esac
}

terraform_init
cluster=$(tf_output cluster_name 2>/dev/null || echo "$PROJECT")

if aws eks describe-cluster --name "$cluster" --region "$AWS_REGION" >/dev/null 2>&1; then
  update_kubeconfig "$cluster"
  delete_load_balancer_services
  delete_workloads
  delete_monitoring
  delete_volumes "$NAMESPACE"
else
  log "cluster $cluster does not exist; skipping the Kubernetes steps"
fi

assert_no_load_balancers
if [ "$DELETE_BACKUPS" = true ]; then note_removed "database backup bucket and its KMS key (--delete-backups)"; else keep_backups; fi
log "terraform destroy"
terraform -chdir="$TF_DIR" destroy -input=false -auto-approve -lock-timeout=10m
note_removed "Terraform main stack (VPC, EKS, node group, IAM roles, KMS key, secrets)"

delete_repositories

left="" pending=()
for arn in $(leftovers | tr -s '[:space:]' '\n' | sed '/^$/d' | sort -u); do
  reason=$(not_a_leftover "$arn")
  if [ -n "$reason" ]; then pending+=("$arn: $reason"); else left+="$arn"$'\n'; fi
done
left=${left%$'\n'}
summary "### Destroyed the $PROJECT stack"
summary ""
for item in "${removed[@]}"; do summary "- removed: $item"; done
for item in "${pending[@]}"; do summary "- going away: $item"; done
summary "- kept: the bootstrap (state bucket $TF_STATE_BUCKET, lock table $TF_LOCK_TABLE, OIDC provider, CI roles)"
[ -z "$kept_backups" ] || summary "- kept: database backups in $kept_backups and its KMS key (docs/operations.md: delete them, or adopt them in the next stack)"
if [ -n "$left" ]; then
  summary ""
  summary "Still tagged for $PROJECT/$cluster (the tagging API can lag a few minutes; re-run to check again):"
  while IFS= read -r arn; do summary "- $arn"; done <<<"$left"
  die "resources tagged for $PROJECT are left"
fi
summary ""
summary "Nothing tagged for $PROJECT or cluster $cluster is left."
