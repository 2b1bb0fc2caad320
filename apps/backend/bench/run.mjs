#!/usr/bin/env node
// npm run bench [-- --url http://host:port] [--pid N] [--duration 10] [--connections 50] [--passes 3]
//                  [--only a,b]
//
// Seeds the benchmark dataset through the API (50 users, 30 tags, 500 articles with 2–5 tags, 5 000
// comments, follows, favorites), then loads each endpoint with autocannon after a warm-up and prints
// req/s, p50, p99, errors, the server's peak RSS and CPU time per request: the Node process's and
// PostgreSQL's (every process of the database cluster, read from /proc). CPU per request is the steady
// figure on a busy machine; req/s and latency move with whatever else runs.
//
// In the same run it loads a ceiling (bench/ceiling.mjs: bare Fastify + pg, one indexed point query) just
// before each endpoint, and prints every endpoint as a percentage of the ceiling next to it: a figure that
// travels between machines. Our machines drift (the ceiling moved by half within three minutes, seen), so
// the endpoints are measured in several passes (--passes, 3) and the medians are reported. The peer's numbers are the ones issue 10 measured (their machine, their ceiling), compared
// through that percentage. Writes bench/REPORT.md (not with --only). Numbers, never assertions.
//
// Without --url it starts this backend (production mode, one process) and the ceiling on a fresh
// PostgreSQL database: BENCH_DATABASE_URL if set, else a throwaway server started with .ci/lib.sh (needs
// PostgreSQL binaries; CI_PG_PORT/CI_WORK choose its port and folder). BENCH_PORT (default 18010) and
// the port after it are the two servers' ports. With --url it measures any server implementing the
// RealWorld API (RSS and CPU only with --pid, no ceiling).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const backendDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = path.resolve(backendDir, '../..');
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '50'));
const ONLY = arg('only')?.split(',');
const PASSES = Number(arg('passes', '3'));
const WARMUP = 3;
/** The ceiling's server is warm after its first run: a second of warm-up before each later one. */
const CEILING_WARMUP = 1;
// Every way of starting the server sets these (see the README's "Memory"): a small young generation,
// and two malloc arenas instead of one per thread that ever allocated (glibc's default, 8 × cores).
const SERVER_ENV = { MALLOC_ARENA_MAX: '2' };
const NODE_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=256'];

// Issue 10's measurement (their machine, same driver, 50 connections, medians of three passes): the
// NestJS + Prisma peer on Node 24, as [req/s, p99 ms], and bare Fastify + pg with one small query there.
const ISSUE = {
  ceiling: (6255 + 6865) / 2,
  peer: {
    'articles list': [430, 191],
    'articles list offset 100': [467, 169],
    'one article': [1121, 84],
    'its comments': [968, 86],
    tags: [5595, 20],
    profile: [2758, 34],
    'feed (authenticated)': [348, 205],
    'create article': [390, 188],
  },
};
// Targets: × the peer (compared as % of each side's ceiling), p99 ≤ ⅓ of the peer's, RSS under load.
const TARGET_FACTOR = { 'articles list': 5, 'articles list offset 100': 5, 'feed (authenticated)': 5 };
// Where 2× the peer is above what one query can do, this share of the ceiling is the bar instead.
const CEILING_BAR = { tags: 80, profile: 80 };
const RSS_LIMIT_MB = 200;

let host = arg('url');
let pid = arg('pid') ? Number(arg('pid')) : undefined;
let ceilingHost;
let databaseUrl = process.env.BENCH_DATABASE_URL;
const children = [];

