#!/usr/bin/env node
// `npm start`: the whole app in one process. Builds what is missing or stale (contract and backend; the
// frontend once it exists), then runs the server with migrations applied, serving the compiled frontend
// on the same origin. DATABASE_URL unset = the embedded PostgreSQL in <repo>/.data/pglite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const backendDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.resolve(backendDir, '../..');
const frontendDir = path.join(repoDir, 'apps/frontend');
const frontendDist = path.join(frontendDir, 'dist/browser');

/** Newest modification time of the files under `paths` (0 when none exist). */
function newest(paths) {
  let latest = 0;
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry))
        if (child !== 'node_modules' && child !== 'dist') visit(path.join(entry, child));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

function build(label, args, outputs, inputs) {
  const output = outputs.find((file) => existsSync(file));
  if (output && statSync(output).mtimeMs >= newest(inputs)) return;
  console.log(`npm start: building ${label}…`);
  const result = spawnSync('npm', args, { cwd: repoDir, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm start: building ${label} failed (see above)`);
    process.exit(result.status ?? 1);
  }
}

build(
  'the backend',
  ['run', 'build', '-w', '@proyecto06/backend'],
  [path.join(backendDir, 'dist/server.js')],
  [path.join(backendDir, 'src'), path.join(repoDir, 'packages/contract/src')],
);
if (existsSync(path.join(frontendDir, 'package.json'))) {
  build(
    'the frontend',
    ['run', 'build', '-w', '@proyecto06/frontend'],
    [path.join(frontendDist, 'index.html')],
    [
      path.join(frontendDir, 'src'),
      path.join(frontendDir, 'angular.json'),
      path.join(frontendDir, 'package.json'),
      path.join(repoDir, 'packages/contract/src'),
    ],
  );
}

const env = { ...process.env };
env.DATA_DIR ??= path.join(repoDir, '.data/pglite');
if (!env.FRONTEND_DIST && existsSync(path.join(frontendDist, 'index.html'))) env.FRONTEND_DIST = frontendDist;
// One process on a developer's machine: nothing to drain for.
env.SHUTDOWN_DRAIN_MS ??= '0';
// glibc gives every thread that allocates its own malloc arena (up to 8 per core) and keeps their freed
// pages: argon2's 19 MiB per hash on the thread pool would otherwise stay resident (README, "Memory").
env.MALLOC_ARENA_MAX ??= '2';

// A small young generation keeps the resident set low (see the README's note on memory).
const server = spawn(
  process.execPath,
  ['--max-semi-space-size=8', '--max-old-space-size=256', 'dist/server.js', '--migrate'],
  {
    cwd: backendDir,
    env,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
