// Each replica keeps the profiles anonymous readers ask for (plugins/public-profiles.ts) and forgets them
// when the database announces a profile change (migration 0006's trigger, LISTEN/NOTIFY): an edit through
// any replica, or by any other writer of the users table, shows on every replica.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { client, eventually, replicaOf, useApp, type TestContext } from '../helpers.js';

const ctx = useApp({ PROFILE_CACHE_MS: '3600000' });
const api = client(ctx);

const profileReads = () =>
  ctx.queries.filter((query) => /^select json_build_object\('profile'/.test(query)).length;

const profileOf = async (context: TestContext, username: string, token?: string) => {
  const response = await client(context).get(`/api/profiles/${encodeURIComponent(username)}`, token);
  return { status: response.status, profile: response.body.profile };
};

/** Waits until `context` answers anonymous readers of `username` from memory (its listener is up). */
async function cached(context: TestContext, username: string): Promise<void> {
  await eventually(async () => {
    await profileOf(context, username);
    const before = profileReads();
    expect((await profileOf(context, username)).status).toBe(200);
    return profileReads() === before;
  }, 'the profile is served from memory');
}

describe('public profiles kept by each replica', () => {
  it('are read once while the notices arrive, whatever the case of the name asked for', async () => {
    const user = await api.register('kept');
    await cached(ctx, user.username);
    const before = profileReads();
    for (let i = 0; i < 3; i++) expect((await profileOf(ctx, user.username)).profile.bio).toBeNull();
    expect(profileReads()).toBe(before);
    // Another spelling of the same name is another entry, read once, with the same answer.
    expect((await profileOf(ctx, user.username.toUpperCase())).profile.username).toBe(user.username);
  });

  it('an edit through one replica shows on every replica, at once on the one that made it', async () => {
    const other = await replicaOf(ctx, { PROFILE_CACHE_MS: '3600000' });
    try {
      const user = await api.register('edited');
      const { token } = user;
      await cached(ctx, user.username);
      await cached(other, user.username);
      const renamed = `${user.username}x`;
      const update = { user: { bio: 'a new bio', image: 'https://example.com/me.png', username: renamed } };
      expect((await client(other).put('/api/user', update, token)).status).toBe(200);
      expect(await profileOf(other, renamed)).toEqual({
        status: 200,
        profile: {
          username: renamed,
          bio: 'a new bio',
          image: 'https://example.com/me.png',
          following: false,
        },
      });
      expect((await profileOf(other, user.username)).status).toBe(404);
      await eventually(
        async () => (await profileOf(ctx, user.username)).status === 404,
        'the old name is gone',
      );
      expect((await profileOf(ctx, renamed)).profile.bio).toBe('a new bio');
    } finally {
      await other.app.close();
    }
  });

  it('follow any writer of the users table, not only this code', async () => {
    const user = await api.register('direct');
    await cached(ctx, user.username);
    await ctx.database.db.execute(sql`update users set bio = 'set in SQL' where username = ${user.username}`);
    await eventually(
      async () => (await profileOf(ctx, user.username)).profile.bio === 'set in SQL',
      'the new bio',
    );
  });

  it('are not kept for signed-in readers, who see whether they follow', async () => {
    const user = await api.register('followed');
    const { token: reader } = await api.register('reader');
    await cached(ctx, user.username);
    expect((await profileOf(ctx, user.username, reader)).profile.following).toBe(false);
    expect((await api.post(`/api/profiles/${user.username}/follow`, undefined, reader)).status).toBe(200);
    const before = profileReads();
    expect((await profileOf(ctx, user.username, reader)).profile.following).toBe(true);
    expect(profileReads()).toBe(before + 1);
    expect((await profileOf(ctx, user.username)).profile.following).toBe(false);
  });

  it('a name that does not exist yet is not remembered as missing', async () => {
    const name = `later${Date.now().toString(36)}`;
    expect((await profileOf(ctx, name)).status).toBe(404);
    const registered = await api.post('/api/users', {
      user: { username: name, email: `${name}@example.com`, password: 'password123' },
    });
    expect(registered.status).toBe(201);
    expect((await profileOf(ctx, name)).status).toBe(200);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'hear notices again after the listening connection is lost',
    async () => {
      const user = await api.register('relisten');
      await cached(ctx, user.username);
      await ctx.database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'proyecto06-backend-listen' and datname = current_database()`,
      );
      await cached(ctx, user.username);
      await ctx.database.db.execute(
        sql`update users set bio = 'after the loss' where username = ${user.username}`,
      );
      await eventually(
        async () => (await profileOf(ctx, user.username)).profile.bio === 'after the loss',
        'the new bio after the listener came back',
      );
    },
  );

  it('are read on every request with PROFILE_CACHE_MS=0', async () => {
    const uncached = await replicaOf(ctx, { PROFILE_CACHE_MS: '0' });
    try {
      const user = await api.register('uncached');
      const before = profileReads();
      for (let i = 0; i < 3; i++) expect((await profileOf(uncached, user.username)).status).toBe(200);
      expect(profileReads()).toBe(before + 3);
    } finally {
      await uncached.app.close();
    }
  });
});
