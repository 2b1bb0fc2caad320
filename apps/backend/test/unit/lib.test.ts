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
  const tokens = new Tokens('s'.repeat(40), 60);

  const claims = { userId: 42, version: 3, session: 'abc' };

  it('round-trips the user id, token version and session', async () => {
    expect(await tokens.verify(await tokens.sign(claims))).toEqual(claims);
  });

  it('rejects tokens signed with another secret, tampered or expired', async () => {
    const other = new Tokens('t'.repeat(40), 60);
    expect(await tokens.verify(await other.sign(claims))).toBeUndefined();
    const token = await tokens.sign(claims);
    expect(await tokens.verify(token.slice(0, -2) + 'xx')).toBeUndefined();
    expect(await tokens.verify('garbage')).toBeUndefined();
    const expired = new Tokens('s'.repeat(40), -10);
    expect(await tokens.verify(await expired.sign(claims))).toBeUndefined();
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