function procStat(processId) {
  try {
    const text = readFileSync(`/proc/${processId}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);

/** CPU time (user + system, all threads) a process has used so far, in ms. */
function cpuMs(processId) {
  const fields = procStat(processId);
  return fields ? (Number(fields[11]) + Number(fields[12])) * TICK_MS : undefined;
}

/**
 * CPU time of a whole PostgreSQL cluster so far, in ms: the postmaster, its live children (backends,
 * writers, autovacuum) and, through the postmaster's cumulative child time, the children that have exited.
 */
function clusterCpuMs(postmaster) {
  const own = procStat(postmaster);
  if (!own) return undefined;
  let total = (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) * TICK_MS;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStat(entry);
    if (fields && Number(fields[1]) === postmaster)
      total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  }
  return total;
}

/** The postmaster's pid when the database runs on this machine and /proc shows it, else undefined. */
async function findPostmaster() {
  if (!databaseUrl) return undefined;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('select pg_backend_pid() as pid');
    const fields = procStat(rows[0].pid);
    return fields ? Number(fields[1]) : undefined;
  } finally {
    await client.end();
  }
}

/** Statistics and visibility map up to date, as autovacuum keeps them on a database in steady use. */
async function vacuum() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('vacuum (analyze)');
  } finally {
    await client.end();
  }
}

function rssMb(processId) {
  try {
    const status = readFileSync(`/proc/${processId}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return undefined;
  }
}

async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

function startNode(args, env) {
  const child = spawn(process.execPath, [...NODE_FLAGS, ...args], {
    cwd: backendDir,
    env: { ...process.env, ...SERVER_ENV, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  return child;
}

async function startServers() {
  databaseUrl ??= execFileSync(
    'bash',
    ['-c', 'source .ci/lib.sh && start_postgres && fresh_database conduit_bench'],
    { cwd: repoDir, encoding: 'utf8' },
  ).trim();
  const port = Number(process.env.BENCH_PORT ?? '18010');
  const server = startNode(['dist/server.js', '--migrate'], {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // One user creates thousands of articles in the write pass: the per-user write limit (120/min by
    // default) would answer 429 to nearly all of them and the pass would measure the limiter.
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    SHUTDOWN_DRAIN_MS: '0',
  });
  pid = server.pid;
  host = `http://127.0.0.1:${port}`;
  await waitFor(`${host}/health/ready`);
  // Started after the migrations have created the table it reads.
  startNode(['bench/ceiling.mjs'], { DATABASE_URL: databaseUrl, PORT: String(port + 1) });
  ceilingHost = `http://127.0.0.1:${port + 1}`;
  await waitFor(`${ceilingHost}/ceiling/1`);
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

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** Warm-up, then the measured run with CPU and RSS sampled around it. */
async function measure(name, options, postmaster, warmup = WARMUP) {
  await load({ ...options, duration: warmup });
  let peakRss = pid ? rssMb(pid) : undefined;
  const sampler = pid
    ? setInterval(() => (peakRss = Math.max(peakRss ?? 0, rssMb(pid) ?? 0)), 200)
    : undefined;
  const serverBefore = pid ? cpuMs(pid) : undefined;
  const pgBefore = postmaster ? clusterCpuMs(postmaster) : undefined;
  const result = await load({ ...options, duration: DURATION });
  clearInterval(sampler);
  const perRequest = (before, after) =>
    before === undefined || after === undefined || result.requests.total === 0
      ? undefined
      : (after - before) / result.requests.total;
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    rss: peakRss,
    serverCpu: perRequest(serverBefore, pid ? cpuMs(pid) : undefined),
    pgCpu: perRequest(pgBefore, postmaster ? clusterCpuMs(postmaster) : undefined),
  };
}

const fixed = (value, digits = 0) => (value === undefined ? 'n/a' : value.toFixed(digits));

/** The verdicts against issue 10's targets, from the share of the ceiling (see ISSUE). */
function judge(row) {
  const [peerRps, peerP99] = ISSUE.peer[row.name];
  const share = row.share;
  const peerShare = (100 * peerRps) / ISSUE.ceiling;
  const timesPeer = share === undefined ? undefined : share / peerShare;
  const factor = TARGET_FACTOR[row.name] ?? 2;
  const bar = CEILING_BAR[row.name];
  const speedOk = timesPeer !== undefined && (timesPeer >= factor || (bar !== undefined && share >= bar));
  return {
    share,
    peerShare,
    timesPeer,
    target: `≥ ${factor}× peer${bar ? ` or ≥ ${bar} % of ceiling` : ''}`,
    speedOk,
    p99Ok: row.p99 <= peerP99 / 3,
    rssOk: row.rss === undefined ? undefined : row.rss < RSS_LIMIT_MB,
  };
}

const mark = (ok) => (ok === undefined ? 'n/a' : ok ? '✓' : '✗');

// Other work on the machine moves req/s and latency (not so much CPU per request): the report says how busy it was.
const loadBefore = os.loadavg();
let exitCode = 0;
try {
  if (!host) await startServers();
  const postmaster = await findPostmaster().catch(() => undefined);
  const { users, articles } = await seed();
  if (databaseUrl) await vacuum();
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
  ].filter(([name]) => !ONLY || ONLY.some((only) => name.includes(only)));

  const header = `${'endpoint'.padEnd(26)} ${'req/s'.padStart(7)} ${'p50'.padStart(5)} ${'p99'.padStart(5)} ${'%ceil'.padStart(6)} ${'node ms/req'.padStart(11)} ${'pg ms/req'.padStart(9)} ${'RSS MB'.padStart(6)} errors`;
  const print = (row) =>
    console.log(
      `${row.name.padEnd(26)} ${fixed(row.rps).padStart(7)} ${String(row.p50).padStart(5)} ${String(row.p99).padStart(5)} ${(row.share === undefined ? '' : fixed(row.share) + '%').padStart(6)} ${fixed(row.serverCpu, 3).padStart(11)} ${fixed(row.pgCpu, 3).padStart(9)} ${fixed(row.rss).padStart(6)} ${row.errors}`,
    );
  console.log(header);

  // Each endpoint is measured right after a run of the ceiling, once per pass, and compared with that
  // ceiling; the report gives each figure's median over the passes. (The create pass adds articles, so a
  // later pass reads a larger table: the list's page and count do not grow with it.)
  const median = (values) => {
    const known = values.filter((value) => value !== undefined).sort((a, b) => a - b);
    const middle = known.length >> 1;
    if (known.length === 0) return undefined;
    return known.length % 2 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
  };
  const ceilings = [];
  const ceilingRun = async () => {
    // The ceiling's own CPU is that of its process, not the backend's: measured with pid swapped.
    const backendPid = pid;
    pid = children[1].pid;
    const row = await measure(
      'ceiling',
      { url: `${ceilingHost}/ceiling/1` },
      postmaster,
      ceilings.length ? CEILING_WARMUP : WARMUP,
    );
    pid = backendPid;
    ceilings.push(row);
    print({ ...row, share: undefined });
    return row;
  };
  const runs = new Map(endpoints.map(([name]) => [name, []]));
  for (let pass = 1; pass <= PASSES; pass++) {
    console.log(`pass ${pass} of ${PASSES}`);
    for (const [name, options] of endpoints) {
      const ceiling = ceilingHost ? await ceilingRun() : undefined;
      const row = await measure(name, options, postmaster);
      row.share = ceiling ? (100 * row.rps) / ceiling.rps : undefined;
      runs.get(name).push(row);
      print(row);
    }
  }
  const rows = endpoints.map(([name]) => {
    const passes = runs.get(name);
    const of = (key) => median(passes.map((row) => row[key]));
    return {
      name,
      rps: of('rps'),
      p50: of('p50'),
      p99: of('p99'),
      share: of('share'),
      shares: passes.map((row) => row.share),
      serverCpu: of('serverCpu'),
      pgCpu: of('pgCpu'),
      rss: Math.max(...passes.map((row) => row.rss ?? 0)) || undefined,
      errors: passes.reduce((sum, row) => sum + row.errors, 0),
    };
  });
  const ceiling = {
    rps: median(ceilings.map((row) => row.rps)),
    low: Math.min(...ceilings.map((row) => row.rps)),
    high: Math.max(...ceilings.map((row) => row.rps)),
    serverCpu: median(ceilings.map((row) => row.serverCpu)),
    pgCpu: median(ceilings.map((row) => row.pgCpu)),
  };
  console.log(
    `\nMedians of ${PASSES} pass(es), each endpoint against the ceiling run just before it` +
      (ceilings.length
        ? ` (ceiling: median ${fixed(ceiling.rps)} req/s, ${fixed(ceiling.low)}–${fixed(ceiling.high)} over ${ceilings.length} runs):`
        : ':'),
  );
  console.log(header);
  for (const row of rows) print(row);

  if (!ONLY) {
    const lines = [
      '# Benchmark report',
      '',
      `Generated by \`npm run bench\` on ${new Date().toISOString()} — ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
      `Target: ${host}; autocannon, ${CONNECTIONS} connections, ${DURATION} s per endpoint after a ${WARMUP} s warm-up, ${PASSES} pass(es); the load generator shares the machine. Every figure is the median over the passes; the share of the ceiling is each pass's endpoint against the ceiling run just before it.`,
      'Dataset: 50 users, 30 tags, 500 articles with 2–5 tags each, 5 000 comments, 500 follows, 1 000 favorites.',
      `Load average before the run: ${loadBefore.map((load) => load.toFixed(1)).join(', ')}; after: ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(', ')} (1, 5, 15 min; a quiet machine is near 0).`,
      '',
      `**Ceiling** (bare Fastify + pg, one indexed point query, same database, same run): ${ceilings.length ? `median ${fixed(ceiling.rps)} req/s, ${fixed(ceiling.low)}–${fixed(ceiling.high)} over its ${ceilings.length} runs (node ${fixed(ceiling.serverCpu, 3)} ms/req, PostgreSQL ${fixed(ceiling.pgCpu, 3)} ms/req)` : 'not measured (--url)'}.`,
      '',
      'CPU per request: the server process (all threads) and the whole PostgreSQL cluster, from /proc, divided by the requests served — steadier than req/s on a shared machine.',
      "What each replica keeps in memory (defaults): the tag cloud (TAGS_CACHE_MS, 5 s: one query per 5 s, forgotten when the replica writes an article); each list filter's articlesCount (LIST_COUNTS_CACHE_MS, 5 s, forgotten when the replica serves any write; the page itself is read on every request); each user's token state (TOKEN_CACHE_MS, forgotten on PostgreSQL's notice of a password change); each profile as anonymous readers see it (PROFILE_CACHE_MS, forgotten on PostgreSQL's notice of a profile edit; the bench reads it anonymously). Every other read queries PostgreSQL on every request.",
      `Peer: issue 10's measurement on its machine (NestJS + Prisma on Node 24, ceiling ${fixed(ISSUE.ceiling)} req/s there), compared as a share of each side's ceiling.`,
      '',
      '| endpoint | req/s | p50 ms | p99 ms | % of ceiling | % per pass | node CPU ms/req | PostgreSQL CPU ms/req | peak RSS MB | errors | peer req/s · p99 (issue 10) | peer % of its ceiling | × peer | target | p99 ≤ ⅓ peer | RSS < 200 MB |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
      ...rows.map((row) => {
        const [peerRps, peerP99] = ISSUE.peer[row.name];
        const verdict = judge(row);
        return `| ${row.name} | ${fixed(row.rps)} | ${row.p50} | ${row.p99} | ${fixed(verdict.share)} | ${row.shares.map((share) => fixed(share)).join(' · ')} | ${fixed(row.serverCpu, 3)} | ${fixed(row.pgCpu, 3)} | ${fixed(row.rss)} | ${row.errors} | ${peerRps} · ${peerP99} | ${fixed(verdict.peerShare)} | ${fixed(verdict.timesPeer, 1)}× | ${verdict.target} ${mark(verdict.timesPeer === undefined ? undefined : verdict.speedOk)} | ${mark(verdict.p99Ok)} | ${mark(verdict.rssOk)} |`;
      }),
      '',
    ];
    writeFileSync(path.join(backendDir, 'bench/REPORT.md'), lines.join('\n'));
    console.log(`\nwrote apps/backend/bench/REPORT.md`);
  }
  if (rows.some((row) => row.errors > 0)) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  for (const child of children.reverse()) {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((resolve) => child.on('exit', resolve));
  }
}
process.exit(exitCode);
