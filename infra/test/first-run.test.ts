// First run with the wrong Node (issue 10): the README's commands stop at once. Real binaries: a Node 20
// (NODE20_BIN, set by .ci/suites/60-infra.sh from node_binary 20) running the npm that runs this suite,
// in a copy of the repository's npm manifests (nothing is installed when the guard works).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, run, which } from './support/tools.ts';

const oneLine =
  /^Proyecto06 needs Node\.js 24, this is v20\.\d+\.\d+: run nvm install here \(it reads \.nvmrc\) or get it from https:\/\/nodejs\.org\/en\/download, then retry\.$/;

function node20(): string {
  const bin = process.env.NODE20_BIN ?? '/usr/bin/node';
  const version = existsSync(bin) ? run(bin, ['--version']).stdout.trim() : '';
  if (!version.startsWith('v20.')) {
    throw new Error(`no Node 20 at ${bin} (${version || 'missing'}): set NODE20_BIN (60-infra.sh does)`);
  }
  return bin;
}

/** npm's CLI script: the one that started this suite, else the one on PATH. */
function npmCli(): string {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm?.endsWith('npm-cli.js')) return fromNpm;
  return realpathSync(which('npm'));
}

describe('the wrong Node (20)', () => {
  let project: string;
  let node: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    node = node20();
    project = mkdtempSync(join(tmpdir(), 'first-run-'));
    const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] };
    for (const file of ['package.json', 'package-lock.json', '.npmrc', '.nvmrc']) {
      cpSync(join(repoRoot, file), join(project, file));
    }
    for (const ws of root.workspaces) {
      mkdirSync(join(project, ws), { recursive: true });
      cpSync(join(repoRoot, ws, 'package.json'), join(project, ws, 'package.json'));
    }
    // Node 20 first on PATH, as on a machine that has only it; npm's settings from a clean slate, without its
    // update notice (npm's own lines, which depend on the day).
    env = {
      PATH: `${dirname(node)}:${process.env.PATH}`,
      HOME: project,
      npm_config_cache: join(project, '.npm'),
      npm_config_update_notifier: 'false',
    };
  });

  const npm = (...args: string[]) => run(node, [npmCli(), ...args], { cwd: project, env });

  it('the guard prints one line on stderr and exits 1; on Node 24 it is silent', () => {
    const guard = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts.preinstall!;
    const wrong = run('sh', ['-c', guard], { env });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trimEnd()).toMatch(oneLine);
    expect(wrong.stdout).toBe('');

    const right = run('sh', ['-c', guard], {
      env: { PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
    });
    expect(right, right.stderr).toMatchObject({ status: 0, stderr: '', stdout: '' });
  });

  it.each(['start', 'test'])('npm %s stops with that one line and nothing else on stderr', (command) => {
    const r = npm(command);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trimEnd()).toMatch(oneLine);
  });

  it.each(['install', 'ci'])('npm %s stops before fetching anything (EBADENGINE on the root)', (command) => {
    const r = npm(command, '--no-audit', '--no-fund');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('code EBADENGINE');
    expect(r.stderr).toContain('Not compatible with your version of node/npm: proyecto06@');
    expect(r.stderr).toContain('Required: {"node":">=24 <25"}');
    expect(existsSync(join(project, 'node_modules'))).toBe(false);
  });
});
