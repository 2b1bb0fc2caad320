import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_JWT_SECRET, durationToSeconds, loadConfig } from '../../src/config.js';

const secret = 'a-production-secret-of-at-least-32-chars!';

describe('loadConfig', () => {
  it('defaults to the embedded database on 127.0.0.1:8000 in development', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: '.data/pglite' });
    expect(config.jwt.secret).toBe(DEV_JWT_SECRET);
    expect(config.shutdown).toEqual({ drainMs: 5000, timeoutMs: 20000 });
  });

  it('uses PostgreSQL when DATABASE_URL is set, converting numbers', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      DATABASE_POOL_MAX: '4',
      PORT: '9000',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/x',
      poolMax: 4,
      statementTimeoutMs: 5_000,
      connectTimeoutMs: 3_000,
    });
    expect(config.port).toBe(9000);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('embedded');
  });

  it('refuses the default or a missing JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).jwt.secret).toBe(secret);
  });

  it('refuses short secrets anywhere', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });

  it('lists every bad key at once, naming the allowed values', () => {
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT: must be integer/);
      expect(problems).toMatch(/NODE_ENV: must be one of: development, production, test/);
      expect(problems).toMatch(/DATABASE_URL: must match pattern/);
      expect(problems).toMatch(/LOG_LEVEL: must be one of: trace/);
    }
  });

  it('parses CORS origins and trusted proxies', () => {
    expect(loadConfig({ CORS_ORIGIN: 'none' }).corsOrigin).toBe(false);
    expect(loadConfig({ CORS_ORIGIN: '*' }).corsOrigin).toBe('*');
    expect(loadConfig({ CORS_ORIGIN: 'https://a.io, https://b.io' }).corsOrigin).toEqual([
      'https://a.io',
      'https://b.io',
    ]);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });

  it('requires the drain to fit inside the shutdown deadline', () => {
    expect(() => loadConfig({ SHUTDOWN_DRAIN_MS: '30000', SHUTDOWN_TIMEOUT_MS: '20000' })).toThrow(
      /SHUTDOWN_DRAIN_MS/,
    );
  });
});

describe('durationToSeconds', () => {
  it.each([
    ['90', 90],
    ['15m', 900],
    ['12h', 43_200],
    ['7d', 604_800],
    ['2w', 1_209_600],
  ])('%s is %i seconds', (text, seconds) => expect(durationToSeconds(text)).toBe(seconds));

  it('rejects other text', () => expect(() => durationToSeconds('soon')).toThrow());
});
