#!/usr/bin/env node
// npm run bench [-- --url http://host:port] [--duration 10] [--connections 50] [--pid N]
//
// Seeds the benchmark dataset through the API (50 users, 30 tags, 500 articles with 2–5 tags, 5 000
// comments, follows, favorites), then loads each endpoint with autocannon after a warm-up and prints
// req/s, p50, p99, errors and the server's peak RSS. Writes bench/REPORT.md. Numbers, never assertions.
//
// Without --url it starts this backend (production mode, one process) on a fresh PostgreSQL database:
// BENCH_DATABASE_URL if set, else a throwaway server started with .ci/lib.sh (needs PostgreSQL binaries).
// With --url it measures any server implementing the RealWorld API (RSS only with --pid).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const backendDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.resolve(backendDir, '../..');
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '50'));
const WARMUP = 3;

// The peer's numbers on one of our machines (NestJS on Fastify + Prisma, one process): [req/s, p99 ms].
const PEER = {
  'articles list': [188, 381],
  'articles list offset 100': [137, 674],
  'one article': [464, 174],
  'its comments': [362, 222],
  tags: [2392, 40],
  profile: [1098, 92],
  'feed (authenticated)': [131, 526],
  'create article': [150, 460],
};
const TARGET_FACTOR = { 'articles list': 5, 'articles list offset 100': 5, 'feed (authenticated)': 5 };

let host = arg('url');
let pid = arg('pid') ? Number(arg('pid')) : undefined;
let server;

