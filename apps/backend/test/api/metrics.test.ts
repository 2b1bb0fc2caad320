import { describe, expect, it } from 'vitest';
import { client, malformed, uid, useApp } from '../helpers.js';

// A low login limit so the fourth attempt is rate limited.
const ctx = useApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
const api = client(ctx);

const metrics = async () => (await ctx.app.inject('/metrics')).body;
/** The value of one sample line, e.g. sample(text, 'conduit_logins_total{outcome="ok"}'). */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('application metrics', () => {
  it('counts registrations, logins by outcome, articles and comments from the answers alone', async () => {
    const before = await metrics();
    for (const outcome of ['ok', 'bad_credentials', 'rate_limited', 'invalid_request', 'error'])
      expect(sample(before, `conduit_logins_total{outcome="${outcome}"}`), outcome).toBe(0);

    const user = await api.register('metrics');
    expect(
      (
        await api.post('/api/users', {
          user: { username: uid(), email: user.email, password: 'password123' },
        })
      ).status,
    ).toBe(409);
    expect(
      (await api.post('/api/users/login', { user: { email: user.email, password: 'password123' } })).status,
    ).toBe(200);
    expect(
      (await api.post('/api/users/login', { user: { email: user.email, password: 'wrong-password' } }))
        .status,
    ).toBe(401);
    expect((await api.post('/api/users/login', malformed({ user: { email: user.email } }))).status).toBe(422);
    expect(
      (await api.post('/api/users/login', { user: { email: user.email, password: 'password123' } })).status,
    ).toBe(429);
    const article = await api.createArticle(user.token);
    const commentUrl = `/api/articles/${article.slug}/comments` as const;
    expect((await api.post(commentUrl, { comment: { body: 'first' } }, user.token)).status).toBe(201);
    expect((await api.post(commentUrl, { comment: { body: 'no token' } })).status).toBe(401);

    const after = await metrics();
    // The conflicting second registration is not a registration.
    expect(sample(after, 'conduit_user_registrations_total')).toBe(1);
    expect(sample(after, 'conduit_logins_total{outcome="ok"}')).toBe(1);
    expect(sample(after, 'conduit_logins_total{outcome="bad_credentials"}')).toBe(1);
    expect(sample(after, 'conduit_logins_total{outcome="invalid_request"}')).toBe(1);
    expect(sample(after, 'conduit_logins_total{outcome="rate_limited"}')).toBe(1);
    expect(sample(after, 'conduit_articles_created_total')).toBe(1);
    expect(sample(after, 'conduit_comments_created_total')).toBe(1);
    // Bounded labels: no slug, user or e-mail anywhere.
    expect(after).not.toContain(article.slug);
    expect(after).not.toContain(user.username);
  });

  it('times database statements and pool waits on PostgreSQL (the embedded database has no pool)', async () => {
    await api.get('/api/tags');
    const text = await metrics();
    if (ctx.database.kind === 'postgres') {
      expect(sample(text, 'db_query_duration_seconds_count{outcome="ok"}')).toBeGreaterThan(0);
      expect(sample(text, 'db_pool_wait_seconds_count')).toBeGreaterThan(0);
    } else {
      expect(sample(text, 'db_query_duration_seconds_count{outcome="ok"}')).toBeUndefined();
      expect(text).toMatch(/^# TYPE db_query_duration_seconds histogram/m);
    }
  });

  it('times a failed statement as an error', async () => {
    if (ctx.database.kind !== 'postgres') return;
    const count = async () =>
      sample(await metrics(), 'db_query_duration_seconds_count{outcome="error"}') ?? 0;
    const before = await count();
    await expect(ctx.database.db.execute('select * from no_such_table' as never)).rejects.toThrow();
    expect(await count()).toBe(before + 1);
  });
});
