// The compose stack under test, driven through the plain docker-compose / docker CLIs (docker-compose
// 1.29 and no registry: nothing to pull). Every name, port and tag comes from the environment that
// .ci/suites/80-resilience.sh sets, so that the suite never touches anyone else's stack.
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = resolve(import.meta.dirname, '../../..');
export const project = process.env.COMPOSE_PROJECT_NAME ?? 'proyecto06-resilience';
export const nginxUrl = `http://127.0.0.1:${process.env.NGINX_PORT ?? '18080'}`;

/** Where the compose `backup` service writes (BACKUP_DIR). */
export const backupDir = process.env.BACKUP_DIR ?? `${tmpdir()}/${project}-backups`;

const composeEnv = {
  BACKUP_DIR: backupDir,
  ...process.env,
  COMPOSE_PROJECT_NAME: project,
  NGINX_PORT: process.env.NGINX_PORT ?? '18080',
  BACKEND_PORT: process.env.BACKEND_PORT ?? '18800',
  DATABASE_PORT: process.env.DATABASE_PORT ?? '18543',
  FRONTEND_DEV_PORT: process.env.FRONTEND_DEV_PORT ?? '18420',
  // The write loads are one user's hundreds of articles a minute: a resilience test, not an abuse one.
  RATE_LIMIT_WRITES_PER_MINUTE: process.env.RATE_LIMIT_WRITES_PER_MINUTE ?? '1000000',
};

export async function sh(file: string, args: string[], timeoutMs = 300_000): Promise<string> {
  const { stdout } = await run(file, args, {
    cwd: repoRoot,
    env: composeEnv,
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

export const compose = (...args: string[]) => sh('docker-compose', ['--ansi', 'never', ...args]);
export const docker = (...args: string[]) => sh('docker', args);

/** The serving part of the stack: no dev server, no monitoring. */
export const services = ['database', 'migrate', 'backend', 'nginx'];

export async function containers(service: string): Promise<string[]> {
  const ids = await compose('ps', '-q', service);
  return ids.split('\n').filter(Boolean);
}

export async function one(service: string): Promise<string> {
  const [id] = await containers(service);
  if (!id) throw new Error(`no ${service} container`);
  return id;
}

export interface State {
  status: string;
  health: string;
  pid: number;
  restarts: number;
  startedAt: string;
  ip: string;
}

export async function state(id: string): Promise<State> {
  const out = await docker(
    'inspect',
    '-f',
    '{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|{{.State.Pid}}|{{.RestartCount}}|{{.State.StartedAt}}|{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}',
    id,
  );
  const [status = '', health = '', pid = '0', restarts = '0', startedAt = '', ip = ''] = out.split('|');
  return { status, health, pid: Number(pid), restarts: Number(restarts), startedAt, ip };
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls until `check` holds; throws with `what` when `deadlineMs` passes first. */
export async function until(
  what: string,
  deadlineMs: number,
  check: () => Promise<boolean>,
): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < deadlineMs) {
    if (await check().catch(() => false)) return Date.now() - start;
    await sleep(250);
  }
  throw new Error(`${what}: not within ${deadlineMs / 1000} s`);
}

export async function allHealthy(service: string): Promise<boolean> {
  const ids = await containers(service);
  if (ids.length === 0) return false;
  const states = await Promise.all(ids.map(state));
  return states.every((s) => s.health === 'healthy');
}

export async function up(replicas: number): Promise<void> {
  await compose('up', '-d', '--no-build', '--scale', `backend=${replicas}`, ...services);
  await until(
    'every service healthy',
    240_000,
    async () => (await allHealthy('backend')) && (await allHealthy('nginx')),
  );
}

/** SQL as the database owner, over the container's local socket; rows as tab-separated text. */
export async function sql(query: string): Promise<string> {
  const db = await one('database');
  return docker(
    'exec',
    db,
    'sh',
    '-c',
    'psql -X -At -F "\t" -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "$1"',
    '_',
    query,
  );
}

/** Memory in use by the containers, MiB, from `docker stats`. */
export async function memoryMiB(ids: string[]): Promise<number> {
  const out = await docker('stats', '--no-stream', '--format', '{{.MemUsage}}', ...ids);
  const units: Record<string, number> = { B: 1 / 2 ** 20, KiB: 1 / 1024, MiB: 1, GiB: 1024 };
  return out.split('\n').reduce((sum, line) => {
    const match = /^([\d.]+)(B|KiB|MiB|GiB)/.exec(line.trim());
    return sum + (match ? Number(match[1]) * (units[match[2] ?? 'MiB'] ?? 1) : 0);
  }, 0);
}

/** Requests a backend container has answered since `since` (its request log lines). */
export async function requestsServed(id: string, since: string): Promise<number> {
  const { stdout, stderr } = await run('docker', ['logs', '--since', since, id], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return (stdout + stderr).split('\n').filter((line) => line.includes('request completed')).length;
}
