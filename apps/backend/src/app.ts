/**
 * The root plugin: external plugins (security, errors, database, metrics, docs), then our routes. Tests
 * build this same app and call `app.inject`; server.ts adds only listening and shutdown.
 */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import auth from './plugins/auth.js';
import database from './plugins/database.js';
import docs from './plugins/docs.js';
import errors from './plugins/errors.js';
import frontend from './plugins/frontend.js';
import health from './plugins/health.js';
import metrics from './plugins/metrics.js';
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
    // Request ids in every log line; a caller's id is kept so a trace can cross the proxy.
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    requestTimeout: 30_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Some clients send `Content-Type: application/json` with an empty body on POST/DELETE; Fastify's
  // parser rejects that, the spec's clients expect it to work.
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    parseJson(request, body as string, done);
  });

  await app.register(errors);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'https:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'", 'data:'],
        'script-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    // Avatars are hot-linked from anywhere; COEP would block them.
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, {
    origin: config.corsOrigin,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `too many attempts, retry in ${Math.ceil(context.ttl / 1000)} seconds`,
    }),
  });
  await app.register(database, { database: db });
  await app.register(auth, { secret: config.jwt.secret, expiresInSeconds: config.jwt.expiresInSeconds });
  await app.register(metrics);
  await app.register(health, { readinessTimeoutMs: config.readinessTimeoutMs });
  await app.register(docs);

  const authRateLimit = { max: config.rateLimitAuthPerMinute, timeWindow: '1 minute' };
  await app.register(
    async (api) => {
      await api.register(userRoutes, { authRateLimit });
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
