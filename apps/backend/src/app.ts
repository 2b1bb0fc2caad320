/**
 * The root plugin, read top to bottom: the server's options, then plugins (errors, parsers, security
 * headers and CORS, database, auth, rate limits, metrics, tag cloud, list counts, public profiles,
 * health, docs), then the API's routes. Tests build this same app and call `app.inject`; server.ts adds
 * only listening and shutdown.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import auth from './plugins/auth.js';
import database from './plugins/database.js';
import docs from './plugins/docs.js';
import errors from './plugins/errors.js';
import frontend from './plugins/frontend.js';
import health from './plugins/health.js';
import listCounts from './plugins/list-counts.js';
import metrics from './plugins/metrics.js';
import parsers from './plugins/parsers.js';
import publicProfiles from './plugins/public-profiles.js';
import rateLimit from './plugins/rate-limit.js';
import security from './plugins/security.js';
import tagCloud from './plugins/tag-cloud.js';
import articleRoutes from './routes/articles.js';
import commentRoutes from './routes/comments.js';
import profileRoutes from './routes/profiles.js';
import tagRoutes from './routes/tags.js';
import userRoutes from './routes/users.js';

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

/** A caller's X-Request-Id is kept (a trace crosses the proxy) only when short and plain; else a new one. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

export async function buildApp({
  config,
  database: db,
  logger = false,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    // A hop count means "trust that many proxies in front of us".
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    requestIdHeader: false,
    genReqId: requestId,
    requestTimeout: 30_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(errors);
  await app.register(parsers);
  await app.register(security, { corsOrigin: config.corsOrigin });
  await app.register(database, { database: db });
  await app.register(auth, {
    secret: config.jwt.secret,
    expiresInSeconds: config.jwt.expiresInSeconds,
    tokenCacheMs: config.tokenCacheMs,
  });
  await app.register(rateLimit, {
    authPerMinute: config.rateLimitAuthPerMinute,
    writesPerMinute: config.rateLimitWritesPerMinute,
  });
  await app.register(metrics);
  await app.register(tagCloud, { ttlMs: config.tagsCacheMs });
  await app.register(listCounts, { ttlMs: config.listCountsCacheMs });
  await app.register(publicProfiles, { maxAgeMs: config.profileCacheMs });
  await app.register(health, { readinessTimeoutMs: config.readinessTimeoutMs });
  await app.register(docs);

  await app.register(
    async (api) => {
      await api.register(userRoutes);
      await api.register(profileRoutes);
      await api.register(articleRoutes);
      await api.register(commentRoutes);
      await api.register(tagRoutes);
    },
    { prefix: '/api' },
  );

  if (config.frontendDist) await app.register(frontend, { root: config.frontendDist });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ errors: { route: ['not found'] } }));
  return app;
}
