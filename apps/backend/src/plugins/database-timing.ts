import type { Pool, PoolClient } from 'pg';
import type { Database } from '../db/client.js';

export interface DatabaseTimingListener {
  /** A statement finished after `seconds`, successfully or not. */
  query(seconds: number, ok: boolean): void;
  /** A caller waited `seconds` for a connection from the pool (including opening one). */
  poolWait(seconds: number): void;
}

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, done: () => void) => void;

const listenersByPool = new WeakMap<Pool, Set<DatabaseTimingListener>>();
const timedClients = new WeakSet<PoolClient>();

const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Reports statement durations and pool waits of a PostgreSQL database to `listener`; returns the function
 * that stops it. The pool is instrumented once, however many apps share it (tests build several), and
 * the repositories and Drizzle do not know: every checkout goes through pool.connect (pool.query uses it
 * too) and every statement through a checked-out client's query. The embedded database (one in-process
 * connection, no pool) reports nothing.
 */
export function onDatabaseTiming(database: Database, listener: DatabaseTimingListener): () => void {
  if (database.kind !== 'postgres') return () => undefined;
  const pool = (database.db as unknown as { $client: Pool }).$client;
  let listeners = listenersByPool.get(pool);
  if (!listeners) {
    listeners = new Set();
    listenersByPool.set(pool, listeners);
    instrument(pool, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function instrument(pool: Pool, listeners: Set<DatabaseTimingListener>): void {
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<PoolClient> | undefined;
  const waited = (start: bigint) => {
    const seconds = secondsSince(start);
    for (const listener of listeners) listener.poolWait(seconds);
  };
  Object.assign(pool, {
    connect(callback?: ConnectCallback) {
      const start = process.hrtime.bigint();
      if (callback) {
        return connect((error, client, done) => {
          waited(start);
          callback(error, client, done);
        });
      }
      return connect()!.then((client) => {
        waited(start);
        return client;
      });
    },
  });

  pool.on('acquire', (client) => {
    if (timedClients.has(client)) return;
    timedClients.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const finished = (start: bigint, ok: boolean) => {
      const seconds = secondsSince(start);
      for (const listener of listeners) listener.query(seconds, ok);
    };
    Object.assign(client, {
      query(...args: unknown[]) {
        const start = process.hrtime.bigint();
        // Callback form (pool.query uses it) or promise form (Drizzle's transactions).
        const callback = args.at(-1);
        if (typeof callback === 'function') {
          args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
            finished(start, !error);
            return callback(error, ...rest) as unknown;
          };
          return query(...args);
        }
        const result = query(...args);
        // The caller keeps its own handling of a rejection.
        if (result instanceof Promise) {
          result.then(
            () => finished(start, true),
            () => finished(start, false),
          );
        }
        return result;
      },
    });
  });
}
