// Checks of every PromQL expression the dashboards (generated/*.json) and the rule source use.
//
//   node dashboard-queries.ts rule-file
//       prints a throw-away rule file with one recording rule per panel query, for `promtool check rules`
//       (Grafana's $__rate_interval and $__range become 5m, a duration promtool accepts)
//   node dashboard-queries.ts metric-names BACKEND_METRICS EXPORTER_METRICS
//       every metric name in a dashboard query or a rule exists: in the backend's /metrics, in
//       postgres_exporter's output (both files saved from the running processes), in
//       fixtures/kubernetes-metric-names.txt, as a recording rule of the rule source, or from Prometheus (up)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parser } from '@prometheus-io/lezer-promql';
import { parse, stringify } from 'yaml';

const monitoring = join(dirname(fileURLToPath(import.meta.url)), '..');
const generated = join(monitoring, 'dashboards/generated');

interface Panel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: Panel[];
}
interface Rule {
  record?: string;
  alert?: string;
  expr: string;
}

function dashboardQueries(): { where: string; expr: string }[] {
  const queries: { where: string; expr: string }[] = [];
  for (const file of readdirSync(generated)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const dashboard = JSON.parse(readFileSync(join(generated, file), 'utf8')) as {
      uid: string;
      panels: Panel[];
    };
    const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
    for (const panel of panels)
      for (const target of panel.targets ?? [])
        if (target.expr) queries.push({ where: `${dashboard.uid} / ${panel.title}`, expr: target.expr });
  }
  return queries;
}

const withDurations = (expr: string) => expr.replaceAll(/\$__(rate_interval|range|interval)/g, '5m');

const ruleSource = () =>
  (
    parse(readFileSync(join(monitoring, 'rules/conduit.rules.yaml'), 'utf8')) as {
      groups: { rules: Rule[] }[];
    }
  ).groups.flatMap((g) => g.rules);

const ruleQueries = () => ruleSource().map((r) => ({ where: `rule ${r.record ?? r.alert}`, expr: r.expr }));

const recordedNames = () => new Set(ruleSource().flatMap((r) => (r.record ? [r.record] : [])));

/** The metric names of an expression's selectors (lezer-promql, the grammar of Prometheus's own UI). */
export function metricNames(expr: string): string[] {
  const names: string[] = [];
  const tree = parser.parse(expr);
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) throw new Error(`cannot parse: ${expr}`);
    if (cursor.name === 'Identifier' && cursor.node.parent?.name === 'VectorSelector')
      names.push(expr.slice(cursor.from, cursor.to));
  } while (cursor.next());
  return names;
}

/** Names in a Prometheus text exposition: every sample's name, and each family's derived series names. */
function exposedNames(file: string): Set<string> {
  const names = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      const [, name, kind] = type as unknown as [string, string, string];
      names.add(name);
      if (kind === 'histogram' || kind === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
      if (kind === 'histogram') names.add(`${name}_bucket`);
    } else if (line && !line.startsWith('#')) names.add(line.split(/[{ ]/)[0]!);
  }
  return names;
}

function fixtureNames(): Set<string> {
  const text = readFileSync(join(monitoring, 'fixtures/kubernetes-metric-names.txt'), 'utf8');
  return new Set(text.split('\n').filter((l) => l.trim() && !l.startsWith('#')));
}

const [command, ...args] = process.argv.slice(2);
if (command === 'rule-file') {
  const rules = dashboardQueries().map((q, i) => ({
    record: `dashboard:query_${i}`,
    expr: withDurations(q.expr),
  }));
  process.stdout.write(stringify({ groups: [{ name: 'dashboard-queries', rules }] }));
} else if (command === 'metric-names' && args.length === 2) {
  const sources: [string, Set<string>][] = [
    ['backend /metrics', exposedNames(args[0]!)],
    ['postgres_exporter', exposedNames(args[1]!)],
    ['kubernetes fixture', fixtureNames()],
    ['recording rule', recordedNames()],
    // Series Prometheus itself writes for every scrape.
    ['Prometheus', new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped'])],
  ];
  const counts = new Map(sources.map(([source]) => [source, new Set<string>()]));
  const missing: string[] = [];
  for (const { where, expr } of [...dashboardQueries(), ...ruleQueries()])
    for (const name of metricNames(withDurations(expr))) {
      const found = sources.find(([, names]) => names.has(name));
      if (found) counts.get(found[0])!.add(name);
      else missing.push(`${name} (${where})`);
    }
  console.log([...counts].map(([source, names]) => `${names.size} from ${source}`).join(', '));
  for (const m of [...new Set(missing)]) console.error(`unknown metric: ${m}`);
  process.exit(missing.length === 0 ? 0 : 1);
} else {
  console.error('usage: dashboard-queries.ts rule-file | metric-names BACKEND_METRICS EXPORTER_METRICS');
  process.exit(2);
}
