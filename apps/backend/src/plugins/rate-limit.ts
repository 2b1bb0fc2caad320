import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Route `config.rateLimit` values: `auth` per client address, `writes` per signed-in user. */
    rateLimits: { auth: RateLimitOptions; writes: RateLimitOptions };
  }
}

/**
 * Limits per minute. Login and register count per address (there is no user yet); writes count per user
 * and route, after authentication, so users behind one address do not share a budget. Over the limit:
 * 429 in the envelope with Retry-After (the error handler words it, the plugin sets the header).
 */
export default fp<{ authPerMinute: number; writesPerMinute: number }>(
  async (app, { authPerMinute, writesPerMinute }) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        message: `too many attempts, retry in ${Math.ceil(context.ttl / 1000)} seconds`,
      }),
    });
    app.decorate('rateLimits', {
      auth: { max: authPerMinute, timeWindow: '1 minute' },
      writes: {
        max: writesPerMinute,
        timeWindow: '1 minute',
        hook: 'preValidation',
        keyGenerator: (request) => `user:${request.userId}`,
      },
    });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
