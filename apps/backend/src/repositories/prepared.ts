/**
 * Hot reads as named prepared statements whose one column is the response's JSON, built by PostgreSQL.
 * Named: the server parses and plans each shape once per connection, not per request (on PGlite the name
 * is ignored). JSON from the database: Node neither maps rows nor serialises objects; the route sends the
 * text as it is. Every shape has its own name, since a name stands for exactly one statement text.
 */
import type { Db } from '../db/client.js';

/**
 * What Drizzle's session holds: the driver's client (a pg Pool or PoolClient, or PGlite or its
 * transaction) and the logger the tests count statements with. Named statements go to the driver
 * directly: through Drizzle's prepared-query objects, each call built two query configurations with
 * their own type-parser closures.
 */
interface Session {
  client: {
    query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
    query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
    exec?: unknown;
  };
  logger: { logQuery(text: string, params: unknown[]): void };
}

/** Runs the named statement `text` (parsed and planned once per connection); returns its rows. */
export async function runNamed<Row>(db: Db, name: string, text: string, params: unknown[]): Promise<Row[]> {
  const { client, logger } = db._.session as unknown as Session;
  logger.logQuery(text, params);
  // PGlite (it has `exec`) takes no statement name (one in-process connection).
  const result =
    client.exec === undefined
      ? await client.query({ name, text, values: params })
      : await client.query(text, params);
  return result.rows as Row[];
}

/** The one JSON text of a statement answering `select … as json`, or undefined without a row. */
export async function jsonOf(
  db: Db,
  name: string,
  text: string,
  params: unknown[],
): Promise<string | undefined> {
  return (await runNamed<{ json: string }>(db, name, text, params))[0]?.json;
}

/** An ISO 8601 UTC timestamp with milliseconds, as JavaScript's toISOString writes it. */
export const isoTime = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Whether the viewer in parameter $1 has a row matching `probe`: false at once for an anonymous reader
 * ($1 = 0), who follows and favors nothing, without running the index probe (most reads are anonymous).
 */
export const viewerHas = (probe: string) => `($1 <> 0 and exists (${probe}))`;

/**
 * The `author`/`profile` object of user `u` as seen by the viewer in parameter $1 (0 = anonymous), as a
 * row whose column names are the object's keys. PostgreSQL turns a row into JSON with the row type's
 * column list worked out once, where json_build_object inspects each argument's type on every call: on
 * a page of articles that is about a fifth of the statement's CPU. `following` replaces the probe where
 * the statement already knows the answer.
 */
export const profileRow = (
  user: string,
  following = viewerHas(`select 1 from follows fo where fo.follower_id = $1 and fo.followee_id = ${user}.id`),
) => `(select p from (select ${user}.username, ${user}.bio, ${user}.image, ${following} as following) p)`;
