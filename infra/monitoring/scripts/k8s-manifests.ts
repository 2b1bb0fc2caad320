// Writes the generated half of the Kubernetes monitoring component (infra/k8s/components/monitoring):
// prometheusrule.yaml from the rule source, dashboards.yaml (ConfigMaps for Grafana's sidecar) from the
// dashboards' JSON. One source for compose and Kubernetes, no copy by hand. With --check, writes nothing
// and fails when a committed file is out of date.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const monitoring = join(dirname(fileURLToPath(import.meta.url)), '..');
const component = join(monitoring, '../k8s/components/monitoring');
const header = (source: string) =>
  `# GENERATED from ${source} by infra/monitoring/scripts/k8s-manifests.ts: edit the source, then run\n` +
  '# npm run monitoring:generate -w @proyecto06/infra\n' +
  '# (PromQL and dashboard JSON are kept as written, so lines can be long.)\n' +
  '# yamllint disable rule:line-length\n';

function prometheusRule(): string {
  const source = parse(readFileSync(join(monitoring, 'rules/conduit.rules.yaml'), 'utf8')) as {
    groups: unknown[];
  };
  const rule = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'conduit', namespace: 'monitoring' },
    spec: { groups: source.groups },
  };
  return header('infra/monitoring/rules/conduit.rules.yaml') + stringify(rule, { lineWidth: 0 });
}

function dashboards(): string {
  const dir = join(monitoring, 'dashboards/generated');
  const maps = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: `grafana-dashboard-${file.replace(/\.json$/, '')}`,
        namespace: 'monitoring',
        labels: { grafana_dashboard: '1' },
        annotations: { grafana_folder: 'Proyecto06' },
      },
      data: { [file]: readFileSync(join(dir, file), 'utf8') },
    }));
  return (
    header('infra/monitoring/dashboards/generated/*.json') +
    maps.map((m) => stringify(m, { lineWidth: 0 })).join('---\n')
  );
}

const files = { 'prometheusrule.yaml': prometheusRule(), 'dashboards.yaml': dashboards() };
const stale = Object.entries(files).filter(
  ([file, text]) =>
    !existsSync(join(component, file)) || readFileSync(join(component, file), 'utf8') !== text,
);
if (process.argv.includes('--check')) {
  for (const [file] of stale)
    console.error(
      `infra/k8s/components/monitoring/${file} is out of date: run npm run monitoring:generate -w @proyecto06/infra`,
    );
  console.log(`${Object.keys(files).length} generated manifests, ${stale.length} out of date`);
  process.exit(stale.length === 0 ? 0 : 1);
}
for (const [file, text] of stale) writeFileSync(join(component, file), text);
console.log(`${Object.keys(files).length} generated manifests written (${stale.length} changed)`);
