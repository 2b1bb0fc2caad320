/**
 * Everything the API knows about database errors, in one place: which responses they become and what of
 * them may be logged. Drizzle wraps the driver's error (whose `cause` holds the SQLSTATE) and carries the
 * statement's bound values: a password hash, an e-mail. Those never reach a response or a log line.
 */
import { HttpError } from '../lib/errors.js';

interface DriverError {
  code?: unknown;
  table?: unknown;
  constraint?: unknown;
  column?: unknown;
  routine?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The error and its causes, outermost first (bounded: a cycle cannot loop forever). */
function* causes(error: unknown): Generator<DriverError> {
  let current = error;
  for (let depth = 0; current !== null && typeof current === 'object' && depth < 8; depth++) {
    yield current as DriverError;
    current = (current as DriverError).cause;
  }
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The PostgreSQL error in the chain, if any: a five-character SQLSTATE marks it. */
function postgresError(error: unknown): DriverError | undefined {
  for (const e of causes(error)) if (typeof e.code === 'string' && SQLSTATE.test(e.code)) return e;
  return undefined;
}

export function sqlState(error: unknown): string | undefined {
  return postgresError(error)?.code as string | undefined;
}

/** The constraint of a unique_violation (23505), or undefined for any other error. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = postgresError(error);
  return e?.code === '23505' ? String(e.constraint ?? '') : undefined;
}

// Socket-level failures and the pool's own messages: the database is unreachable or went away.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Cannot use a pool after calling end/i;

function connectionLost(error: unknown): boolean {
  for (const e of causes(error)) {
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** Seconds a client should wait before retrying a request that met an unavailable database. */
export const RETRY_AFTER_SECONDS = 5;

export interface Unavailable {
  statusCode: 503;
  errors: Record<string, string[]>;
  retryAfterSeconds: number;
}

/**
 * The response a database error stands for, or undefined when it is a bug (a 500):
 * - 22… data exception (a value the column cannot hold), 23502/23514, 54… limits → 422;
 * - 23503 foreign key: what the request pointed at is gone (deleted meanwhile) → 404;
 * - 23505 unique: a race the handler's own check lost → 409;
 * - 08 connection, 53 resources, 57 operator intervention (statement timeout, shutdown), 40 rollback
 *   (serialization, deadlock) and lost sockets → 503 with Retry-After: try again shortly.
 */
export function responseFor(error: unknown): HttpError | Unavailable | undefined {
  const e = postgresError(error);
  const code = e?.code as string | undefined;
  if (code) {
    const klass = code.slice(0, 2);
    if (klass === '22' || klass === '54' || code === '23502' || code === '23514') {
      return new HttpError(422, { request: ['contains a value that cannot be stored'] });
    }
    if (code === '23503') return new HttpError(404, { [referencedThing(e!)]: ['not found'] });
    if (code === '23505') return new HttpError(409, { [uniqueField(e!)]: ['has already been taken'] });
    if (code === '57014' || klass === '53' || klass === '40') {
      return unavailable('is busy, please try again');
    }
    if (klass === '08' || klass === '57') return unavailable('is unavailable, please try again');
  }
  if (connectionLost(error)) return unavailable('is unavailable, please try again');
  return undefined;
}

function unavailable(message: string): Unavailable {
  return { statusCode: 503, errors: { database: [message] }, retryAfterSeconds: RETRY_AFTER_SECONDS };
}

/** Constraint names follow drizzle's `<table>_<column>_<target>_<column>_fk`: name the target. */
function referencedThing(e: DriverError): string {
  const constraint = String(e.constraint ?? '');
  if (constraint.endsWith('_articles_id_fk')) return 'article';
  if (constraint.endsWith('_users_id_fk')) return 'profile';
  return 'resource';
}

function uniqueField(e: DriverError): string {
  const constraint = String(e.constraint ?? '');
  for (const field of ['username', 'email', 'slug']) if (constraint.includes(field)) return field;
  return 'resource';
}

/**
 * What a log line may say about an error: for a database error its SQLSTATE, table, constraint, column
 * and the statement text (placeholders, not values); never the bound parameters, the driver's message
 * or detail (both can quote the offending value) or a stack whose first line repeats them.
 */
export function loggable(error: unknown): Record<string, unknown> {
  const e = postgresError(error);
  if (!e && !isWrappedQuery(error)) return { err: error };
  const top = error as { name?: unknown; query?: unknown; stack?: unknown };
  return {
    database: {
      type: typeof top.name === 'string' ? top.name : 'Error',
      sqlState: e?.code,
      code: e ? undefined : firstCode(error),
      table: e?.table,
      constraint: e?.constraint,
      column: e?.column,
      routine: e?.routine,
      query: typeof top.query === 'string' ? top.query : undefined,
      // Only the frames: a stack starts with the message, which may span lines.
      stack:
        typeof top.stack === 'string'
          ? top.stack
              .split('\n')
              .filter((line) => line.startsWith('    at '))
              .join('\n')
          : undefined,
    },
  };
}

function firstCode(error: unknown): unknown {
  for (const e of causes(error)) if (typeof e.code === 'string') return e.code;
  return undefined;
}

function isWrappedQuery(error: unknown): boolean {
  for (const e of causes(error)) if ('params' in e || 'query' in e) return true;
  return false;
}
