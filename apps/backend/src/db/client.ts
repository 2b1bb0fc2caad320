/**
 * One database handle for both ways of running: a `pg` pool on a real PostgreSQL, or the embedded PGlite
 * (PostgreSQL compiled to WebAssembly, data in a local folder) when DATABASE_URL is unset. Both speak the
 * same SQL, so the repositories and migrations do not know which one they have.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../config.js';
import { sharedListener, type Subscriber } from './listener.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  kind: 'postgres' | 'embedded';
  db: Db;
  /**
   * Resolves when the database answers a trivial query within `timeoutMs`. On PostgreSQL it uses a
   * connection of its own, so a saturated pool does not make a healthy database look down.
   */
  ping(timeoutMs: number): Promise<void>;
  poolStats(): PoolStats;
  /**
   * Delivers the payload of every NOTIFY on `channel` to `onNotice`, and tells `onLive` whether notices
   * are being received: false when the listening connection is lost (some may be missed until it is back,
   * so whatever they keep fresh must not be trusted meanwhile), true once it listens again. Returns the
   * function that stops listening.
   */
  subscribe(channel: string, handlers: Subscriber): () => Promise<void>;
  close(): Promise<void>;
}

/** Migrations open their own connection: without the statement timeout (an index build may be slow). */
const migrationUrls = new WeakMap<Database, string>();

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface OpenOptions {
  /** Called with every SQL statement sent (tests count them to prove lists do not grow with the page). */
  onQuery?: (query: string) => void;
}

export async function openDatabase(config: Config['database'], options: OpenOptions = {}): Promise<Database> {
  const logger = options.onQuery ? { logQuery: options.onQuery } : false;
  if (config.kind === 'postgres') {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const connection = {
      connectionString: config.url,
      application_name: 'proyecto06-backend',
      keepAlive: true,
      // The hot reads are named statements (repositories/prepared.ts) whose parameters are a viewer, a
      // page and equality filters on indexed columns: one plan fits every value. Left to choose, the
      // server re-plans the list for every request (a custom plan with the page's limit looks cheaper
      // than the generic one), which costs more than running it. Unnamed statements are planned as before.
      options: '-c plan_cache_mode=force_generic_plan',
    };
    const pool = new pg.Pool({
      ...connection,
      max: config.poolMax,
      // A dead or saturated database fails the request (503) instead of queueing it without end.
      connectionTimeoutMillis: config.connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      // PostgreSQL cancels a statement that runs (or waits on a lock) longer than this; the client-side
      // limit a little later covers a server that stopped answering altogether (network gone).
      ...(config.statementTimeoutMs > 0 && {
        statement_timeout: config.statementTimeoutMs,
        query_timeout: config.statementTimeoutMs + 1_000,
      }),
    });
    // An idle client losing its connection (database restart, pg_terminate_backend) must not crash the
    // process; the pool drops that client and opens a fresh one for the next request.
    pool.on('error', () => undefined);
    // A checked-out client (mid-transaction, between two statements) that loses its connection emits
    // 'error' while the pool is not listening to it: unhandled, that kills the process (seen under
    // `kill -9` of PostgreSQL in the resilience suite). Its next query fails instead (503), and the
    // pool discards it when it is released with that error.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = drizzle(pool, { schema, logger }) as unknown as Db;
    const database: Database = {
      kind: 'postgres',
      db,
      ping: async (timeoutMs) => {
        const client = new pg.Client({
          ...connection,
          connectionTimeoutMillis: timeoutMs,
          statement_timeout: timeoutMs,
          query_timeout: timeoutMs,
        });
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.query('select 1');
        } finally {
          void client.end().catch(() => undefined);
        }
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      // One listening connection for every channel (db/listener.ts), named so operators can tell it.
      subscribe: sharedListener(
        () => new pg.Client({ ...connection, application_name: 'proyecto06-backend-listen' }),
      ),
      close: () => pool.end(),
    };
    migrationUrls.set(database, config.url);
    return database;
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = config.dataDir === 'memory://' ? config.dataDir : path.resolve(config.dataDir);
  if (dataDir !== 'memory://') await mkdir(dataDir, { recursive: true });
  // PGlite's PostgreSQL keeps its 128 MB default buffer pool inside the WebAssembly memory, every page of
  // it resident: 16 MB holds a developer's data set (the files stay in the OS cache) and the idle
  // process drops from about 370 to about 245 MB (README, "Memory").
  const client = await PGlite.create(dataDir, {
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
  });
  const db = drizzle(client, { schema, logger }) as unknown as Db;
  return {
    kind: 'embedded',
    db,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    // PGlite is one in-process connection: report it as a pool of one.
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    // Notices of this same process's PostgreSQL, from whichever connection of it wrote the change.
    subscribe(channel, { onNotice, onLive }) {
      onLive(false);
      const listening = client.listen(channel, onNotice).then(
        (stop) => {
          onLive(true);
          return stop;
        },
        // Not listening: whatever the notices keep fresh is read every time.
        () => async () => undefined,
      );
      return async () => (await listening)();
    },
    close: () => client.close(),
  };
}

/** Rows of a raw statement. Both drivers answer `{ rows }`; Drizzle types them differently. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Empties a database completely (tests and the API suite start from nothing): schema and migration log. */
export async function dropEverything(database: Database): Promise<void> {
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`drop schema if exists public cascade`);
  await database.db.execute(sql`create schema public`);
}

/** Applies the committed SQL migrations; safe to run again (applied ones are recorded and skipped). */
export async function migrate(database: Database): Promise<void> {
  const url = migrationUrls.get(database);
  if (url) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    const client = new pg.Client({ connectionString: url, application_name: 'proyecto06-migrate' });
    await client.connect();
    try {
      await run(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.end();
    }
  } else {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
