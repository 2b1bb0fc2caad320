/**
 * Configuration, validated once at start-up from the environment. Code reads the returned object, never
 * process.env. Every key is documented in the repository's .env.example.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

export const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-change-me-0000';

const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8000 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 5_000 }),
  DATABASE_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 3_000 }),
  DATA_DIR: Type.String({ minLength: 1, default: '.data/pglite' }),
  JWT_SECRET: Type.String({ default: DEV_JWT_SECRET }),
  JWT_EXPIRES_IN: Type.String({ pattern: '^\\d+\\s*[smhdw]?$', default: '7d' }),
  CORS_ORIGIN: Type.String({ default: '*' }),
  TRUST_PROXY: Type.String({ default: 'false' }),
  RATE_LIMIT_AUTH_PER_MINUTE: Type.Integer({ minimum: 1, default: 300 }),
  RATE_LIMIT_WRITES_PER_MINUTE: Type.Integer({ minimum: 1, default: 120 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  LOG_LEVEL: Type.Union(
    ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  SHUTDOWN_DRAIN_MS: Type.Integer({ minimum: 0, maximum: 120_000, default: 5_000 }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 300_000, default: 20_000 }),
  READINESS_TIMEOUT_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 1_000 }),
  TAGS_CACHE_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 5_000 }),
  LIST_COUNTS_CACHE_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 5_000 }),
  TOKEN_CACHE_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 60_000 }),
  PROFILE_CACHE_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 60_000 }),
  FRONTEND_DIST: Type.Optional(Type.String({ minLength: 1 })),
});
type Env = Static<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  database:
    | {
        kind: 'postgres';
        url: string;
        poolMax: number;
        /** Server-side limit per statement; 0 = none. */
        statementTimeoutMs: number;
        /** How long a request waits for a pool connection (or a new one) before giving up. */
        connectTimeoutMs: number;
      }
    | { kind: 'embedded'; dataDir: string };
  jwt: { secret: string; expiresInSeconds: number };
  corsOrigin: boolean | string | string[];
  trustProxy: boolean | number | string[];
  rateLimitAuthPerMinute: number;
  rateLimitWritesPerMinute: number;
  /** How stale the tag cloud may be on a replica that did not write the change (0 = never cached). */
  tagsCacheMs: number;
  /** How stale a list's articlesCount may be on a replica that did not write the change (0 = never cached). */
  listCountsCacheMs: number;
  /** How long a replica trusts a token state it read while change notices arrive (0 = read every time). */
  tokenCacheMs: number;
  /** How long a replica keeps an anonymous reader's profile while change notices arrive (0 = never). */
  profileCacheMs: number;
  bodyLimitBytes: number;
  logLevel: string;
  shutdown: { drainMs: number; timeoutMs: number };
  readinessTimeoutMs: number;
  frontendDist: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

export function durationToSeconds(text: string): number {
  const match = /^(\d+)\s*([smhdw]?)$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's']!;
}

function parseTrustProxy(text: string): Config['trustProxy'] {
  const value = text.trim().toLowerCase();
  if (value === 'false' || value === '') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseCorsOrigin(text: string): Config['corsOrigin'] {
  const value = text.trim();
  if (value === '' || value.toLowerCase() === 'none') return false;
  if (value === '*') return '*';
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One line per bad key; a union of literals is named by its allowed values, not by JSON Schema jargon. */
function describeErrors(env: unknown): string[] {
  const byKey = new Map<string, string>();
  for (const error of Value.Errors(EnvSchema, env)) {
    const key = error.instancePath.replace(/^\//, '') || 'environment';
    const schema = (EnvSchema.properties as Record<string, { anyOf?: { const: string }[] }>)[key];
    const message = schema?.anyOf
      ? `must be one of: ${schema.anyOf.map((option) => option.const).join(', ')}`
      : error.message;
    byKey.set(key, `${key}: ${message}`);
  }
  return [...byKey.values()];
}

/** Reads and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset, as a compose file with `KEY=` means.
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw)) as Env;
  const problems = describeErrors(env);
  if (problems.length > 0) throw new ConfigError(problems);

  if (env.NODE_ENV === 'production') {
    if (!source.JWT_SECRET || env.JWT_SECRET === DEV_JWT_SECRET) {
      problems.push(
        'JWT_SECRET: must be set to a secret of your own in production (not the development default)',
      );
    }
  }
  if (env.JWT_SECRET.length < 32) problems.push('JWT_SECRET: must be at least 32 characters long');
  if (env.SHUTDOWN_DRAIN_MS >= env.SHUTDOWN_TIMEOUT_MS) {
    problems.push('SHUTDOWN_DRAIN_MS: must be shorter than SHUTDOWN_TIMEOUT_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    database: env.DATABASE_URL
      ? {
          kind: 'postgres',
          url: env.DATABASE_URL,
          poolMax: env.DATABASE_POOL_MAX,
          statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
          connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
        }
      : { kind: 'embedded', dataDir: env.DATA_DIR },
    jwt: { secret: env.JWT_SECRET, expiresInSeconds: durationToSeconds(env.JWT_EXPIRES_IN) },
    corsOrigin: parseCorsOrigin(env.CORS_ORIGIN),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    rateLimitAuthPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE,
    rateLimitWritesPerMinute: env.RATE_LIMIT_WRITES_PER_MINUTE,
    tagsCacheMs: env.TAGS_CACHE_MS,
    tokenCacheMs: env.TOKEN_CACHE_MS,
    profileCacheMs: env.PROFILE_CACHE_MS,
    listCountsCacheMs: env.LIST_COUNTS_CACHE_MS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    logLevel: env.LOG_LEVEL,
    shutdown: { drainMs: env.SHUTDOWN_DRAIN_MS, timeoutMs: env.SHUTDOWN_TIMEOUT_MS },
    readinessTimeoutMs: env.READINESS_TIMEOUT_MS,
    frontendDist: env.FRONTEND_DIST,
  };
}

/**
 * The database settings alone, for `migrate`: the migration Job gets DATABASE_URL but no JWT_SECRET, and
 * must not need one (the production checks of loadConfig are about the server).
 */
export function loadDatabaseConfig(source: NodeJS.ProcessEnv = process.env): Config['database'] {
  const { DATABASE_URL, DATABASE_POOL_MAX, DATA_DIR } = source;
  return loadConfig({ DATABASE_URL, DATABASE_POOL_MAX, DATA_DIR }).database;
}
