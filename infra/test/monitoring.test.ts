/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests and Helm values are untyped YAML. */
// Observability, offline: the rule source's conventions (kube-prometheus style), runbooks and unit-test
// coverage; the Kubernetes monitoring component validated with @kubernetes-models/prometheus-operator and
// wired to the app's Services, pods and NetworkPolicies; the Helm values; K8sGPT's resource.
// promtool itself (check + unit tests) and a real Prometheus run in .ci/suites/70-monitoring.sh.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  PodMonitor,
  PrometheusRule,
  ServiceMonitor,
} from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allowed, type Peer } from './support/network-policy.ts';
import { find, matches, renderOverlay, unknownFields, validateSchema, workloads } from './support/k8s.ts';
import { repoRoot } from './support/tools.ts';

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
const monitoring = join(repoRoot, 'infra/monitoring');
const ruleSource = parse(readFileSync(join(monitoring, 'rules/conduit.rules.yaml'), 'utf8')) as {
  groups: { name: string; rules: Rule[] }[];
};
const rules = ruleSource.groups.flatMap((g) => g.rules);
const alerts = rules.filter((r) => r.alert);
const alertNames = [...new Set(alerts.map((r) => r.alert!))];
const runbooks = join(repoRoot, 'docs/runbooks');
const RUNBOOK_BASE = 'https://github.com/proyecto06/proyecto06/blob/main/docs/runbooks/';

