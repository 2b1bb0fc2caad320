import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/** Security headers (a strict CSP for the embedded app and Swagger UI) and CORS for browser clients. */
export default fp<{ corsOrigin: boolean | string | string[] }>(
  async (app, { corsOrigin }) => {
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
      origin: corsOrigin,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
      maxAge: 600,
    });
  },
  { name: 'security' },
);
