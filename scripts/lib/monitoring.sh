# Observability on EKS (docs/observability.md), sourced by deploy.sh and destroy.sh after common.sh.
# kube-prometheus-stack and the k8sgpt-operator come from their Helm repositories at pinned versions
# (Renovate proposes updates); our values, rules and dashboards come from the repository.
# shellcheck shell=bash

MONITORING_NAMESPACE=monitoring
K8SGPT_NAMESPACE=k8sgpt-operator-system
KUBE_PROMETHEUS_STACK_VERSION=77.0.0
K8SGPT_OPERATOR_VERSION=0.2.17
MONITORING_DIR=$REPO_ROOT/infra/monitoring

# kube-prometheus-stack (CRDs, operator, Prometheus, Alertmanager, Grafana, kube-state-metrics,
# node-exporter), then our component, which needs its CRDs. Grafana's admin Secret exists already
# (sync-secrets.sh). No Service of the stack is a load balancer: open it with kubectl port-forward.
deploy_monitoring() {
  log "helm: kube-prometheus-stack $KUBE_PROMETHEUS_STACK_VERSION in $MONITORING_NAMESPACE"
  helm upgrade --install kube-prometheus-stack kube-prometheus-stack \
    --repo https://prometheus-community.github.io/helm-charts --version "$KUBE_PROMETHEUS_STACK_VERSION" \
    --namespace "$MONITORING_NAMESPACE" --create-namespace \
    --values "$MONITORING_DIR/helm/kube-prometheus-stack.values.yaml" --wait --timeout "$WAIT_TIMEOUT"
  log "apply the monitoring component (ServiceMonitor, PodMonitor, PrometheusRule, dashboards)"
  kubectl kustomize "$K8S_DIR/monitoring" | kubectl apply -f -
}

# The pg_monitor role of postgres_exporter, on a database that may predate it or have had its password
# rotated: the image's own idempotent init script, run in the database container.
ensure_monitoring_role() {
  log "pg_monitor role for postgres_exporter"
  kubectl exec statefulset/database --container database --namespace "$NAMESPACE" -- \
    /docker-entrypoint-initdb.d/20-monitoring.sh
}

k8sgpt_enabled() {
  kubectl get secret k8sgpt-openai --namespace "$K8SGPT_NAMESPACE" >/dev/null 2>&1
}

# The operator and our K8sGPT resource, only when an OpenAI key was synced; otherwise one clear line.
deploy_k8sgpt() {
  if ! k8sgpt_enabled; then
    summary "K8sGPT skipped: no OpenAI key in Secrets Manager ($PROJECT/openai-api-key). See docs/observability.md."
    return 0
  fi
  log "helm: k8sgpt-operator $K8SGPT_OPERATOR_VERSION in $K8SGPT_NAMESPACE"
  helm upgrade --install k8sgpt-operator k8sgpt-operator --repo https://charts.k8sgpt.ai/ \
    --version "$K8SGPT_OPERATOR_VERSION" --namespace "$K8SGPT_NAMESPACE" --create-namespace \
    --values "$MONITORING_DIR/helm/k8sgpt-operator.values.yaml" --wait --timeout "$WAIT_TIMEOUT"
  kubectl apply -f "$MONITORING_DIR/k8sgpt/k8sgpt.yaml"
}

# K8sGPT's current findings (Result objects) into the job summary. Analyses run in the background, so a
# fresh install may have none yet: the summary says so rather than waiting.
k8sgpt_summary() {
  k8sgpt_enabled || return 0
  local results
  results=$(kubectl get results.core.k8sgpt.ai --namespace "$K8SGPT_NAMESPACE" \
    -o jsonpath='{range .items[*]}{.spec.kind}{" "}{.spec.name}{": "}{.spec.details}{"\n"}{end}' 2>/dev/null || true)
  summary ""
  summary "### K8sGPT findings"
  if [ -z "$results" ]; then
    summary "No finding (or the first analysis has not finished yet: kubectl get results -n $K8SGPT_NAMESPACE)."
    return 0
  fi
  while IFS= read -r line; do summary "- ${line:0:300}"; done <<<"$results"
}

# Destroy: our K8sGPT resource and both Helm releases, then the monitoring namespaces with their PVCs
# (Prometheus's gp3 volume), waiting until AWS has deleted those EBS volumes. CRDs go with the cluster.
delete_monitoring() {
  local release ns
  kubectl delete k8sgpts.core.k8sgpt.ai --all --namespace "$K8SGPT_NAMESPACE" --ignore-not-found --wait=true \
    --timeout="$WAIT_TIMEOUT" 2>/dev/null || true
  for release in k8sgpt-operator/$K8SGPT_NAMESPACE kube-prometheus-stack/$MONITORING_NAMESPACE; do
    ns=${release#*/}
    release=${release%/*}
    if helm status "$release" --namespace "$ns" >/dev/null 2>&1; then
      log "helm uninstall $release"
      helm uninstall "$release" --namespace "$ns" --wait --timeout "$WAIT_TIMEOUT"
      note_removed "Helm release $release"
    fi
  done
  delete_volumes "$MONITORING_NAMESPACE"
  kubectl delete namespace "$MONITORING_NAMESPACE" "$K8SGPT_NAMESPACE" --ignore-not-found --wait=true --timeout="$WAIT_TIMEOUT"
}
