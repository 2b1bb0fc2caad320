import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { onDatabaseTiming } from './database-timing.js';

declare module 'fastify' {
  interface FastifyRequest {
    metricsStart?: bigint;
  }
}

/** What a login answered, from its status code: the four answers an operator tells apart. */
function loginOutcome(statusCode: number): string {
  if (statusCode === 200) return 'ok';
  if (statusCode === 401) return 'bad_credentials';
  if (statusCode === 429) return 'rate_limited';
  if (statusCode < 500) return 'invalid_request';
  return 'error';
}

/**
 * Prometheus metrics on /metrics: request duration by method, route template and status (the template,
 * not the raw URL, keeps the label set bounded), requests in flight, the database pool, query duration
 * and pool wait, the application's own counters, process metrics.
 * The business counters are read from route template + method + status of each answer, so the route
 * handlers stay free of metrics code; their only label (a login's outcome) has five values.
 * A registry per app instance, so tests can build many apps in one process.
 */
export default fp(
  async (app) => {
    const register = new Registry();
    collectDefaultMetrics({ register });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [register],
    });
    const inFlight = new Gauge({
      name: 'http_requests_in_flight',
      help: 'HTTP requests being served',
      registers: [register],
    });
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting clients)',
      labelNames: ['state'] as const,
      registers: [register],
      collect() {
        const stats = app.database.poolStats();
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
    const dbBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
    const queryDuration = new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Duration of database statements in seconds, by outcome (ok, error)',
      labelNames: ['outcome'] as const,
      buckets: dbBuckets,
      registers: [register],
    });
    const poolWait = new Histogram({
      name: 'db_pool_wait_seconds',
      help: 'Time a request waited for a database connection from the pool, in seconds',
      buckets: dbBuckets,
      registers: [register],
    });
    const registrations = new Counter({
      name: 'conduit_user_registrations_total',
      help: 'Users registered',
      registers: [register],
    });
    const logins = new Counter({
      name: 'conduit_logins_total',
      help: 'Login attempts by outcome (ok, bad_credentials, rate_limited, invalid_request, error)',
      labelNames: ['outcome'] as const,
      registers: [register],
    });
    const articles = new Counter({
      name: 'conduit_articles_created_total',
      help: 'Articles created',
      registers: [register],
    });
    const comments = new Counter({
      name: 'conduit_comments_created_total',
      help: 'Comments created',
      registers: [register],
    });
    // Zero series exist from the start, so rate() and absent-data alerts see them before the first event.
    for (const outcome of ['ok', 'bad_credentials', 'rate_limited', 'invalid_request', 'error'])
      logins.inc({ outcome }, 0);

    const unsubscribe = onDatabaseTiming(app.database, {
      query: (seconds, ok) => queryDuration.observe({ outcome: ok ? 'ok' : 'error' }, seconds),
      poolWait: (seconds) => poolWait.observe(seconds),
    });
    app.addHook('onClose', async () => unsubscribe());

    const countBusinessEvent = (request: FastifyRequest, reply: FastifyReply, route: string) => {
      if (request.method !== 'POST') return;
      const status = reply.statusCode;
      if (route === '/api/users/login') logins.inc({ outcome: loginOutcome(status) });
      else if (status !== 201) return;
      else if (route === '/api/users') registrations.inc();
      else if (route === '/api/articles') articles.inc();
      else if (route === '/api/articles/:slug/comments') comments.inc();
    };

    app.addHook('onRequest', async (request) => {
      request.metricsStart = process.hrtime.bigint();
      inFlight.inc();
    });
    app.addHook('onResponse', async (request, reply) => {
      inFlight.dec();
      if (request.metricsStart === undefined) return;
      const seconds = Number(process.hrtime.bigint() - request.metricsStart) / 1e9;
      const route = request.routeOptions.url ?? 'unmatched';
      duration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, seconds);
      countBusinessEvent(request, reply, route);
    });

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      reply.type(register.contentType);
      return register.metrics();
    });
  },
  { name: 'metrics', dependencies: ['database'] },
);
