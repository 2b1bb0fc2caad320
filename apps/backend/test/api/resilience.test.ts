/**
 * A slow, saturated, dead or restarted database: requests fail fast with 503 in the envelope (never hang,
 * never 500), readiness is not stuck behind a full pool, and the pool heals by itself. The PostgreSQL
 * cases need a server (TEST_DATABASE_URL); the embedded database has no pool, sockets or timeouts.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { rows, openDatabase, type Database } from '../../src/db/client.js';
import { testConfig } from '../helpers.js';

const url = process.env.TEST_DATABASE_URL;
const opened: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
});

/** An app on its own pool, with a route that holds a connection for `seconds` (tests only). */
async function appWith(env: Record<string, string>) {
  const config = testConfig(env);
  const database = await openDatabase(config.database);
  const app = await buildApp({ config, database });
  app.get<{ Querystring: { seconds: string } }>('/test/sleep', async (request) => {
    await database.db.execute(sql`select pg_sleep(${Number(request.query.seconds)})`);
    return { slept: true };
  });
  await app.ready();
  opened.push(app);
  return { app, database };
}

describe.skipIf(!url)('PostgreSQL under trouble', () => {
  it('cancels a statement past DATABASE_STATEMENT_TIMEOUT_MS: 503 busy with Retry-After', async () => {
    const { app } = await appWith({ DATABASE_STATEMENT_TIMEOUT_MS: '200' });
    const response = await app.inject('/test/sleep?seconds=3');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ errors: { database: ['is busy, please try again'] } });
    expect(response.headers['retry-after']).toBe('5');
    // The pool survived the cancel: the next request is served.
    expect((await app.inject('/api/tags')).statusCode).toBe(200);
  });

  it('gives up waiting for a pool connection after DATABASE_CONNECT_TIMEOUT_MS; readiness still answers', async () => {
    const { app } = await appWith({ DATABASE_POOL_MAX: '1', DATABASE_CONNECT_TIMEOUT_MS: '200' });
    const holder = app.inject('/test/sleep?seconds=1.5');
    // Wait until the only connection is taken (the sleep query is running), not for a fixed time.
    await until(async () => (await activeSleeps()) > 0);
    const starved = await app.inject('/api/tags');
    expect(starved.statusCode).toBe(503);
    expect(starved.json()).toEqual({ errors: { database: ['is unavailable, please try again'] } });
    expect(starved.headers['retry-after']).toBe('5');
    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database).toBe('ok');
    expect((await holder).statusCode).toBe(200);
  });

  it('recovers without a restart when its connections are killed (pg_terminate_backend)', async () => {
    const { app, database } = await appWith({ DATABASE_POOL_MAX: '1' });
    expect((await app.inject('/api/tags')).statusCode).toBe(200);
    const pid = await backendPid(database);
    await admin((client) => client.query('select pg_terminate_backend($1)', [pid]));
    // The idle client's socket closes; the pool drops it and the next request opens a fresh connection.
    await until(async () => database.poolStats().total === 0);
    const after = await app.inject('/api/tags');
    expect(after.statusCode).toBe(200);
    expect(await backendPid(database)).not.toBe(pid);
  });
});

describe('a database that is down', () => {
  it('answers 503 in the envelope with Retry-After, and /health names no driver text or address', async () => {
    const config = testConfig({
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      READINESS_TIMEOUT_MS: '2000',
    });
    const database: Database = await openDatabase(config.database);
    const app = await buildApp({ config, database });
    opened.push(app);
    for (const path of ['/health', '/health/ready']) {
      const response = await app.inject(path);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        status: 'unavailable',
        checks: { process: 'ok', server: 'ok', database: 'unavailable' },
      });
    }
    for (const path of ['/api/tags', '/api/articles', '/api/profiles/someone']) {
      const response = await app.inject(path);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ errors: { database: ['is unavailable, please try again'] } });
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|select|stack/i);
    }
  });
});

async function backendPid(database: Database): Promise<number> {
  const [row] = await rows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
  return row!.pid;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition never became true');
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function activeSleeps(): Promise<number> {
  const result = await admin((client) =>
    client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where query like 'select pg_sleep%' and state = 'active'",
    ),
  );
  return result.rows[0]!.n;
}