function rssMb(processId) {
  try {
    const status = readFileSync(`/proc/${processId}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return undefined;
  }
}

async function startServer() {
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    url = execFileSync(
      'bash',
      ['-c', 'source .ci/lib.sh && start_postgres && fresh_database conduit_bench'],
      {
        cwd: repoDir,
        encoding: 'utf8',
      },
    ).trim();
  }
  const port = process.env.BENCH_PORT ?? '18010';
  server = spawn(process.execPath, ['--max-semi-space-size=8', 'dist/server.js', '--migrate'], {
    cwd: backendDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_AUTH_PER_MINUTE: '100000',
      SHUTDOWN_DRAIN_MS: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  pid = server.pid;
  host = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${host}/health/ready`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server did not become ready');
}

async function call(method, url, body, token) {
  const response = await fetch(`${host}/api${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Token ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Runs `tasks` with at most `limit` in flight. */
async function pool(tasks, limit = 16) {
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

async function seed() {
  const run = randomBytes(3).toString('hex');
  const started = Date.now();
  const users = await pool(
    Array.from({ length: 50 }, (_, i) => async () => {
      const username = `bench_${run}_${i}`;
      const { user } = await call('POST', '/users', {
        user: { username, email: `${username}@bench.test`, password: 'benchmark-pass' },
      });
      return { username, token: user.token };
    }),
  );
  const tags = Array.from({ length: 30 }, (_, i) => `tag${i}_${run}`);
  const articles = await pool(
    Array.from({ length: 500 }, (_, i) => async () => {
      const author = users[i % users.length];
      const count = 2 + (i % 4);
      const tagList = Array.from({ length: count }, (_, k) => tags[(i * 7 + k * 3) % tags.length]);
      const { article } = await call(
        'POST',
        '/articles',
        {
          article: {
            title: `Benchmark article ${i} ${run}`,
            description: `About topic ${i}`,
            body: `# Article ${i}\n\n${'Lorem ipsum dolor sit amet. '.repeat(40)}`,
            tagList,
          },
        },
        author.token,
      );
      return article.slug;
    }),
  );
  await pool(
    Array.from(
      { length: 5000 },
      (_, i) => () =>
        call(
          'POST',
          `/articles/${articles[i % articles.length]}/comments`,
          { comment: { body: `Comment ${i}: ${'well said. '.repeat(5)}` } },
          users[(i * 13) % users.length].token,
        ),
    ),
  );
  await pool(
    users.flatMap((user, i) =>
      Array.from(
        { length: 10 },
        (_, k) => () =>
          call(
            'POST',
            `/profiles/${users[(i + k + 1) % users.length].username}/follow`,
            undefined,
            user.token,
          ),
      ),
    ),
  );
  await pool(
    users.flatMap((user, i) =>
      Array.from(
        { length: 20 },
        (_, k) => () =>
          call(
            'POST',
            `/articles/${articles[(i * 20 + k) % articles.length]}/favorite`,
            undefined,
            user.token,
          ),
      ),
    ),
  );
  console.log(
    `seeded 50 users, 30 tags, 500 articles, 5000 comments, 500 follows, 1000 favorites in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { users, articles, run };
}

function load(name, options) {
  return new Promise((resolve, reject) => {
    let peakRss = pid ? rssMb(pid) : undefined;
    const sampler = pid
      ? setInterval(() => (peakRss = Math.max(peakRss ?? 0, rssMb(pid) ?? 0)), 200)
      : undefined;
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) => {
      clearInterval(sampler);
      if (error) return reject(error);
      resolve({ name, result, peakRss });
    });
  });
}

let exitCode = 0;
try {
  if (!host) await startServer();
  const { users, articles } = await seed();
  const reader = users[0];
  const busiest = articles[0];
  let created = 0;
  const endpoints = [
    ['articles list', { url: `${host}/api/articles` }],
    ['articles list offset 100', { url: `${host}/api/articles?offset=100` }],
    ['one article', { url: `${host}/api/articles/${busiest}` }],
    ['its comments', { url: `${host}/api/articles/${busiest}/comments` }],
    ['tags', { url: `${host}/api/tags` }],
    ['profile', { url: `${host}/api/profiles/${users[1].username}` }],
    [
      'feed (authenticated)',
      { url: `${host}/api/articles/feed`, headers: { authorization: `Token ${reader.token}` } },
    ],
    [
      'create article',
      {
        url: `${host}/api/articles`,
        method: 'POST',
        headers: { authorization: `Token ${reader.token}`, 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                article: {
                  title: `Load ${process.pid} ${created++}`,
                  description: 'load',
                  body: 'load test body',
                  tagList: ['load', 'bench'],
                },
              }),
            }),
          },
        ],
      },
    ],
  ];
  const rows = [];
  for (const [name, options] of endpoints) {
    await load(name, { ...options, duration: WARMUP });
    const { result, peakRss } = await load(name, { ...options, duration: DURATION });
    const errors = result.errors + result.non2xx;
    const row = {
      name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors,
      rss: peakRss,
    };
    rows.push(row);
    console.log(
      `${name.padEnd(26)} ${row.rps.toFixed(0).padStart(7)} req/s  p50 ${String(row.p50).padStart(5)} ms  p99 ${String(row.p99).padStart(5)} ms  errors ${errors}  RSS ${row.rss ? row.rss.toFixed(0) + ' MB' : 'n/a'}`,
    );
  }

  const lines = [
    '# Benchmark report',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString()} — ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    `Target: ${host}; autocannon, ${CONNECTIONS} connections, ${DURATION} s per endpoint after a ${WARMUP} s warm-up; the load generator shares the machine.`,
    'Dataset: 50 users, 30 tags, 500 articles with 2–5 tags each, 5 000 comments, 500 follows, 1 000 favorites.',
    '',
    '| endpoint | req/s | p50 ms | p99 ms | errors | peak RSS MB | peer req/s | peer p99 ms | ×peer req/s | target req/s | p99 ≤ ⅓ peer |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((row) => {
      const [peerRps, peerP99] = PEER[row.name];
      const target = peerRps * (TARGET_FACTOR[row.name] ?? 2);
      return `| ${row.name} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.rss?.toFixed(0) ?? 'n/a'} | ${peerRps} | ${peerP99} | ${(row.rps / peerRps).toFixed(1)}× | ${target} ${row.rps >= target ? '✓' : '✗'} | ${row.p99 <= peerP99 / 3 ? '✓' : '✗'} |`;
    }),
    '',
  ];
  writeFileSync(path.join(backendDir, 'bench/REPORT.md'), lines.join('\n'));
  console.log(`\nwrote apps/backend/bench/REPORT.md`);
  if (rows.some((row) => row.errors > 0)) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (server) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('exit', resolve));
  }
}
process.exit(exitCode);
