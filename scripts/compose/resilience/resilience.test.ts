// `npm run test:resilience` (CI: .ci/suites/80-resilience.sh): the compose stack (the same images as
// everywhere) served through failures under real load, then a backup restored into a new database.
// Each scenario is one test and one row of the closing table, which prints the load generator's
// counts so that a reader can check the zeros. The images must exist (the CI suite builds them).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { merge, readLoad, registerUser, writeLoad, type Counts } from './load.ts';
import {
  allHealthy,
  backupDir,
  compose,
  containers,
  docker,
  memoryMiB,
  nginxUrl,
  one,
  project,
  requestsServed,
  sh,
  sleep,
  sql,
  state,
  until,
  up,
} from './stack.ts';

interface Row {
  n: number;
  name: string;
  result: 'PASS' | 'FAIL';
  counts?: Counts;
  note: string;
}
const rows: Row[] = [];
function row(n: number, name: string): Row {
  const r: Row = { n, name, result: 'FAIL', note: 'did not complete (see the error above)' };
  rows.push(r);
  return r;
}
const countsText = (c: Counts) =>
  `${c.requests} requests, ${c.ok} 2xx, ${c.non2xx} non-2xx, ${c.errors} errors (${c.timeouts} timeouts); codes ${JSON.stringify(c.codes)}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
// nginx re-resolves the backend's name when its answer is older than this (start-nginx's RESOLVER_VALID).
const RESOLVER_VALID_MS = 5_000;
const REPLICAS = 2;

let token = '';

beforeAll(async () => {
  await compose('down', '-v', '--remove-orphans');
  await up(REPLICAS);
  token = await registerUser(`res${Date.now()}`);
  console.log(`[resilience] stack ${project} up with ${REPLICAS} backend replicas; nginx on ${nginxUrl}`);
});

afterAll(async () => {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const table = [
    line(['#', 'scenario', 'result', 'requests', '2xx', 'non-2xx', 'errors', 'timeouts', 'what happened']),
    line(['-', '-', '-', '-', '-', '-', '-', '-', '-']),
    ...rows.map((r) =>
      line([
        String(r.n),
        r.name,
        r.result,
        ...(r.counts
          ? [r.counts.requests, r.counts.ok, r.counts.non2xx, r.counts.errors, r.counts.timeouts].map(String)
          : ['-', '-', '-', '-', '-']),
        r.note,
      ]),
    ),
  ];
  const passed = rows.filter((r) => r.result === 'PASS').length;
  console.log(`\n${table.join('\n')}\n\n${passed} passed, ${rows.length - passed} failed`);
  if (!process.env.RESILIENCE_KEEP_STACK) await compose('down', '-v', '--remove-orphans');
});

/** Waits for every replica to be healthy and for nginx to have re-resolved their addresses. */
async function settled(): Promise<void> {
  await until('backend replicas healthy', 120_000, () => allHealthy('backend'));
  await sleep(RESOLVER_VALID_MS + 1_000);
}

/** Slugs of the articles the write load created that the database holds. */
async function storedSlugs(): Promise<Set<string>> {
  return new Set((await sql("SELECT slug FROM articles WHERE title LIKE 'resilience %'")).split('\n'));
}

/** nginx's access-log lines with a 5xx since `since` (method, URI, upstream time), to explain a failure. */
async function nginx5xx(since: string): Promise<string[]> {
  const lines = await docker('logs', '--since', since, await one('nginx'));
  return lines
    .split('\n')
    .filter((line) => /"status":5\d\d/.test(line))
    .slice(0, 5);
}

/** Titles stored more than once: a POST that nginx (or anyone) replayed. Each load title is unique. */
async function replayedWrites(): Promise<string[]> {
  const rows = await sql(
    "SELECT title FROM articles WHERE title LIKE 'resilience %' GROUP BY title HAVING count(*) > 1",
  );
  return rows.split('\n').filter(Boolean);
}

test('1. replica crash: kill -9 one backend under read load', async () => {
  const r = row(1, 'replica crash (kill -9) under read load');
  await settled();
  const [victim] = await containers('backend');
  if (!victim) throw new Error('no backend replica');
  const before = await state(victim);
  const load = readLoad();
  await sleep(5_000);
  const killedAt = Date.now();
  process.kill(before.pid, 'SIGKILL');
  await until('the killed replica restarted (restart policy) and healthy', 90_000, async () => {
    const s = await state(victim);
    return s.restarts > before.restarts && s.health === 'healthy';
  });
  const toHealthy = Date.now() - killedAt;
  const rejoined = new Date().toISOString();
  await sleep(RESOLVER_VALID_MS + 3_000);
  const counts = await load.stop();
  const served = await requestsServed(victim, rejoined);
  r.counts = counts;
  r.note = `restarted by its policy, healthy ${seconds(toHealthy)} after kill -9; served ${served} requests after rejoining`;
  console.log(`[1] ${countsText(counts)}; ${r.note}`);
  expect(counts.non2xx, 'failed GETs').toBe(0);
  expect(counts.errors, 'connection errors').toBe(0);
  expect(served, 'requests served by the restarted replica').toBeGreaterThan(0);
  r.result = 'PASS';
});

test('2. rolling restart: SIGTERM and start each replica under read + write load', async () => {
  const r = row(2, 'rolling restart (SIGTERM each replica) under read + write load');
  await settled();
  const started = new Date().toISOString();
  const reads = readLoad(6);
  const writes = writeLoad(token, 3);
  await sleep(3_000);
  const steps: string[] = [];
  for (const id of await containers('backend')) {
    const t0 = Date.now();
    await docker('stop', '-t', '30', id);
    const exit = (await docker('inspect', '-f', '{{.State.ExitCode}}', id)).trim();
    await docker('start', id);
    await until(
      `replica ${id.slice(0, 12)} healthy again`,
      90_000,
      async () => (await state(id)).health === 'healthy',
    );
    steps.push(`${id.slice(0, 12)}: exit ${exit}, healthy again after ${seconds(Date.now() - t0)}`);
    // The next replica stops only once nginx has this one's address again.
    await sleep(RESOLVER_VALID_MS + 1_000);
  }
  const readCounts = await reads.stop();
  const writeCounts = await writes.stop();
  const counts = merge(readCounts, writeCounts);
  const stored = await storedSlugs();
  const lost = writes.acknowledged.filter((slug) => !stored.has(slug));
  r.counts = counts;
  const replayed = await replayedWrites();
  r.note = `${steps.join('; ')}; ${writes.acknowledged.length} writes acknowledged, ${lost.length} missing, ${replayed.length} stored twice`;
  console.log(`[2] ${countsText(counts)}; ${r.note}`);
  if (counts.non2xx > 0) console.log(`[2] nginx 5xx: ${(await nginx5xx(started)).join('\n')}`);
  // Reads: zero of any kind (nginx retries them on another replica). Writes: the backend stops listening
  // without losing what nginx already sent it (apps/backend/src/shutdown.ts), but Docker's DNS keeps
  // giving nginx a stopping replica's address until it exits, so a connection that completes its
  // handshake in the microseconds between the backend's last look at its accept queue and the close is
  // reset after nginx wrote the POST on it: 502, never replayed (non_idempotent stays off). Seen once in
  // about 12 000 POSTs over five runs (docs/operations.md); only an idempotency key that lets nginx
  // replay a POST safely, or a balancer that stops sending before the close (Kubernetes endpoints),
  // closes it. Anything more than that rare reset fails here.
  expect(readCounts.codes, 'read status codes').toEqual({ '200': readCounts.ok });
  const reset = writeCounts.codes['502'] ?? 0;
  const otherWrites = Object.keys(writeCounts.codes).filter((code) => code !== '201' && code !== '502');
  expect(otherWrites, 'write status codes other than 201 and 502').toEqual([]);
  expect(reset, 'POSTs reset by a closing listener').toBeLessThanOrEqual(2);
  expect(counts.errors, 'connection errors').toBe(0);
  expect(counts.timeouts, 'timeouts').toBe(0);
  expect(lost).toEqual([]);
  expect(replayed, 'writes stored twice (a replayed POST)').toEqual([]);
  r.result = 'PASS';
});

test('3. database crash: kill -9 PostgreSQL under write load', async () => {
  const r = row(3, 'database crash (kill -9 PostgreSQL) under write load');
  await settled();
  const syncCommit = await sql('SHOW synchronous_commit');
  const backends = await Promise.all(
    (await containers('backend')).map(async (id) => ({ id, ...(await state(id)) })),
  );
  let lastReadiness: string[] = [];
  const readiness = async () => {
    const answers = await Promise.all(
      backends.map(async (b) => {
        try {
          const res = await fetch(`http://${b.ip}:8000/health/ready`, { signal: AbortSignal.timeout(5_000) });
          return { status: res.status, body: await res.text() };
        } catch (error) {
          return { status: 0, body: String(error) };
        }
      }),
    );
    lastReadiness = answers.map((a) => `${a.status} ${a.body}`);
    return answers.map((a) => a.status);
  };
  const started = new Date().toISOString();
  const writes = writeLoad(token, 4, 15);
  await sleep(3_000);
  const database = await one('database');
  await docker('kill', '-s', 'KILL', database);
  const killedAt = Date.now();
  // `docker kill` counts as a deliberate stop, so the restart policy leaves the database down: the
  // outage lasts as long as we decide, then the container starts again on the same volume.
  await sleep(3_000);
  const readyWhileDown = await readiness();
  await sleep(Math.max(0, 8_000 - (Date.now() - killedAt)));
  await docker('start', database);
  await until(
    'PostgreSQL accepting connections again',
    90_000,
    async () => (await state(database)).health === 'healthy' || (await sql('SELECT 1')) === '1',
  );
  const backAt = Date.now();
  // The bound: every replica ready again within 10 s of the database being back, no restart.
  await until('every replica ready again', 10_000, async () =>
    (await readiness()).every((s) => s === 200),
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last readiness answers: ${lastReadiness.join(' | ')}`);
  });
  const recovered = Date.now() - backAt;
  await sleep(3_000);
  const counts = await writes.stop();
  const afterStates = await Promise.all(backends.map((b) => state(b.id)));
  const stored = await storedSlugs();
  const lost = writes.acknowledged.filter((slug) => !stored.has(slug));
  const envelope = writes.bodies.get(503) ?? '';
  const replayed = await replayedWrites();
  r.counts = counts;
  r.note =
    `synchronous_commit=${syncCommit}; readiness while down ${JSON.stringify(readyWhileDown)}; ` +
    `database down ${seconds(backAt - killedAt)}, replicas ready ${seconds(recovered)} after it was back, ` +
    `backend restarts ${afterStates.map((s, i) => s.restarts - (backends[i]?.restarts ?? 0)).join('/')}; ` +
    `${writes.acknowledged.length} writes acknowledged (201), ${lost.length} lost, ${replayed.length} stored twice; a 503 body: ${envelope.slice(0, 120)}`;
  console.log(`[3] ${countsText(counts)}; ${r.note}`);
  if (counts.codes['502']) console.log(`[3] nginx 502: ${(await nginx5xx(started)).join('\n')}`);
  expect(syncCommit).toBe('on');
  expect(
    Object.keys(counts.codes).filter((c) => c !== '201' && c !== '503'),
    'status codes other than 201/503',
  ).toEqual([]);
  expect(counts.codes['503'] ?? 0, 'the outage was answered with 503').toBeGreaterThan(0);
  expect(JSON.parse(envelope) as unknown, '503 in the error envelope').toMatchObject({
    errors: expect.any(Object),
  });
  expect(counts.errors, 'connection errors or hangs past the timeout').toBe(0);
  expect(
    readyWhileDown.every((s) => s === 503),
    'readiness 503 while the database is down',
  ).toBe(true);
  expect(
    afterStates.map((s, i) => s.restarts - (backends[i]?.restarts ?? 0)),
    'backend restarts',
  ).toEqual(backends.map(() => 0));
  expect(lost, 'acknowledged writes lost').toEqual([]);
  expect(replayed, 'writes stored twice (a replayed POST)').toEqual([]);
  r.result = 'PASS';
});

test('4. slow database: the articles table locked for 20 s under read load', async () => {
  const r = row(4, 'slow database (articles locked 20 s) under read load');
  await settled();
  const ids = await containers('backend');
  const memoryBefore = await memoryMiB(ids);
  const reads = readLoad(8, 30);
  await sleep(2_000);
  const lockedAt = Date.now();
  const lock = sql('BEGIN; LOCK TABLE articles IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(20); COMMIT;');
  await sleep(10_000);
  const memoryMid = await memoryMiB(ids);
  await sleep(7_000);
  const memoryLate = await memoryMiB(ids);
  await lock;
  const releasedAt = Date.now();
  await until('GET /api/articles answers 200 again', 30_000, async () => {
    const res = await fetch(`${nginxUrl}/api/articles?limit=1`, { signal: AbortSignal.timeout(5_000) });
    return res.status === 200;
  });
  const recovered = Date.now() - releasedAt;
  await sleep(3_000);
  const counts = await reads.stop();
  const memoryAfter = await memoryMiB(ids);
  const peak = Math.max(memoryMid, memoryLate, memoryAfter);
  r.counts = counts;
  r.note =
    `lock held ${seconds(releasedAt - lockedAt)}; p99 ${counts.p99} ms; 200s again ${seconds(recovered)} after release; ` +
    `backend memory (all replicas) ${memoryBefore.toFixed(0)} → ${memoryMid.toFixed(0)} → ${memoryLate.toFixed(0)} → ${memoryAfter.toFixed(0)} MiB`;
  console.log(`[4] ${countsText(counts)}; ${r.note}`);
  expect(
    Object.keys(counts.codes).filter((c) => c !== '200' && c !== '503'),
    'codes other than 200/503',
  ).toEqual([]);
  expect(counts.codes['503'] ?? 0, 'the locked table was answered with 503, not a wait').toBeGreaterThan(0);
  expect(counts.errors, 'connection errors or hangs past 30 s').toBe(0);
  // Flat: no growth with the number of waiting requests (a queue of them would show here).
  expect(peak - memoryBefore, 'backend memory growth during the lock, MiB').toBeLessThan(64 * ids.length);
  r.result = 'PASS';
});

test('5. scale out: 1, 2 and 4 replicas added at run time, nginx untouched', async () => {
  const r = row(5, 'scale out 1 → 2 → 4 replicas at run time (nginx not restarted)');
  await settled();
  const nginx = await one('nginx');
  const nginxBefore = await state(nginx);
  const phases: string[] = [];
  let total: Counts | undefined;
  const unserved: string[] = [];
  for (const replicas of [1, 2, 4]) {
    await compose('up', '-d', '--no-deps', '--no-recreate', '--scale', `backend=${replicas}`, 'backend');
    await until(
      `${replicas} replicas`,
      120_000,
      async () => (await containers('backend')).length === replicas,
    );
    await settled();
    const since = new Date().toISOString();
    const load = readLoad(16);
    await sleep(10_000);
    const counts = await load.stop();
    const served = await Promise.all((await containers('backend')).map((id) => requestsServed(id, since)));
    if (served.some((n) => n === 0)) unserved.push(`${replicas} replicas: ${served.join('/')}`);
    phases.push(`${replicas}: ${counts.rps} req/s, p99 ${counts.p99} ms (per replica ${served.join('/')})`);
    total = total ? merge(total, counts) : counts;
    console.log(
      `[5] ${replicas} replica(s): ${countsText(counts)}; p99 ${counts.p99} ms; served per replica ${served.join('/')}`,
    );
  }
  await compose('up', '-d', '--no-deps', '--no-recreate', '--scale', `backend=${REPLICAS}`, 'backend');
  const nginxAfter = await state(nginx);
  r.counts = total;
  r.note = `${phases.join('; ')}; nginx started ${nginxBefore.startedAt === nginxAfter.startedAt ? 'once' : 'AGAIN'}. 2 cores (shared) cap the gain: numbers are not results`;
  console.log(`[5] ${r.note}`);
  expect(total?.non2xx, 'non-2xx answers').toBe(0);
  expect(total?.errors, 'connection errors').toBe(0);
  expect(unserved, 'replicas that nginx never sent a request to').toEqual([]);
  expect(nginxAfter.startedAt, 'nginx was restarted').toBe(nginxBefore.startedAt);
  expect(nginxAfter.restarts).toBe(nginxBefore.restarts);
  r.result = 'PASS';
}, 480_000);

const tables = ['users', 'follows', 'articles', 'tags', 'article_tags', 'favorites', 'comments'];
async function snapshot(): Promise<{ counts: Record<string, number>; checksum: string }> {
  const counts = await sql(tables.map((t) => `SELECT '${t}', count(*) FROM ${t}`).join(' UNION ALL '));
  const checksum = await sql(
    "SELECT md5(coalesce(string_agg(a::text, E'\\n' ORDER BY a.id), '')) FROM articles a",
  );
  return {
    counts: Object.fromEntries(
      counts.split('\n').map((line) => [line.split('\t')[0], Number(line.split('\t')[1])]),
    ),
    checksum,
  };
}

async function api(path: string, body: unknown, auth = token): Promise<Record<string, unknown>> {
  const res = await fetch(`${nginxUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Token ${auth}` },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`POST ${path}: HTTP ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

test('6. restore drill: seed, backup, down -v, up, restore, identical counts and checksum', async () => {
  const r = row(6, 'restore drill: seed → backup → down -v → up → restore');
  await settled();
  // Seed on top of what the scenarios wrote: another author, follows, tags, comments, favourites.
  const other = await registerUser(`drill${Date.now()}`);
  const otherName = (await (
    await fetch(`${nginxUrl}/api/user`, { headers: { authorization: `Token ${other}` } })
  ).json()) as {
    user: { username: string };
  };
  await api(`/api/profiles/${otherName.user.username}/follow`, {});
  for (let i = 0; i < 20; i += 1) {
    const { article } = (await api(
      '/api/articles',
      {
        article: {
          title: `Drill ${i} ${Date.now()}`,
          description: 'seed',
          body: `body ${i}`,
          tagList: [`drill${i % 4}`, 'drill'],
        },
      },
      other,
    )) as { article: { slug: string } };
    await api(`/api/articles/${article.slug}/comments`, { comment: { body: `comment on ${i}` } });
    if (i % 2 === 0) await api(`/api/articles/${article.slug}/favorite`, {});
  }
  const before = await snapshot();

  mkdirSync(backupDir, { recursive: true });
  const made = await compose('run', '--rm', 'backup');
  const dump = /\/backups\/(\S+\.dump)/.exec(made)?.[1];
  if (!dump) throw new Error(`the backup service printed no dump name: ${made}`);

  await compose('down', '-v');
  const volumes = await docker('volume', 'ls', '-q', '--filter', `name=${project}_postgres_data`);
  expect(volumes, 'the database volume after down -v').toBe('');
  await up(REPLICAS);
  const empty = await snapshot();
  const restore = await sh('scripts/db-restore.sh', ['--compose', `${backupDir}/${dump}`]);
  const after = await snapshot();

  r.note =
    `dump ${dump}; before: ${JSON.stringify(before.counts)} articles md5 ${before.checksum}; ` +
    `after down -v + up: ${empty.counts.articles} articles; after restore: ${JSON.stringify(after.counts)} articles md5 ${after.checksum}`;
  console.log(`[6] ${r.note}\n${restore}`);
  expect(empty.counts.articles, 'a new volume starts empty').toBe(0);
  expect(after.counts).toEqual(before.counts);
  expect(after.checksum).toBe(before.checksum);
  r.result = 'PASS';
});
