// Each replica keeps the token states it has read (plugins/auth.ts) and forgets one when the database
// announces its change (migration 0004's trigger, LISTEN/NOTIFY): a password change through any replica,
// or any other writer of the users table, ends the old sessions on every replica.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { client, eventually, replicaOf, useApp, type TestContext } from '../helpers.js';

const ctx = useApp({ TOKEN_CACHE_MS: '3600000' });
const api = client(ctx);

const tokenReads = () =>
  ctx.queries.filter((query) => /^select "token_version", "kept_session"/.test(query)).length;

const status = async (context: TestContext, token: string) =>
  (await client(context).get('/api/user', token)).status;

/** Waits until `context` answers `token` from memory (its listening connection is up). */
async function cached(context: TestContext, token: string): Promise<void> {
  await eventually(async () => {
    await status(context, token);
    const before = tokenReads();
    expect(await status(context, token)).toBe(200);
    return tokenReads() === before;
  }, 'the token state is served from memory');
}

/** Ends every session of the token's user in SQL, as an operator or another release could. */
async function revokeDirectly(token: string): Promise<void> {
  const { sub } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string };
  await ctx.database.db.execute(
    sql`update users set token_version = token_version + 1 where id = ${Number(sub)}`,
  );
}

async function twoSessions() {
  const { token: changer, email } = await api.register('notice');
  const login = await api.post('/api/users/login', { user: { email, password: 'password123' } });
  return { changer, other: login.body.user.token as string };
}

describe('token states kept by each replica', () => {
  it('are read once per user while the notices arrive', async () => {
    const { changer } = await twoSessions();
    await cached(ctx, changer);
    const before = tokenReads();
    for (let i = 0; i < 5; i++) expect(await status(ctx, changer)).toBe(200);
    expect(tokenReads()).toBe(before);
  });

  it('a password change through one replica ends the other sessions on every replica', async () => {
    const other = await replicaOf(ctx, { TOKEN_CACHE_MS: '3600000' });
    try {
      const { changer, other: old } = await twoSessions();
      await cached(ctx, old);
      await cached(other, old);
      expect(
        (await client(other).put('/api/user', { user: { password: 'a-new-password' } }, changer)).status,
      ).toBe(200);
      // The replica that made the change forgot at once; this one hears it from the database.
      const refused = await client(other).get('/api/user', old);
      expect([refused.status, refused.body]).toEqual([401, { errors: { token: ['is invalid or expired'] } }]);
      await eventually(async () => (await status(ctx, old)) === 401, 'the old token is refused');
      expect(await status(ctx, changer)).toBe(200);
    } finally {
      await other.app.close();
    }
  });

  it('follow any writer of the users table, not only this code', async () => {
    const { other: old } = await twoSessions();
    await cached(ctx, old);
    await revokeDirectly(old);
    await eventually(async () => (await status(ctx, old)) === 401, 'the old token is refused');
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'listen again after the listening connection is lost, and notices reach them again',
    async () => {
      const { other: old } = await twoSessions();
      await cached(ctx, old);
      const ended = await ctx.database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'proyecto06-backend-listen' and datname = current_database()`,
      );
      expect((ended as unknown as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
      // Back in memory only once it listens again (it forgot everything it kept when the connection went).
      await cached(ctx, old);
      await revokeDirectly(old);
      await eventually(async () => (await status(ctx, old)) === 401, 'the old token is refused');
    },
  );

  it('are read on every request with TOKEN_CACHE_MS=0', async () => {
    const uncached = await replicaOf(ctx, { TOKEN_CACHE_MS: '0' });
    try {
      const { changer } = await twoSessions();
      const before = tokenReads();
      for (let i = 0; i < 3; i++) expect(await status(uncached, changer)).toBe(200);
      expect(tokenReads()).toBe(before + 3);
    } finally {
      await uncached.app.close();
    }
  });
});
