// The monitoring rule source's conventions (kube-prometheus style), its runbooks and unit-test coverage.
// promtool itself (check + unit tests) and a real Prometheus run in .ci/suites/70-monitoring.sh.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
