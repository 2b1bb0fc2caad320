import type * as Contract from '@proyecto06/contract';
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

/** Another replica on the database of `context`, as the compose and Kubernetes deployments run them. */
export async function replicaOf(context: TestContext, env: Record<string, string>): Promise<TestContext> {
  // It borrows the test file's database, which that file's app closes.
  const borrowed = { ...context.database, close: async () => undefined };
  const app = await buildApp({ config: testConfig(env), database: borrowed });
  await app.ready();
  return { app, database: context.database, queries: [] };
}

/** Polls `check` until it holds: a database notice arrives asynchronously, after the writer's commit. */
export async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

let counter = 0;
/** Names unique across test files and runs, so files can share one database. */
export function uid(prefix = 'u'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Exchange<Request, Reply> = { request: Request; response: Reply };

/**
 * The contract's request and response bodies of a route, found from the method and the URL's type: a
 * template literal such as `/api/articles/${slug}/comments` keeps its shape, so it matches the route's
 * pattern (most specific first; a query string is ignored). Routes outside the contract (health, metrics,
 * the test-only ones) take and give `unknown`.
 */
export type Route<M extends Method, U extends string> = U extends `${infer Path}?${string}`
  ? Route<M, Path>
  : [M, U] extends ['POST', '/api/users']
    ? Exchange<Contract.NewUser, Contract.UserResponse>
    : [M, U] extends ['POST', '/api/users/login']
      ? Exchange<Contract.LoginUser, Contract.UserResponse>
      : [M, U] extends ['GET', '/api/user']
        ? Exchange<undefined, Contract.UserResponse>
        : [M, U] extends ['PUT', '/api/user']
          ? Exchange<Contract.UpdateUser, Contract.UserResponse>
          : [M, U] extends ['GET', '/api/tags']
            ? Exchange<undefined, Contract.TagsResponse>
            : [M, U] extends ['GET', '/api/articles' | '/api/articles/feed']
              ? Exchange<undefined, Contract.ArticleListResponse>
              : [M, U] extends ['POST', '/api/articles']
                ? Exchange<Contract.NewArticle, Contract.ArticleResponse>
                : [M, U] extends ['POST' | 'DELETE', `/api/articles/${string}/favorite`]
                  ? Exchange<undefined, Contract.ArticleResponse>
                  : [M, U] extends ['GET', `/api/articles/${string}/comments`]
                    ? Exchange<undefined, Contract.CommentListResponse>
                    : [M, U] extends ['POST', `/api/articles/${string}/comments`]
                      ? Exchange<Contract.NewComment, Contract.CommentResponse>
                      : [M, U] extends ['DELETE', `/api/articles/${string}`]
                        ? Exchange<undefined, undefined>
                        : [M, U] extends ['GET', `/api/articles/${string}`]
                          ? Exchange<undefined, Contract.ArticleResponse>
                          : [M, U] extends ['PUT', `/api/articles/${string}`]
                            ? Exchange<Contract.UpdateArticle, Contract.ArticleResponse>
                            : [M, U] extends ['POST' | 'DELETE', `/api/profiles/${string}/follow`]
                              ? Exchange<undefined, Contract.ProfileResponse>
                              : [M, U] extends ['GET', `/api/profiles/${string}`]
                                ? Exchange<undefined, Contract.ProfileResponse>
                                : Exchange<unknown, unknown>;

/**
 * A response as the tests read it: the route's success body, whose fields the tests then read typed, or
 * on a 4xx/5xx the contract's error envelope (`errors`, present only then).
 */
export interface Response<Body = unknown> {
  status: number;
  body: Body & Partial<Contract.ErrorEnvelope>;
  headers: Record<string, unknown>;
}

/** A request body the route's schema must refuse: bad-input tests send these on purpose. */
export type Malformed = { readonly malformed: unknown };
/** Marks a payload as deliberately outside the contract (the server must answer 4xx, never 500). */
export const malformed = (payload: unknown): Malformed => ({ malformed: payload });

type Payload<M extends Method, U extends string> = Route<M, U>['request'] | Malformed;
type Reply<M extends Method, U extends string> = Promise<Response<Route<M, U>['response']>>;

export function client(context: TestContext) {
  const call = async (method: Method, url: string, payload?: unknown, token?: string) => {
    const body =
      payload && typeof payload === 'object' && 'malformed' in payload ? payload.malformed : payload;
    const response = await context.app.inject({
      method,
      url,
      headers: {
        ...(token ? { authorization: `Token ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    return {
      status: response.statusCode,
      // Parsed JSON, typed by the caller from the route; the contract test (read-shapes) proves the types.
      body: (response.body ? safeJson(response.body) : undefined) as never,
      headers: response.headers,
    };
  };
  const api = {
    get: <U extends string>(url: U, token?: string): Reply<'GET', U> => call('GET', url, undefined, token),
    post: <U extends string>(url: U, payload?: Payload<'POST', U>, token?: string): Reply<'POST', U> =>
      call('POST', url, payload, token),
    put: <U extends string>(url: U, payload?: Payload<'PUT', U>, token?: string): Reply<'PUT', U> =>
      call('PUT', url, payload, token),
    delete: <U extends string>(url: U, token?: string): Reply<'DELETE', U> =>
      call('DELETE', url, undefined, token),
    /** Registers a fresh user; returns its name, email and token. */
    async register(prefix = 'user') {
      const username = uid(prefix);
      const email = `${username}@example.com`;
      const response = await api.post('/api/users', { user: { username, email, password: 'password123' } });
      if (response.status !== 201)
        throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
      const { user } = response.body;
      return { username, email, token: user.token };
    },
    async createArticle(
      token: string,
      article: Partial<Contract.NewArticle['article']> = {},
    ): Promise<Contract.Article> {
      const response = await api.post(
        '/api/articles',
        { article: { title: uid('Title '), description: 'About it', body: 'The body', ...article } },
        token,
      );
      if (response.status !== 201)
        throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.article;
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
