import type { Article, ArticleResponse, NewArticle, UserResponse } from '@proyecto06/contract';
import type { FastifyInstance } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../src/app.js';
import { logOptions } from '../src/logging.js';
import { loadConfig, type Config } from '../src/config.js';
import { migrate, openDatabase, type Database } from '../src/db/client.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory://',
    JWT_SECRET: TEST_SECRET,
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    RATE_LIMIT_WRITES_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    ...(process.env.TEST_DATABASE_URL ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : {}),
    ...env,
  });
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  /** Every SQL statement sent since the last reset. */
  queries: string[];
}

export interface AppSetup {
  /** Environment on top of the test defaults. */
  env?: Record<string, string>;
  /** Receives every log line (JSON) the app writes; without it the app logs nothing. */
  log?: (line: string) => void;
  /** Adds test-only routes before the app starts. */
  routes?: (app: FastifyInstance, database: Database) => void;
}

/** One app per test file on the real database (TEST_DATABASE_URL) or a fresh embedded one. */
export function useApp(env: Record<string, string> = {}, setup: Omit<AppSetup, 'env'> = {}): TestContext {
  const context = { queries: [] as string[] } as TestContext;
  beforeAll(async () => {
    const config = testConfig(env);
    context.database = await openDatabase(config.database, {
      onQuery: (query) => context.queries.push(query),
    });
    if (context.database.kind === 'embedded') await migrate(context.database);
    const logger = setup.log
      ? { ...logOptions('info'), stream: { write: (line: string) => setup.log!(line) } }
      : false;
    context.app = await buildApp({ config, database: context.database, logger });
    setup.routes?.(context.app, context.database);
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
  });
  return context;
}

let counter = 0;
/** Names unique across test files and runs, so files can share one database. */
export function uid(prefix = 'u'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
}

export interface Response {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
  headers: Record<string, unknown>;
}

export function client(context: TestContext) {
  const call = async (method: string, url: string, payload?: unknown, token?: string): Promise<Response> => {
    const response = await context.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(token ? { authorization: `Token ${token}` } : {}),
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return {
      status: response.statusCode,
      body: response.body ? safeJson(response.body) : undefined,
      headers: response.headers,
    };
  };
  const api = {
    get: (url: string, token?: string) => call('GET', url, undefined, token),
    post: (url: string, payload?: unknown, token?: string) => call('POST', url, payload, token),
    put: (url: string, payload?: unknown, token?: string) => call('PUT', url, payload, token),
    delete: (url: string, token?: string) => call('DELETE', url, undefined, token),
    /** Registers a fresh user; returns its name, email and token. */
    async register(prefix = 'user') {
      const username = uid(prefix);
      const email = `${username}@example.com`;
      const response = await api.post('/api/users', { user: { username, email, password: 'password123' } });
      if (response.status !== 201)
        throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
      const { user } = response.body as UserResponse;
      return { username, email, token: user.token };
    },
    async createArticle(token: string, article: Partial<NewArticle['article']> = {}): Promise<Article> {
      const response = await api.post(
        '/api/articles',
        { article: { title: uid('Title '), description: 'About it', body: 'The body', ...article } },
        token,
      );
      if (response.status !== 201)
        throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
      return (response.body as ArticleResponse).article;
    },
  };
  return api;
}

/**
 * Asserts the status and that the body is exactly what the contract's schema describes: every error
 * listed with its path, and no field the schema lacks (a renamed field shows as one missing and one extra).
 */
export function conforms<T extends TSchema>(
  schema: T,
  response: Response,
  status = 200,
  label = String((schema as { title?: string }).title),
): Static<T> {
  expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBe(status);
  const errors = Value.Errors(schema, response.body).map((e) => `${e.instancePath || '/'} ${e.message}`);
  expect(errors, `${label}: contract errors`).toEqual([]);
  expect(response.body, `${label}: fields outside the contract`).toEqual(
    Value.Clean(schema, structuredClone(response.body)),
  );
  return response.body as Static<T>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
