/**
 * Input that used to reach PostgreSQL and come back as a 500, and the account rules: every case answers
 * with a 4xx in the spec's envelope ({"errors":{"field":["message"]}}), on the real database.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { requestId } from '../../src/app.js';
import * as comments from '../../src/repositories/comments.js';
import * as users from '../../src/repositories/users.js';
import { client, malformed, uid, useApp, type Response } from '../helpers.js';

const ctx = useApp(
  {},
  {
    // Direct repository calls that skip the handlers' checks, so the database itself refuses them and the
    // error handler's PostgreSQL mapping (the backstop) answers.
    routes: (app, database) => {
      // The text arrives hex-encoded: a NUL in the body itself would be stopped at the edge.
      app.post<{ Body: { hex: string } }>('/test/store-text', async (request) => {
        const value = Buffer.from(request.body.hex, 'hex').toString();
        await database.db.execute(sql`select ${value}::text as stored`);
        return { stored: true };
      });
      app.post('/test/comment-on-missing-article', async () => {
        await comments.insertComment(database.db, { body: 'x', articleId: 2_147_483_000, authorId: 1 });
        return {};
      });
      app.post<{ Body: { username: string } }>('/test/insert-user', async (request) => {
        const name = request.body.username;
        await users.insertUser(database.db, { username: name, email: `${uid()}@x.io`, passwordHash: 'h' });
        return {};
      });
      app.get('/test/bug', async () => {
        await database.db.execute(sql`select * from no_such_table`);
        return {};
      });
    },
  },
);
const api = client(ctx);

const NUL = '\u0000';

function expectEnvelope(response: Response, status: number, errors: Record<string, string[]>) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body).toEqual({ errors });
}

describe('a NUL character anywhere is refused at the edge, never a 500', () => {
  it('in a query string: 422 naming the parameter', async () => {
    for (const name of ['tag', 'author', 'favorited']) {
      const response = await api.get(`/api/articles?${name}=a%00b`);
      expectEnvelope(response, 422, { [name]: ['must not contain NUL characters'] });
    }
  });

  it('in a path: 404, as no such thing can exist', async () => {
    const { token } = await api.register('nulpath');
    expectEnvelope(await api.get('/api/profiles/a%00b'), 404, { profile: ['not found'] });
    expectEnvelope(await api.post('/api/profiles/a%00b/follow', undefined, token), 404, {
      profile: ['not found'],
    });
    expectEnvelope(await api.get('/api/articles/a%00b'), 404, { article: ['not found'] });
    expectEnvelope(await api.get('/api/articles/a%00b/comments'), 404, { article: ['not found'] });
    expectEnvelope(await api.delete('/api/articles/a%00b/favorite', token), 404, {
      article: ['not found'],
    });
  });

  it('in a body: 422 naming the field (login, register, profile, article, tags, comment, a key)', async () => {
    const { token } = await api.register('nulbody');
    const article = await api.createArticle(token);
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/users/login', { user: { email: `a${NUL}@b.io`, password: 'password123' } }, 'email'],
      [
        'POST',
        '/api/users',
        { user: { username: `n${NUL}`, email: `${uid()}@x.io`, password: 'password123' } },
        'username',
      ],
      ['PUT', '/api/user', { user: { bio: `hello${NUL}` } }, 'bio'],
      ['PUT', '/api/user', { user: { password: `password${NUL}123` } }, 'password'],
      ['POST', '/api/articles', { article: { title: `T${NUL}`, description: 'd', body: 'b' } }, 'title'],
      [
        'POST',
        '/api/articles',
        { article: { title: 'T', description: 'd', body: 'b', tagList: ['ok', `t${NUL}`] } },
        'tagList',
      ],
      ['PUT', `/api/articles/${article.slug}`, { article: { body: `b${NUL}` } }, 'body'],
      ['POST', `/api/articles/${article.slug}/comments`, { comment: { body: `c${NUL}` } }, 'body'],
      ['PUT', '/api/user', { user: { [`bio${NUL}`]: 'x' } }, 'request'],
    ];
    for (const [method, url, payload, field] of cases) {
      const call = method === 'PUT' ? api.put : api.post;
      expectEnvelope(await call(url, payload, token), 422, { [field]: ['must not contain NUL characters'] });
    }
    // Nothing was stored on the way.
    expect((await api.get('/api/user', token)).body.user.bio).toBeNull();
  });
});

describe('PostgreSQL errors map by class in one place (the backstop behind the edge checks)', () => {
  it('a data exception (22…) is a 422', async () => {
    for (const text of [`a${NUL}b`, 'x'.repeat(4)]) {
      const response = await api.post('/test/store-text', { hex: Buffer.from(text).toString('hex') });
      if (text.includes(NUL)) {
        expectEnvelope(response, 422, { request: ['contains a value that cannot be stored'] });
      } else {
        expect(response.body).toEqual({ stored: true });
      }
    }
  });

  it('a foreign-key race (23503) is a 404 for the thing that is gone', async () => {
    expectEnvelope(await api.post('/test/comment-on-missing-article', {}), 404, { article: ['not found'] });
  });

  it('a unique race (23505) is a 409 on the field, whatever the case of the name', async () => {
    const { username } = await api.register('race');
    expectEnvelope(await api.post('/test/insert-user', { username: username.toUpperCase() }), 409, {
      username: ['has already been taken'],
    });
  });

  it('a real bug is a 500 with a generic message, no SQL', async () => {
    const response = await api.get('/test/bug');
    expectEnvelope(response, 500, { server: ['something went wrong, please try again'] });
  });
});

describe('slugs never take a reserved route word', () => {
  it('an article titled "Feed" gets another slug, and /api/articles/feed stays the feed', async () => {
    const { token } = await api.register('feedtitle');
    const article = await api.createArticle(token, { title: 'Feed' });
    expect(article.slug).not.toBe('feed');
    expect(article.slug).toMatch(/^feed-[0-9a-f]+$/);
    expect((await api.get(`/api/articles/${article.slug}`)).body.article.title).toBe('Feed');
    const renamed = await api.put(`/api/articles/${article.slug}`, { article: { title: 'feed' } }, token);
    expect(renamed.body.article.slug).not.toBe('feed');
    expect((await api.get('/api/articles/feed', token)).body).toHaveProperty('articlesCount');
  });
});

describe('sessions', () => {
  it('GET /api/user answers with the token it was called with, not a fresh one', async () => {
    const { token } = await api.register('sametoken');
    expect((await api.get('/api/user', token)).body.user.token).toBe(token);
    // So does an update that does not touch the password.
    expect((await api.put('/api/user', { user: { bio: 'b' } }, token)).body.user.token).toBe(token);
  });

  it('a password change signs out every other session; the one that made it goes on', async () => {
    const { token: changer, email } = await api.register('revoke');
    const login = () => api.post('/api/users/login', { user: { email, password: 'password123' } });
    const others = [(await login()).body.user.token as string, (await login()).body.user.token as string];
    for (const token of others) expect((await api.get('/api/user', token)).status).toBe(200);

    const changed = await api.put('/api/user', { user: { password: 'a-new-password' } }, changer);
    expect(changed.status).toBe(200);
    expect(changed.body.user.token).toBe(changer);
    for (const old of others) {
      expectEnvelope(await api.get('/api/user', old), 401, { token: ['is invalid or expired'] });
      expectEnvelope(await api.post('/api/articles', malformed({ article: {} }), old), 401, {
        token: ['is invalid or expired'],
      });
    }
    expect((await api.get('/api/user', changer)).status).toBe(200);
    expectEnvelope(await login(), 401, { credentials: ['invalid'] });

    // A login with the new password is a session of its own; its own password change ends the first.
    const fresh = (await api.post('/api/users/login', { user: { email, password: 'a-new-password' } })).body
      .user.token as string;
    expect((await api.put('/api/user', { user: { password: 'third-password' } }, fresh)).status).toBe(200);
    expect((await api.get('/api/user', fresh)).status).toBe(200);
    expectEnvelope(await api.get('/api/user', changer), 401, { token: ['is invalid or expired'] });
  });
});

describe('one password policy for register and update', () => {
  it('at least 8 characters on both; blank says so', async () => {
    const register = (password: string) =>
      api.post('/api/users', { user: { username: uid('pw'), email: `${uid()}@x.io`, password } });
    const { token } = await api.register('policy');
    expectEnvelope(await register('short7c'), 422, { password: ['is too short (minimum is 8 characters)'] });
    expectEnvelope(await api.put('/api/user', { user: { password: 'short7c' } }, token), 422, {
      password: ['is too short (minimum is 8 characters)'],
    });
    expectEnvelope(await register(''), 422, { password: ["can't be blank"] });
    expect((await register('bonjour1')).status).toBe(201);
  });
});

describe('usernames', () => {
  it('are NFKC-normalised: full-width letters are stored as plain ones', async () => {
    const plain = uid('wide');
    const wide = [...plain].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    const response = await api.post('/api/users', {
      user: { username: wide, email: `${uid()}@x.io`, password: 'password123' },
    });
    expect(response.status).toBe(201);
    expect(response.body.user.username).toBe(plain);
    expect((await api.get(`/api/profiles/${encodeURIComponent(wide)}`)).body.profile.username).toBe(plain);
  });

  it('are unique regardless of case, and profiles are found regardless of case', async () => {
    const name = uid('Case');
    await api.post('/api/users', {
      user: { username: name, email: `${uid()}@x.io`, password: 'password123' },
    });
    expectEnvelope(
      await api.post('/api/users', {
        user: { username: name.toLowerCase(), email: `${uid()}@x.io`, password: 'password123' },
      }),
      409,
      { username: ['has already been taken'] },
    );
    const { token } = await api.register('renamer');
    expectEnvelope(await api.put('/api/user', { user: { username: name.toUpperCase() } }, token), 409, {
      username: ['has already been taken'],
    });
    const found = await api.get(`/api/profiles/${name.toUpperCase()}`);
    expect(found.body.profile.username).toBe(name);
  });

  it('refuse control, zero-width and bidi characters', async () => {
    const { token } = await api.register('invisible');
    for (const bad of ['\u0007', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u2028']) {
      const username = `ab${bad}cd${uid()}`;
      const message = ['must not contain control, invisible or direction characters'];
      expectEnvelope(
        await api.post('/api/users', { user: { username, email: `${uid()}@x.io`, password: 'password123' } }),
        422,
        { username: message },
      );
      expectEnvelope(await api.put('/api/user', { user: { username } }, token), 422, { username: message });
    }
    expectEnvelope(await api.get(`/api/profiles/ab${encodeURIComponent('\u202e')}cd`), 404, {
      profile: ['not found'],
    });
  });
});

describe('image URLs', () => {
  it('accept http and https only', async () => {
    const { token } = await api.register('image');
    for (const image of [
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'ftp://x.io/a.png',
      'not a url',
    ]) {
      expectEnvelope(await api.put('/api/user', { user: { image } }, token), 422, {
        image: ['must be an http or https URL'],
      });
    }
    for (const image of ['https://example.com/a.png', 'http://example.com/b.png']) {
      expect((await api.put('/api/user', { user: { image } }, token)).body.user.image).toBe(image);
    }
  });
});

describe('per-user write rate limits', () => {
  const limited = useApp({ RATE_LIMIT_WRITES_PER_MINUTE: '2' });
  const limitedApi = client(limited);

  it('429 in the envelope with Retry-After once a user spends the budget; others and reads are unaffected', async () => {
    const alice = await limitedApi.register('alice');
    const bob = await limitedApi.register('bob');
    const article = await limitedApi.createArticle(alice.token);
    const favorite = (token: string) =>
      limitedApi.post(`/api/articles/${article.slug}/favorite`, undefined, token);
    expect((await favorite(alice.token)).status).toBe(200);
    expect((await favorite(alice.token)).status).toBe(200);
    const blocked = await favorite(alice.token);
    expect(blocked.status).toBe(429);
    expect(Object.keys(blocked.body.errors ?? {})).toEqual(['rate']);
    expect(blocked.body.errors?.rate?.[0]).toMatch(/retry in \d+ seconds/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Same address, another user: a budget of its own.
    expect((await favorite(bob.token)).status).toBe(200);
    expect((await limitedApi.get(`/api/articles/${article.slug}`, alice.token)).status).toBe(200);
    // Profile changes (a password change is one) count too.
    const change = () => limitedApi.put('/api/user', { user: { bio: 'x' } }, bob.token);
    expect([(await change()).status, (await change()).status, (await change()).status]).toEqual([
      200, 200, 429,
    ]);
  });
});

describe('X-Request-Id', () => {
  const incoming = (value: string | undefined) =>
    ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as never;

  it('is kept when short and plain, replaced otherwise', () => {
    expect(requestId(incoming('abc-123_x.y:z'))).toBe('abc-123_x.y:z');
    for (const bad of ['x'.repeat(16_000), 'has space', 'line\nbreak', '<script>', '']) {
      const id = requestId(incoming(bad));
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestId(incoming(undefined))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