describe('rule source', () => {
  it('has the alerts the design asks for', () => {
    expect(alertNames.sort()).toEqual(
      [
        'ConduitBackendDown',
        'ConduitBackendNoReplicaAvailable',
        'ConduitDatabaseConnectionsNearMax',
        'ConduitDatabaseDown',
        'ConduitDatabaseVolumeFilling',
        'ConduitErrorBudgetBurn',
        'ConduitHigh5xxRatio',
        'ConduitLatencyP99High',
        'ConduitMigrationFailed',
        'ConduitPodRestartingOften',
      ].sort(),
    );
  });

  it('recording rules follow level:metric:operations naming', () => {
    for (const r of rules.filter((x) => x.record)) expect(r.record).toMatch(/^[a-z_]+:[a-z_]+:[a-z0-9_]+$/);
  });

  it.each(alerts.map((a) => [`${a.alert} (${a.labels?.severity})`, a] as const))(
    '%s: PascalCase, severity, summary, description, runbook_url to its runbook',
    (_name, a) => {
      expect(a.alert).toMatch(/^Conduit[A-Z][A-Za-z0-9]+$/);
      expect(['critical', 'warning']).toContain(a.labels?.severity);
      expect(a.annotations?.summary).toMatch(/\.$/);
      expect(a.annotations?.description?.length).toBeGreaterThan(20);
      expect(a.annotations?.runbook_url).toBe(`${RUNBOOK_BASE}${a.alert}.md`);
    },
  );

  it.each(alertNames)('%s has a runbook saying what it means, how to confirm and how to fix', (name) => {
    const file = join(runbooks, `${name}.md`);
    expect(existsSync(file), file).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${name}`);
    for (const section of ['**Meaning.**', '**Confirm.**', '**Fix.**']) expect(text).toContain(section);
  });

  it('every runbook belongs to an alert', () => {
    const pages = readdirSync(runbooks).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.map((f) => f.replace(/\.md$/, '')).sort()).toEqual([...alertNames].sort());
  });

  it('every alert has a unit test where it fires and one where it does not', () => {
    const dir = join(monitoring, 'tests');
    const cases = readdirSync(dir)
      .filter((f) => f.endsWith('.test.yaml'))
      .flatMap(
        (f) =>
          (
            parse(readFileSync(join(dir, f), 'utf8')) as {
              tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[];
            }
          ).tests,
      )
      .flatMap((t) => t.alert_rule_test ?? []);
    for (const name of alertNames) {
      const mine = cases.filter((c) => c.alertname === name);
      expect(
        mine.some((c) => c.exp_alerts.length > 0),
        `${name} firing`,
      ).toBe(true);
      expect(
        mine.some((c) => c.exp_alerts.length === 0),
        `${name} not firing`,
      ).toBe(true);
    }
  });
});

const component = renderOverlay('monitoring');
const eks = renderOverlay('overlays/eks');
const values = parse(readFileSync(join(monitoring, 'helm/kube-prometheus-stack.values.yaml'), 'utf8')) as any;
const crdModels: Record<string, new (o: any) => { validate(): void }> = {
  ServiceMonitor,
  PodMonitor,
  PrometheusRule,
};

describe('Kubernetes monitoring component', () => {
  it('renders the ServiceMonitor, PodMonitor, PrometheusRule and one ConfigMap per dashboard', () => {
    const dashboards = readdirSync(join(monitoring, 'dashboards/generated')).filter((f) =>
      f.endsWith('.json'),
    );
    expect(component.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        'PodMonitor/conduit-database',
        'PrometheusRule/conduit',
        'ServiceMonitor/conduit-backend',
        ...dashboards.map((f) => `ConfigMap/grafana-dashboard-${f.replace(/\.json$/, '')}`),
      ].sort(),
    );
    for (const o of component) {
      expect(o.metadata.namespace, o.metadata.name).toBe('monitoring');
      expect(o.metadata.labels?.['app.kubernetes.io/component']).toBe('monitoring');
    }
  });

  it('every object validates: CRDs against @kubernetes-models/prometheus-operator, the rest against Kubernetes', async () => {
    for (const o of component) {
      const Model = crdModels[o.kind];
      if (Model) expect(() => new Model(o).validate(), o.kind).not.toThrow();
      else {
        await expect(validateSchema(o)).resolves.toBeUndefined();
        expect(unknownFields(o)).toEqual([]);
      }
    }
  });

  it('a model rejects a broken object (the validation is real)', () => {
    const monitor = structuredClone(find(component, 'ServiceMonitor', 'conduit-backend'));
    monitor.spec.endpoints[0].port = 8000;
    expect(() => new ServiceMonitor(monitor as any).validate()).toThrow(/port must be string/);
  });

  it('the ServiceMonitor scrapes the backend Service by its named port, as job conduit-backend', () => {
    const monitor = find(component, 'ServiceMonitor', 'conduit-backend');
    expect(monitor.spec.namespaceSelector.matchNames).toEqual(['proyecto06']);
    const services = eks.filter(
      (o) =>
        o.kind === 'Service' &&
        o.metadata.namespace === 'proyecto06' &&
        matches(monitor.spec.selector.matchLabels, o.metadata.labels ?? {}),
    );
    expect(services.map((s) => s.metadata.name)).toEqual(['backend-service']);
    const endpoint = monitor.spec.endpoints[0];
    expect(services[0]!.spec.ports.map((p: any) => p.name)).toContain(endpoint.port);
    expect(endpoint.path).toBe('/metrics');
    expect(endpoint.relabelings).toContainEqual({
      action: 'replace',
      targetLabel: 'job',
      replacement: 'conduit-backend',
    });
  });

  it("the PodMonitor scrapes the database pod's postgres_exporter sidecar, as job conduit-database", () => {
    const monitor = find(component, 'PodMonitor', 'conduit-database');
    const database = workloads(eks).find((w) => w.name === 'database')!;
    expect(matches(monitor.spec.selector.matchLabels, database.template.metadata.labels)).toBe(true);
    const exporter = database.template.spec.containers.find((c: any) => c.name === 'postgres-exporter');
    expect(exporter.ports).toEqual([{ name: 'metrics', containerPort: 9187 }]);
    expect(monitor.spec.podMetricsEndpoints[0].port).toBe('metrics');
    expect(monitor.spec.podMetricsEndpoints[0].relabelings).toContainEqual({
      action: 'replace',
      targetLabel: 'job',
      replacement: 'conduit-database',
    });
  });

  it('the exporter logs in as conduit_monitor with the password of the secret flow, optional so the database never waits on it', () => {
    const database = workloads(eks).find((w) => w.name === 'database')!;
    const containers = database.template.spec.containers;
    const exporter = containers.find((c: any) => c.name === 'postgres-exporter');
    const env = Object.fromEntries(exporter.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
    expect(env.DATA_SOURCE_USER).toBe('conduit_monitor');
    expect(env.DATA_SOURCE_URI).toMatch(/^127\.0\.0\.1:5432\/proyecto06_db\?/);
    const secretRef = {
      secretKeyRef: { name: 'database-credentials', key: 'MONITORING_PASSWORD', optional: true },
    };
    expect(env.DATA_SOURCE_PASS).toEqual(secretRef);
    const db = containers.find((c: any) => c.name === 'database');
    expect(db.env.find((e: any) => e.name === 'MONITORING_PASSWORD').valueFrom).toEqual(secretRef);
    expect(readFileSync(join(repoRoot, 'scripts/sync-secrets.sh'), 'utf8')).toContain(
      'database-credentials/MONITORING_PASSWORD',
    );
    expect(readFileSync(join(repoRoot, 'infra/database/initdb.d/20-monitoring.sh'), 'utf8')).toMatch(
      /IN ROLE pg_monitor/,
    );
  });

  it('NetworkPolicies let Prometheus reach the exporter, and still not PostgreSQL', () => {
    const policies = eks.filter((o) => o.kind === 'NetworkPolicy');
    const database = workloads(eks).find((w) => w.name === 'database')!;
    const prometheus: Peer = { labels: { 'app.kubernetes.io/name': 'prometheus' }, namespace: 'monitoring' };
    const db: Peer = { labels: database.template.metadata.labels, namespace: 'proyecto06' };
    const elsewhere: Peer = { labels: { 'app.kubernetes.io/name': 'prometheus' }, namespace: 'default' };
    expect(allowed(policies, prometheus, db, 9187, database)).toBe(true);
    expect(allowed(policies, prometheus, db, 5432, database)).toBe(false);
    expect(allowed(policies, elsewhere, db, 9187, database)).toBe(false);
  });

  it('the PrometheusRule carries exactly the groups of the one rule source', () => {
    expect(find(component, 'PrometheusRule', 'conduit').spec.groups).toEqual(ruleSource.groups);
  });

  it('dashboard ConfigMaps carry the generated JSON under the label the Grafana sidecar watches', () => {
    const sidecar = values.grafana.sidecar.dashboards;
    for (const cm of component.filter((o) => o.kind === 'ConfigMap')) {
      expect(cm.metadata.labels?.[sidecar.label]).toBe(sidecar.labelValue);
      const [file, json] = Object.entries(cm.data as Record<string, string>)[0]!;
      expect(json).toBe(readFileSync(join(monitoring, 'dashboards/generated', file), 'utf8'));
      const dashboard = JSON.parse(json);
      expect(dashboard.templating.list[0]).toMatchObject({
        type: 'datasource',
        name: 'datasource',
        query: 'prometheus',
      });
      const targets = dashboard.panels.flatMap((p: any) => p.targets ?? []);
      expect(targets.length).toBeGreaterThan(5);
      for (const p of dashboard.panels.filter((x: any) => x.type !== 'row'))
        expect(p.datasource, p.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
    }
  });
});

describe('kube-prometheus-stack values', () => {
  it('keeps 15 days on a gp3 volume', () => {
    const spec = values.prometheus.prometheusSpec;
    expect(spec.retention).toBe('15d');
    expect(spec.storageSpec.volumeClaimTemplate.spec.storageClassName).toBe(
      find(eks, 'StorageClass', 'gp3').metadata.name,
    );
  });

  it('selects monitors and rules of every namespace without the Helm release label', () => {
    const spec = values.prometheus.prometheusSpec;
    for (const kind of ['serviceMonitor', 'podMonitor', 'rule', 'probe']) {
      expect(spec[`${kind}SelectorNilUsesHelmValues`], kind).toBe(false);
      expect(spec[`${kind}Selector`], kind).toEqual({});
      expect(spec[`${kind}NamespaceSelector`], kind).toEqual({});
    }
  });

  it('Grafana: admin password from the synced Secret, dashboards from labelled ConfigMaps, nothing public', () => {
    expect(values.grafana.admin).toEqual({
      existingSecret: 'grafana-admin',
      userKey: 'admin-user',
      passwordKey: 'admin-password',
    });
    expect(readFileSync(join(repoRoot, 'scripts/sync-secrets.sh'), 'utf8')).toMatch(
      /apply_secret grafana-admin .* monitoring/,
    );
    expect(values.grafana.sidecar.dashboards).toMatchObject({ enabled: true, searchNamespace: 'ALL' });
    expect(values.grafana.ingress.enabled).toBe(false);
    for (const service of [values.grafana.service, values.prometheus.service, values.alertmanager.service])
      expect(service.type).toBe('ClusterIP');
  });

  it('enables the default rule groups our rule source relies on', () => {
    const header = readFileSync(join(monitoring, 'rules/conduit.rules.yaml'), 'utf8');
    for (const alert of [
      'KubePodCrashLooping',
      'KubeDeploymentReplicasMismatch',
      'KubeHpaMaxedOut',
      'KubeJobFailed',
      'KubePersistentVolumeFillingUp',
      'TargetDown',
    ])
      expect(header).toContain(alert);
    expect(values.defaultRules.create).toBe(true);
    expect(values.defaultRules.rules).toMatchObject({
      kubernetesApps: true,
      kubernetesStorage: true,
      general: true,
    });
  });

  it('both charts are pinned to exact versions', () => {
    const lib = readFileSync(join(repoRoot, 'scripts/lib/monitoring.sh'), 'utf8');
    expect(lib).toMatch(/^KUBE_PROMETHEUS_STACK_VERSION=\d+\.\d+\.\d+$/m);
    expect(lib).toMatch(/^K8SGPT_OPERATOR_VERSION=\d+\.\d+\.\d+$/m);
  });
});

describe('K8sGPT', () => {
  const k8sgpt = parse(readFileSync(join(monitoring, 'k8sgpt/k8sgpt.yaml'), 'utf8')) as any;

  it('uses OpenAI with the synced key, anonymised, on the analysers that concern the app', () => {
    expect(k8sgpt).toMatchObject({ apiVersion: 'core.k8sgpt.ai/v1alpha1', kind: 'K8sGPT' });
    expect(k8sgpt.metadata.namespace).toBe('k8sgpt-operator-system');
    expect(k8sgpt.spec.ai).toMatchObject({
      enabled: true,
      backend: 'openai',
      anonymized: true,
      secret: { name: 'k8sgpt-openai', key: 'openai-api-key' },
    });
    expect(readFileSync(join(repoRoot, 'scripts/sync-secrets.sh'), 'utf8')).toContain(
      'k8sgpt-openai/openai-api-key',
    );
    expect(k8sgpt.spec.filters).toEqual(
      expect.arrayContaining(['Pod', 'Deployment', 'StatefulSet', 'Job', 'PersistentVolumeClaim']),
    );
    expect(k8sgpt.spec.version).toMatch(/^v\d+\.\d+\.\d+$/);
  });
});

// Grafana has no stand-in image on these machines, so its provisioning is checked here instead of by a
// running Grafana: the files parse, point at the profile's Prometheus, and the mounts line up.
describe('compose monitoring profile', () => {
  const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')) as any;
  const services = compose.services;
  const provisioning = join(monitoring, 'grafana/provisioning');

  it('Prometheus, postgres_exporter and Grafana belong to the monitoring profile only, on 127.0.0.1', () => {
    for (const name of ['prometheus', 'postgres-exporter', 'grafana']) {
      expect(services[name].profiles, name).toEqual(['monitoring']);
      for (const port of services[name].ports)
        expect(port, name).toMatch(/^\$\{BIND_ADDRESS:-127\.0\.0\.1\}:\$\{[A-Z_]+_PORT:-\d+\}:\d+$/);
    }
    expect(services.grafana.ports).toEqual(['${BIND_ADDRESS:-127.0.0.1}:${GRAFANA_PORT:-3000}:3000']);
    for (const [name, service] of Object.entries(services) as [string, any][])
      if (!['prometheus', 'postgres-exporter', 'grafana'].includes(name))
        expect(service.profiles ?? [], name).not.toContain('monitoring');
  });

  it('Prometheus loads the one rule source and scrapes the jobs the rules name', () => {
    expect(services.prometheus.volumes).toContain('./infra/monitoring/rules:/etc/prometheus/rules:ro');
    const config = parse(readFileSync(join(monitoring, 'prometheus/prometheus.yml'), 'utf8')) as any;
    expect(config.rule_files).toEqual(['/etc/prometheus/rules/*.rules.yaml']);
    const jobs = config.scrape_configs.map((j: any) => j.job_name);
    expect(jobs).toEqual(expect.arrayContaining(['conduit-backend', 'conduit-database']));
    const exporter = config.scrape_configs.find((j: any) => j.job_name === 'conduit-database');
    expect(exporter.static_configs[0].targets).toEqual(['postgres-exporter:9187']);
  });

  it('the exporter and the database share the monitoring password, with a dev-only default', () => {
    expect(services['postgres-exporter'].environment.DATA_SOURCE_PASS).toBe(
      services.database.environment.MONITORING_PASSWORD,
    );
    expect(services.database.environment.MONITORING_PASSWORD).toMatch(/dev-only/);
  });

  it('Grafana provisions the profile Prometheus as default datasource, by the uid our dashboards can pick', () => {
    const ds = parse(readFileSync(join(provisioning, 'datasources/prometheus.yaml'), 'utf8')) as any;
    expect(ds.apiVersion).toBe(1);
    expect(ds.datasources).toEqual([
      expect.objectContaining({
        type: 'prometheus',
        url: 'http://prometheus:9090',
        isDefault: true,
        access: 'proxy',
      }),
    ]);
    expect(services.grafana.volumes).toContain(
      './infra/monitoring/grafana/provisioning:/etc/grafana/provisioning:ro',
    );
  });

  it('Grafana provisions the generated dashboards from the folder compose mounts', () => {
    const providers = (parse(readFileSync(join(provisioning, 'dashboards/proyecto06.yaml'), 'utf8')) as any)
      .providers;
    expect(providers).toHaveLength(1);
    expect(providers[0].type).toBe('file');
    const mount = services.grafana.volumes.find((v: string) =>
      v.startsWith('./infra/monitoring/dashboards/generated:'),
    );
    expect(mount).toBe(`./infra/monitoring/dashboards/generated:${providers[0].options.path}:ro`);
    expect(
      readdirSync(join(monitoring, 'dashboards/generated')).filter((f) => f.endsWith('.json')),
    ).toHaveLength(3);
  });

  it('the admin password is a dev-only default, overridable', () => {
    expect(services.grafana.environment.GF_SECURITY_ADMIN_PASSWORD).toBe(
      '${GRAFANA_ADMIN_PASSWORD:-dev-only-grafana-password}',
    );
  });
});
