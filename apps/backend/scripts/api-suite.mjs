#!/usr/bin/env node
// The official RealWorld API suite (the Bruno collection, every folder) against this backend on a fresh
// database. Reads the collection where it lies, never copies it. Prints one line per folder and N/154.
//
//   npm run test:api                      fresh embedded database (temporary folder)
//   TEST_DATABASE_URL=postgres://… npm run test:api   that PostgreSQL, emptied and migrated first
//   npm run test:api -- --url http://host:port       an already running server (no database reset)
//
// REALWORLD_DIR points at the spec folder (default: ../shared/realworld next to the repository).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const backendDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.resolve(backendDir, '../..');
const specDir = path.resolve(process.env.REALWORLD_DIR ?? path.join(repoDir, '../shared/realworld'));
const collection = path.join(specDir, 'api/bruno');
const EXPECTED = 154;

if (!existsSync(path.join(collection, 'bruno.json'))) {
  console.error(
    `No Bruno collection at ${collection}. Set REALWORLD_DIR to the RealWorld spec folder ` +
      '(upstream realworld-apps/realworld at commit 5d510ce, whose specs/api has this layout).',
  );
  process.exit(2);
}

const urlFlag = process.argv.indexOf('--url');
let host = urlFlag > 0 ? process.argv[urlFlag + 1] : undefined;
let server;
let dataDir;

async function startServer() {
  const port = process.env.API_SUITE_PORT ?? '18000';
  const env = {
    SHUTDOWN_DRAIN_MS: '0',
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
  };
  if (process.env.TEST_DATABASE_URL) {
    env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    const reset = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { dropEverything, openDatabase } from './dist/db/client.js';
         const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL, poolMax: 1 });
         await dropEverything(database);
         await database.close();`,
      ],
      { cwd: backendDir, env, stdio: 'inherit' },
    );
    if (reset.status !== 0) throw new Error('could not reset the test database');
  } else {
    delete env.DATABASE_URL;
    dataDir = mkdtempSync(path.join(tmpdir(), 'conduit-api-suite-'));
    env.DATA_DIR = dataDir;
  }
  host = `http://127.0.0.1:${port}`;
  // Another server on the port would answer the suite in ours' place (ours would fail to listen).
  const taken = await fetch(host).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`something already answers on ${host}: stop it or choose API_SUITE_PORT`);
  server = spawn(process.execPath, ['dist/server.js', '--migrate'], {
    cwd: backendDir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  server.on('exit', (code) => {
    exited = true;
    if (code !== null && code !== 0) console.error(`server exited with ${code}`);
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error('the server exited before it was ready');
    try {
      if ((await fetch(`${host}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server did not become ready within 120 s');
}

function runFolder(folder, reportFile) {
  const bru = path.join(repoDir, 'node_modules/.bin/bru');
  const result = spawnSync(
    bru,
    [
      'run',
      folder,
      '--env',
      'local',
      '--env-var',
      `host=${host}`,
      '--sandbox',
      'safe',
      '--reporter-json',
      reportFile,
    ],
    {
      cwd: collection,
      encoding: 'utf8',
    },
  );
  let passed = 0;
  let failed = 0;
  const failures = [];
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    for (const item of (Array.isArray(report) ? report : [report]).flatMap((r) => r.results ?? [])) {
      const ok =
        !item.error &&
        (item.assertionResults ?? []).every((a) => a.status === 'pass') &&
        (item.testResults ?? []).every((t) => t.status === 'pass');
      if (ok) passed++;
      else {
        failed++;
        failures.push(
          `${item.test?.filename ?? item.request?.url}: ${item.error ?? ''} ${[
            ...(item.assertionResults ?? []),
            ...(item.testResults ?? []),
          ]
            .filter((a) => a.status !== 'pass')
            .map((a) => `${a.lhsExpr ?? a.description} ${a.error ?? ''}`)
            .join('; ')}`,
        );
      }
    }
  } else {
    failed++;
    failures.push(`bru produced no report: ${result.stderr || result.stdout}`);
  }
  return { passed, failed, failures };
}

let exitCode = 1;
try {
  if (!host) await startServer();
  const reports = mkdtempSync(path.join(tmpdir(), 'conduit-bruno-'));
  const folders = readdirSync(collection, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'environments')
    .map((entry) => entry.name)
    .sort();
  let passed = 0;
  let failed = 0;
  for (const folder of folders) {
    const result = runFolder(folder, path.join(reports, `${folder}.json`));
    passed += result.passed;
    failed += result.failed;
    console.log(
      `${result.failed === 0 ? 'ok  ' : 'FAIL'} ${folder}: ${result.passed}/${result.passed + result.failed}`,
    );
    for (const failure of result.failures) console.log(`       ${failure}`);
  }
  rmSync(reports, { recursive: true, force: true });
  console.log(`\nRealWorld API suite (Bruno): ${passed}/${EXPECTED} requests passed against ${host}`);
  console.log(`api: ${passed} passed, ${failed + Math.max(0, EXPECTED - passed - failed)} failed`);
  exitCode = failed === 0 && passed === EXPECTED ? 0 : 1;
} catch (error) {
  console.error(error.message);
} finally {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
