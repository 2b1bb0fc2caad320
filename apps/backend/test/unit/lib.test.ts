import { SignJWT, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/lib/passwords.js';
import { slugSuffix, slugify } from '../../src/lib/slug.js';
import { Tokens } from '../../src/lib/tokens.js';
import { validationEnvelope } from '../../src/plugins/errors.js';

describe('slugify', () => {
  it.each([
    ['How to train your dragon', 'how-to-train-your-dragon'],
    ['  Ünïcödé -- títle!! ', 'unicode-title'],
    ['日本語のタイトル', '日本語のタイトル'],
    ['C++ & Rust?', 'c-rust'],
    ['!!!', 'article'],
  ])('%j becomes %j', (title, slug) => expect(slugify(title)).toBe(slug));

  it('bounds the length without a trailing dash', () => {
    const slug = slugify('word '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('suffixes are short and vary', () => {
    const suffixes = new Set(Array.from({ length: 50 }, slugSuffix));
    expect(suffixes.size).toBeGreaterThan(45);
    for (const suffix of suffixes) expect(suffix).toMatch(/^[0-9a-f]{6}$/);
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse battery')).toBe(false);
  });

  it('says no for an unknown account (no stored hash) and for a corrupt hash', async () => {
    expect(await verifyPassword(undefined, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});

describe('tokens', () => {
  const secret = 's'.repeat(40);
  const tokens = new Tokens(secret, 60);
  const key = new TextEncoder().encode(secret);

  const claims = { userId: 42, version: 3, session: 'abc' };

  it('round-trips the user id, token version and session', () => {
    expect(tokens.verify(tokens.sign(claims))).toEqual(claims);
  });

  it('rejects tokens signed with another secret, tampered or expired', () => {
    const other = new Tokens('t'.repeat(40), 60);
    expect(tokens.verify(other.sign(claims))).toBeUndefined();
    const token = tokens.sign(claims);
    const [header, body, signature] = token.split('.') as [string, string, string];
    expect(tokens.verify(token.slice(0, -2) + 'xx')).toBeUndefined();
    expect(tokens.verify(`${header}.${body}.${signature}x`)).toBeUndefined();
    expect(tokens.verify(`${header}.${body}.${signature}.`)).toBeUndefined();
    expect(tokens.verify(`${header}.${body}.`)).toBeUndefined();
    const otherBody = Buffer.from(JSON.stringify({ sub: '1', ver: 3, sid: 'abc', exp: 2e9 })).toString(
      'base64url',
    );
    expect(tokens.verify(`${header}.${otherBody}.${signature}`)).toBeUndefined();
    expect(tokens.verify('garbage')).toBeUndefined();
    expect(tokens.verify('')).toBeUndefined();
    const expired = new Tokens(secret, -10);
    expect(tokens.verify(expired.sign(claims))).toBeUndefined();
  });

  // jose, an independent JWT implementation, as the reference on both sides of the wire format.
  it('writes standard HS256 JWTs that another library verifies', async () => {
    const { payload, protectedHeader } = await jwtVerify(tokens.sign(claims), key, { algorithms: ['HS256'] });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ sub: '42', ver: 3, sid: 'abc' });
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it('accepts an HS256 JWT another library signed, and no other algorithm or claim set', async () => {
    const signed = (header: { alg: string; typ?: string }, body: Record<string, unknown>) =>
      new SignJWT(body).setProtectedHeader(header).setIssuedAt().setExpirationTime('60s').sign(key);
    const jwt = { alg: 'HS256', typ: 'JWT' };
    expect(tokens.verify(await signed(jwt, { sub: '42', ver: 3, sid: 'abc' }))).toEqual(claims);
    expect(
      tokens.verify(await signed({ alg: 'HS512', typ: 'JWT' }, { sub: '42', ver: 3, sid: 'abc' })),
    ).toBeUndefined();
    expect(tokens.verify(await signed({ alg: 'HS256' }, { sub: '42', ver: 3, sid: 'abc' }))).toBeUndefined();
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${
      (await signed(jwt, { sub: '42', ver: 3, sid: 'abc' })).split('.')[1]
    }.`;
    expect(tokens.verify(unsigned)).toBeUndefined();
    for (const body of [
      { sub: '0', ver: 3, sid: 'abc' },
      { sub: '42x', ver: 3, sid: 'abc' },
      { sub: 42, ver: 3, sid: 'abc' },
      { sub: '42', ver: -1, sid: 'abc' },
      { sub: '42', ver: 1.5, sid: 'abc' },
      { sub: '42', ver: 3, sid: '' },
      { sub: '42', ver: 3 },
    ])
      expect(tokens.verify(await signed(jwt, body)), JSON.stringify(body)).toBeUndefined();
    const noExpiry = await new SignJWT({ sub: '42', ver: 3, sid: 'abc' }).setProtectedHeader(jwt).sign(key);
    expect(tokens.verify(noExpiry)).toBeUndefined();
  });
});

describe('validationEnvelope', () => {
  it('speaks the spec: missing and empty are blank, keyed by the field', () => {
    const envelope = validationEnvelope(
      [
        { keyword: 'required', instancePath: '/user', params: { missingProperty: 'email' }, schemaPath: '' },
        { keyword: 'minLength', instancePath: '/user/username', params: { limit: 1 }, schemaPath: '' },
        { keyword: 'maxLength', instancePath: '/article/title', params: { limit: 200 }, schemaPath: '' },
        {
          keyword: 'type',
          instancePath: '/article/tagList/0',
          params: { type: 'string' },
          schemaPath: '',
          data: 5,
        },
      ],
      'body',
    );
    expect(envelope).toEqual({
      email: ["can't be blank"],
      username: ["can't be blank"],
      title: ['is too long (maximum is 200 characters)'],
      tagList: ['must be a string'],
    });
  });

  it('names a missing body as the request', () => {
    expect(
      validationEnvelope(
        [{ keyword: 'type', instancePath: '', params: { type: 'object' }, schemaPath: '', data: 3 }],
        'body',
      ),
    ).toEqual({ request: ['body must be a JSON object'] });
  });
});
