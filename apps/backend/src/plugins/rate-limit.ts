import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import { ErrorEnvelope } from '@proyecto06/contract';
import fp from 'fastify-plugin';
import { runsOnRequest } from './auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The route `config.rateLimit` of login and register: per client address. */
    authRateLimit: RateLimitOptions;
  }
}

/**
 * Limits per minute. Login and register count per address (there is no user yet). Every write that
 * requires a user (articles, comments, favorites, follows, profile and password changes) counts per user
 * and route, after authentication, so users behind one address do not share a budget; it is applied
 * here, once, to every such route. Over a limit: 429 in the envelope with Retry-After (the error handler
 * words it, the plugin sets the header).
 */
export default fp<{ authPerMinute: number; writesPerMinute: number }>(
  async (app, { authPerMinute, writesPerMinute }) => {
    const writes: RateLimitOptions = {
      max: writesPerMinute,
      timeWindow: '1 minute',
      hook: 'preValidation',
      keyGenerator: (request) => `user:${request.userId}`,
    };
    // Added before the rate-limit plugin's own onRoute hook, which reads `config.rateLimit`.
    app.addHook('onRoute', (route) => {
      const methods = [route.method].flat();
      if (runsOnRequest(route, app.requireUser) && !methods.includes('GET')) {
        route.config = { ...route.config, rateLimit: writes };
        if (route.schema?.response) {
          route.schema = {
            ...route.schema,
            response: { ...(route.schema.response as object), 429: ErrorEnvelope },
          };
        }
      }
    });
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        message: `too many attempts, retry in ${Math.ceil(context.ttl / 1000)} seconds`,
      }),
    });
    app.decorate('authRateLimit', { max: authPerMinute, timeWindow: '1 minute' });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
