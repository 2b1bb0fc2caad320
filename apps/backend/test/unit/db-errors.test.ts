import { describe, expect, it } from 'vitest';
import { loggable, responseFor, uniqueViolation } from '../../src/db/errors.js';
import { HttpError } from '../../src/lib/errors.js';

/** What drizzle throws: its own error around the driver's, with the statement and its values. */
function wrapped(cause: object) {
  return Object.assign(new Error('Failed query: update "users" set "password_hash" = $1\nparams: SECRET'), {
    name: 'DrizzleQueryError',
    query: 'update "users" set "password_hash" = $1',
    params: ['SECRET'],
    cause: Object.assign(new Error('driver message quoting SECRET'), cause),
  });
}

const statusOf = (error: unknown) => {
  const mapped = responseFor(error);
  return mapped instanceof HttpError ? mapped.statusCode : mapped?.statusCode;
};

describe('the PostgreSQL error mapping', () => {
  it.each([
    ['22P05', 422],
    ['22021', 422],
    ['22001', 422],
    ['23502', 422],
    ['54000', 422],
    ['23503', 404],
    ['23505', 409],
    ['08006', 503],
    ['53300', 503],
    ['57014', 503],
    ['57P01', 503],
    ['40001', 503],
    ['40P01', 503],
  ])('maps SQLSTATE %s to %i through the wrapper', (code, status) => {
    expect(statusOf(wrapped({ code }))).toBe(status);
  });

  it.each([
    [{ code: 'ECONNREFUSED' }],
    [{ code: 'ECONNRESET' }],
    [new Error('timeout exceeded when trying to connect')],
    [new Error('Connection terminated unexpectedly')],
  ])('maps a lost or refused connection to 503 with Retry-After: %o', (error) => {
    const mapped = responseFor(Object.assign(new Error('Failed query'), { cause: error }));
    expect(mapped).toMatchObject({ statusCode: 503, retryAfterSeconds: 5 });
  });

  it('leaves bugs (a syntax error, a plain exception) to the 500 path', () => {
    expect(responseFor(wrapped({ code: '42601' }))).toBeUndefined();
    expect(responseFor(new TypeError('x is undefined'))).toBeUndefined();
  });

  it('names the field of a unique violation and the thing of a foreign-key violation', () => {
    expect(uniqueViolation(wrapped({ code: '23505', constraint: 'users_email_lower_key' }))).toBe(
      'users_email_lower_key',
    );
    expect(responseFor(wrapped({ code: '23505', constraint: 'users_username_key' }))).toMatchObject({
      errors: { username: ['has already been taken'] },
    });
    expect(
      responseFor(wrapped({ code: '23503', constraint: 'comments_article_id_articles_id_fk' })),
    ).toMatchObject({ statusCode: 404, errors: { article: ['not found'] } });
  });

  it('logs the SQLSTATE, table and constraint, never the values or the driver message', () => {
    const logged = JSON.stringify(
      loggable(wrapped({ code: '22P05', table: 'users', constraint: undefined, column: 'bio' })),
    );
    expect(logged).toContain('22P05');
    expect(logged).toContain('users');
    expect(logged).not.toContain('SECRET');
  });
});
