// Runs a script of scripts/ with stub kubectl, aws, terraform, curl and helm first on PATH.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  existsSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { infraDir, repoRoot, run, which } from './tools.ts';

export type Rule = [pattern: string, exit: number, output?: string];

export type Result = {
  status: number;
  stdout: string;
  stderr: string;
  calls: string[];
  stdin: string;
  /** Contents of the files applied with `-f FILE`, in call order. */
  files: string;
  summary: string;
};

const stub = join(infraDir, 'test/stubs/stub.sh');
const realKubectl = which('kubectl');

export function runScript(
  script: string,
  rules: Rule[],
  env: Record<string, string> = {},
  args: string[] = [],
): Result {
  const dir = mkdtempSync(join(tmpdir(), 'stub-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const tool of ['kubectl', 'aws', 'terraform', 'curl', 'helm']) symlinkSync(stub, join(bin, tool));
  chmodSync(stub, 0o755);
  const rulesFile = join(dir, 'rules.tsv');
  writeFileSync(rulesFile, rules.map(([p, code, out = '']) => `${p}\t${code}\t${out}`).join('\n') + '\n');
  const log = join(dir, 'calls.log');
  const summary = join(dir, 'summary.md');
  writeFileSync(log, '');
  const r = run(join(repoRoot, 'scripts', script), args, {
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: dir,
      STUB_LOG: log,
      STUB_RULES: rulesFile,
      REAL_KUBECTL: realKubectl,
      GITHUB_STEP_SUMMARY: summary,
      WAIT_TIMEOUT: '1m',
      SMOKE_RETRIES: '0',
      ...env,
    },
  });
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  return {
    ...r,
    calls: read(log).split('\n').filter(Boolean),
    stdin: read(`${log}.stdin`),
    files: read(`${log}.files`),
    summary: read(summary),
  };
}

/** Index of the first call matching `pattern`; -1 when there is none. */
export function indexOf(calls: string[], pattern: RegExp): number {
  return calls.findIndex((c) => pattern.test(c));
}

/** Asserts that each pattern matches a call, in this order. Returns the problems found. */
export function outOfOrder(calls: string[], patterns: RegExp[]): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const p of patterns) {
    const i = calls.findIndex((c, idx) => idx > last && p.test(c));
    if (i < 0) problems.push(`no call matching ${p} after call #${last}`);
    else last = i;
  }
  return problems;
}
