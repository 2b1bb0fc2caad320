import { describe, expect, it } from 'vitest';
import { client, malformed, uid, useApp } from '../helpers.js';

const ctx = useApp();
const api = client(ctx);

describe('registration and login', () => {
  it('registers a user (201) with a token and null bio/image, then logs in case-insensitively by email', async () => {
    const username = uid('reg');
    const registered = await api.post('/api/users', {
      user: { username, email: `${username}@Example.com`, password: 'password123' },
    });
    expect(registered.status).toBe(201);
    expect(registered.headers['content-type']).toMatch(/^application\/json/);
    expect(registered.body.user).toMatchObject({
      username,
      email: `${username}@Example.com`,
      bio: null,
      image: null,
    });
    expect(registered.body.user.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const login = await api.post('/api/users/login', {
      user: { email: `${username}@example.COM`, password: 'password123' },
    });
    expect(login.status).toBe(200);
    expect(login.body.user.username).toBe(username);

    const me = await api.get('/api/user', login.body.user.token);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(`${username}@Example.com`);
  });

  it('rejects blank and missing fields with 422, keyed by field', async () => {
    const blank = await api.post('/api/users', { user: { username: '', email: ' ', password: '' } });
    expect(blank.status).toBe(422);
    expect(blank.body.errors).toMatchObject({ username: ["can't be blank"], password: ["can't be blank"] });

    const whitespace = await api.post('/api/users', {
      user: { username: '   ', email: 'w@x.io', password: 'password123' },
    });
    expect(whitespace.status).toBe(422);
    expect(whitespace.body.errors?.username).toEqual(["can't be blank"]);

    const missing = await api.post('/api/users', malformed({ user: {} }));
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.errors ?? {}).sort()).toEqual(['email', 'password', 'username']);

    const noBody = await api.post('/api/users');
    expect(noBody.status).toBe(422);
    expect(noBody.body.errors).toBeTypeOf('object');

    const badEmail = await api.post('/api/users', {
      user: { username: uid(), email: 'not-an-email', password: 'password123' },
    });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.errors?.email).toEqual(['is invalid']);

    const wrongType = await api.post(
      '/api/users',
      malformed({ user: { username: 12, email: null, password: ['x'] } }),
    );
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors?.username).toEqual(['must be a string']);
    expect(wrongType.body.errors?.email).toEqual(["can't be blank"]);
  });

  it('answers 409 for a taken username or email (emails compared case-insensitively)', async () => {
    const { username, email } = await api.register('dup');
    const sameName = await api.post('/api/users', {
      user: { username, email: `x${email}`, password: 'password123' },
    });
    expect(sameName.status).toBe(409);
    expect(sameName.body).toEqual({ errors: { username: ['has already been taken'] } });
    const sameEmail = await api.post('/api/users', {
      user: { username: uid(), email: email.toUpperCase(), password: 'password123' },
    });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body).toEqual({ errors: { email: ['has already been taken'] } });
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const { email } = await api.register('login');
    const wrong = await api.post('/api/users/login', { user: { email, password: 'wrong-password' } });
    const unknown = await api.post('/api/users/login', {
      user: { email: `nobody-${email}`, password: 'wrong-password' },
    });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ errors: { credentials: ['invalid'] } });
    }
  });

  it('does not store the password in clear', async () => {
    const { username } = await api.register('hash');
    const { rows } = (await ctx.database.db.execute(
      // Reading the row directly is the only way to see what is stored.
      (await import('drizzle-orm')).sql`select password_hash from users where username = ${username}`,
    )) as unknown as { rows: { password_hash: string }[] };
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]!.password_hash).not.toContain('password123');
  });
});

describe('authentication', () => {
  it('401 "token is missing" without a token, "is invalid" with a bad one', async () => {
    expect(await api.get('/api/user')).toMatchObject({
      status: 401,
      body: { errors: { token: ['is missing'] } },
    });
    const bad = await api.get('/api/user', 'not.a.jwt');
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.token?.[0]).toMatch(/invalid/);
    const wrongScheme = await ctx.app.inject({ url: '/api/user', headers: { authorization: 'Basic abc' } });
    expect(wrongScheme.statusCode).toBe(401);
  });

  it('accepts the Bearer scheme as well as Token', async () => {
    const { token, username } = await api.register('bearer');
    const response = await ctx.app.inject({
      url: '/api/user',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.username).toBe(username);
  });

  it('rejects a token signed with another secret', async () => {
    const { Tokens } = await import('../../src/lib/tokens.js');
    const forged = new Tokens('another-secret-another-secret-another', 60).sign({
      userId: 1,
      version: 0,
      session: 'forged',
    });
    expect((await api.get('/api/user', forged)).status).toBe(401);
  });
});

describe('PUT /api/user', () => {
  it('updates fields, normalises "" to null for bio and image, and keeps the token valid after a rename', async () => {
    const { token, username } = await api.register('upd');
    const bio = await api.put(
      '/api/user',
      { user: { bio: 'Hello', image: 'https://example.com/a.png' } },
      token,
    );
    expect(bio.status).toBe(200);
    expect(bio.body.user).toMatchObject({ bio: 'Hello', image: 'https://example.com/a.png' });

    const cleared = await api.put('/api/user', { user: { bio: '', image: null } }, token);
    expect(cleared.body.user).toMatchObject({ bio: null, image: null });
    expect((await api.get('/api/user', token)).body.user).toMatchObject({ bio: null, image: null });

    const renamed = await api.put(
      '/api/user',
      { user: { username: `${username}_new`, email: `${username}_new@example.com` } },
      token,
    );
    expect(renamed.status).toBe(200);
    const me = await api.get('/api/user', token);
    expect(me.body.user).toMatchObject({
      username: `${username}_new`,
      email: `${username}_new@example.com`,
      bio: null,
    });
  });

  it('changes the password (min 8, 64 accepted) and the new one logs in', async () => {
    const { token, email } = await api.register('pwd');
    for (const password of ['', 'short7c', null]) {
      expect((await api.put('/api/user', malformed({ user: { password } }), token)).status).toBe(422);
    }
    expect((await api.put('/api/user', { user: { password: 'a'.repeat(64) } }, token)).status).toBe(200);
    expect((await api.post('/api/users/login', { user: { email, password: 'a'.repeat(64) } })).status).toBe(
      200,
    );
    expect((await api.post('/api/users/login', { user: { email, password: 'password123' } })).status).toBe(
      401,
    );
  });

  it('rejects blank or null username and email, and 409s on a taken one', async () => {
    const other = await api.register('taken');
    const { token } = await api.register('me');
    for (const user of [
      { email: '' },
      { username: '' },
      { email: null },
      { username: null },
      { username: '  ' },
    ]) {
      const response = await api.put('/api/user', malformed({ user }), token);
      expect(response.status, JSON.stringify(user)).toBe(422);
    }
    const clash = await api.put('/api/user', { user: { username: other.username } }, token);
    expect(clash).toMatchObject({ status: 409, body: { errors: { username: ['has already been taken'] } } });
  });

  it('ignores unknown fields', async () => {
    const { token, username } = await api.register('unknown');
    const response = await api.put(
      '/api/user',
      malformed({ user: { bio: 'x', admin: true }, extra: 1 }),
      token,
    );
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual(expect.objectContaining({ username, bio: 'x' }));
    expect(response.body.user).not.toHaveProperty('admin');
  });
});
