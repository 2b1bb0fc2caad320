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
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

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
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolMax,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'proyecto06-backend',
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => undefined);
    const db = drizzle(pool, { schema, logger }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      ping: async () => {
        await pool.query('select 1');
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => pool.end(),
    };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = config.dataDir === 'memory://' ? config.dataDir : path.resolve(config.dataDir);
  if (dataDir !== 'memory://') await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema, logger }) as unknown as Db;
  return {
    kind: 'embedded',
    db,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    // PGlite is one in-process connection: report it as a pool of one.
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
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
  if (database.kind === 'postgres') {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    await run(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
