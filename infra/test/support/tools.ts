import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const infraDir = join(repoRoot, 'infra');

/** Absolute path of a command on PATH, or a clear failure naming how to get it. */
export function which(cmd: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  const path = r.stdout.trim();
  if (r.status !== 0 || !path) {
    throw new Error(`${cmd} is not on PATH: .ci/suites/60-infra.sh installs or locates it`);
  }
  return path;
}

export type Run = { status: number; stdout: string; stderr: string };

export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Run {
  const r: SpawnSyncReturns<string> = spawnSync(cmd, args, {
    cwd: opts.cwd ?? repoRoot,
    env: opts.env ?? process.env,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs and throws with the command's output when it fails (so the test report shows why). */
export function runOk(cmd: string, args: string[], opts: Parameters<typeof run>[2] = {}): string {
  const r = run(cmd, args, opts);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

const mirrorCandidates = [
  '/opt/tf-plugins',
  '/usr/share/terraform/plugins',
  '/usr/local/share/terraform/plugins',
];

/**
 * Terraform CLI configuration for offline runs: the hashicorp/aws provider from a filesystem mirror when
 * one exists (TF_PROVIDER_MIRROR or a known folder), otherwise the public registry (GitHub runners).
 */
export function terraformEnv(): NodeJS.ProcessEnv {
  const mirror = [process.env.TF_PROVIDER_MIRROR, ...mirrorCandidates].find(
    (dir) => dir && existsSync(join(dir, 'registry.terraform.io/hashicorp/aws')),
  );
  const dir = mkdtempSync(join(tmpdir(), 'tf-cli-'));
  const config = join(dir, 'terraform.rc');
  writeFileSync(
    config,
    mirror
      ? `provider_installation {
  filesystem_mirror {
    path    = "${mirror}"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
`
      : '',
  );
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: config,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_PLUGIN_CACHE_DIR: '',
  };
}

export function gitTrackedFiles(pattern: string): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', pattern], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean)
    .filter((f) => existsSync(join(repoRoot, f)));
}
