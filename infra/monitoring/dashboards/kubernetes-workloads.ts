// "Kubernetes workloads": the pods of namespace proyecto06 as kube-state-metrics, cAdvisor, the kubelet
// and node-exporter (all installed by kube-prometheus-stack) report them.
import { graph, newDashboard, row } from './panels.ts';

const ns = 'namespace="proyecto06"';

export const kubernetesWorkloads = newDashboard(
  'conduit-kubernetes',
  'Kubernetes workloads',
  'Pods, restarts, CPU and memory against requests and limits, replicas and the HPA, PVC usage, nodes.',
)
  .withRow(row('Pods'))
  .withPanel(
    graph('Pods by phase', 'short', [
      { expr: `sum by (phase) (kube_pod_status_phase{${ns}})`, legend: '{{phase}}' },
    ]),
  )
  .withPanel(
    graph('Container restarts (1 h)', 'short', [
      {
        expr: `sum by (pod, container) (increase(kube_pod_container_status_restarts_total{${ns}}[1h]))`,
        legend: '{{pod}} / {{container}}',
      },
    ]),
  )
  .withPanel(
    graph('Deployment and StatefulSet replicas', 'short', [
      { expr: `kube_deployment_spec_replicas{${ns}}`, legend: '{{deployment}} wanted' },
      { expr: `kube_deployment_status_replicas_available{${ns}}`, legend: '{{deployment}} available' },
      { expr: `kube_statefulset_status_replicas_ready{${ns}}`, legend: '{{statefulset}} ready' },
    ]),
  )
  .withPanel(
    graph('HPA replicas', 'short', [
      {
        expr: `kube_horizontalpodautoscaler_status_current_replicas{${ns}}`,
        legend: '{{horizontalpodautoscaler}} current',
      },
      {
        expr: `kube_horizontalpodautoscaler_spec_max_replicas{${ns}}`,
        legend: '{{horizontalpodautoscaler}} max',
      },
      {
        expr: `kube_horizontalpodautoscaler_spec_min_replicas{${ns}}`,
        legend: '{{horizontalpodautoscaler}} min',
      },
    ]),
  )
  .withRow(row('Resources'))
  .withPanel(
    graph('CPU by pod against requests and limits', 'cores', [
      {
        expr: `sum by (pod) (rate(container_cpu_usage_seconds_total{${ns}, container!=""}[$__rate_interval]))`,
        legend: '{{pod}} used',
      },
      {
        expr: `sum by (pod) (kube_pod_container_resource_requests{${ns}, resource="cpu"})`,
        legend: '{{pod}} requested',
      },
      {
        expr: `sum by (pod) (kube_pod_container_resource_limits{${ns}, resource="cpu"})`,
        legend: '{{pod}} limit',
      },
    ]),
  )
  .withPanel(
    graph('Memory by pod against requests and limits', 'bytes', [
      {
        expr: `sum by (pod) (container_memory_working_set_bytes{${ns}, container!=""})`,
        legend: '{{pod}} working set',
      },
      {
        expr: `sum by (pod) (kube_pod_container_resource_requests{${ns}, resource="memory"})`,
        legend: '{{pod}} requested',
      },
      {
        expr: `sum by (pod) (kube_pod_container_resource_limits{${ns}, resource="memory"})`,
        legend: '{{pod}} limit',
      },
    ]),
  )
  .withPanel(
    graph('CPU throttling by container', 'percentunit', [
      {
        expr: `sum by (pod, container) (rate(container_cpu_cfs_throttled_periods_total{${ns}, container!=""}[$__rate_interval])) / sum by (pod, container) (rate(container_cpu_cfs_periods_total{${ns}, container!=""}[$__rate_interval]))`,
        legend: '{{pod}} / {{container}}',
      },
    ]),
  )
  .withPanel(
    graph('PVC usage', 'percentunit', [
      {
        expr: `kubelet_volume_stats_used_bytes{${ns}} / kubelet_volume_stats_capacity_bytes{${ns}}`,
        legend: '{{persistentvolumeclaim}}',
      },
    ]),
  )
  .withRow(row('Nodes'))
  .withPanel(
    graph('Node CPU and memory used', 'percentunit', [
      {
        expr: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[$__rate_interval]))',
        legend: 'cpu {{instance}}',
      },
      {
        expr: '1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes',
        legend: 'memory {{instance}}',
      },
    ]),
  );
