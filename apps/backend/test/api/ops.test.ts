import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { client, useApp } from '../helpers.js';

const ctx = useApp();
const api = client(ctx);

describe('health', () => {
  it('answers live, ready and the combined check', async () => {
    expect(await api.get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await api.get('/health/ready')).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok' } },
    });
    expect(await api.get('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('keeps connections alive when not draining', async () => {
    expect((await api.get('/api/tags')).headers.connection).not.toBe('close');
  });

  it('turns readiness to 503 while draining, liveness stays up', async () => {
    ctx.app.draining = true;
    try {
      expect(await api.get('/health/ready')).toMatchObject({
        status: 503,
        body: { status: 'unavailable', checks: { server: 'draining' } },
      });
      expect((await api.get('/health')).status).toBe(503);
      expect((await api.get('/health/live')).status).toBe(200);
      // Keep-alive clients are told to reconnect (to another replica) on every response meanwhile.
      expect((await api.get('/api/tags')).headers.connection).toBe('close');
    } finally {
      ctx.app.draining = false;
    }
  });
});

describe('metrics', () => {
  it('exposes request durations by route template, in-flight requests, the pool and process metrics', async () => {
    await api.get('/api/articles?limit=1');
    await api.get('/api/profiles/some-name-here');
    const text = (await ctx.app.inject('/metrics')).body;
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*method="GET"[^}]*route="\/api\/articles"[^}]*status_code="200"/,
    );
    expect(text).toMatch(/route="\/api\/profiles\/:username"[^}]*status_code="404"/);
    expect(text).not.toMatch(/some-name-here/);
    expect(text).toMatch(/^http_requests_in_flight \d+/m);
    expect(text).toMatch(/^db_pool_connections\{state="total"\} \d+/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});

describe('docs and contract', () => {
  it('serves Swagger UI on /docs and the generated OpenAPI document', async () => {
    const docs = await ctx.app.inject('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
    // The document's own shape is checked by the contract package; here only what this test reads.
    const spec = (await api.get('/openapi.json')).body as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe('3.1.0');
    const paths = Object.keys(spec.paths);
    for (const path of [
      '/api/users',
      '/api/users/login',
      '/api/user',
      '/api/profiles/{username}',
      '/api/profiles/{username}/follow',
      '/api/articles',
      '/api/articles/feed',
      '/api/articles/{slug}',
      '/api/articles/{slug}/favorite',
      '/api/articles/{slug}/comments',
      '/api/articles/{slug}/comments/{id}',
      '/api/tags',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('matches the committed packages/contract/openapi.json (run `npm run openapi` after changing a route)', async () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../../../packages/contract/openapi.json', import.meta.url), 'utf8'),
    );
    expect((await api.get('/openapi.json')).body).toEqual(committed);
  });
});

describe('errors and protections', () => {
  it('answers malformed JSON with a 400 in the envelope, never a 500', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'application/json' },
      payload: '{"user":',
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().errors)).toEqual(['request']);
  });

  it('rejects bodies over the limit with 413 and unknown content types with 415', async () => {
    const big = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ user: { username: 'x'.repeat(2_000_000) } }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().errors).toBeTypeOf('object');
    const xml = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { 'content-type': 'application/xml' },
      payload: '<user/>',
    });
    expect(xml.statusCode).toBe(415);
  });

  it('404s unknown routes in the envelope', async () => {
    expect(await api.get('/api/nothing-here')).toMatchObject({
      status: 404,
      body: { errors: { route: ['not found'] } },
    });
  });

  it('sends security headers and answers CORS preflights', async () => {
    const response = await ctx.app.inject('/api/tags');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['cross-origin-embedder-policy']).toBeUndefined();
    expect(response.headers['x-request-id'] ?? response.headers['request-id']).toBeUndefined();
    const preflight = await ctx.app.inject({
      method: 'OPTIONS',
      url: '/api/articles',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Authorization/i);
  });
});

describe('rate limits', () => {
  const limited = useApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });

  it('limits login attempts per client with a 429 in the envelope, leaving other routes alone', async () => {
    const login = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/users/login',
        payload: { user: { email: 'a@b.io', password: 'x' } },
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await login();
    expect(blocked.json().errors.rate[0]).toMatch(/retry in \d+ seconds/);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await limited.app.inject('/api/tags')).statusCode).toBe(200);
  });
});
