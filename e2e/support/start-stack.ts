// Builds the app and the backend, prepares PostgreSQL, migrates and runs the backend in the foreground
// (Playwright's webServer stops it). The UI and the API share one origin: the backend serves FRONTEND_DIST.
//   E2E_DATABASE_URL / TEST_DATABASE_URL  use this database instead of a throwaway one on port 15432
//   E2E_SKIP_BUILD=1                      reuse the existing builds
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const port = process.env.E2E_PORT ?? '18000';
const log = (message: string) => process.stderr.write(`[e2e stack] ${message}\n`);
const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });

if (!process.env.E2E_SKIP_BUILD) {
  log('building the workspaces (contract, backend, frontend)');
  run('npm', ['run', 'build', '--workspaces', '--if-present']);
}
const frontendDist = resolve(root, 'apps/frontend/dist/browser');
if (!existsSync(resolve(frontendDist, 'index.html'))) throw new Error(`no built app in ${frontendDist}`);

let databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!databaseUrl) {
  log('starting a throwaway PostgreSQL (.ci/lib.sh) and a fresh database');
  databaseUrl = execFileSync(
    'bash',
    // start_postgres only when nothing answers yet: the CI suite may have started it already.
    [
      '-c',
      'source .ci/lib.sh && { psql -q -h 127.0.0.1 -p "$CI_PG_PORT" -U postgres -c "select 1" >/dev/null 2>&1 || start_postgres >&2; } && fresh_database proyecto06_e2e',
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ).trim();
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: port,
  DATABASE_URL: databaseUrl,
  FRONTEND_DIST: frontendDist,
  JWT_SECRET: 'e2e-only-jwt-secret-not-for-production-0000',
  // Every test signs users up and in; the production limit would throttle the suite.
  RATE_LIMIT_AUTH_PER_MINUTE: '10000',
  CORS_ORIGIN: '',
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  SHUTDOWN_DRAIN_MS: '0',
};

const backend = resolve(root, 'apps/backend');
log(`migrating ${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);
execFileSync('node', ['dist/migrate.js'], { cwd: backend, env, stdio: ['ignore', 'inherit', 'inherit'] });

log(`backend on http://127.0.0.1:${port}`);
const server = spawn('node', ['dist/server.js'], { cwd: backend, env, stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
