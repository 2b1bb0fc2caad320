import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * Embedded mode: the compiled Angular app on the same origin as the API. Hashed assets are cached for a
 * year; index.html never, so a new release is picked up on the next load. Unknown non-API GETs that ask
 * for HTML get the app (its router owns those URLs): shell.html, whose static first paint has no home
 * banner, when the build has one; anything else is a 404 in the API's envelope.
 */
export default fp<{ root: string }>(
  async (app, { root }) => {
    const dist = path.resolve(root);
    if (!existsSync(path.join(dist, 'index.html'))) {
      app.log.warn({ dist }, 'FRONTEND_DIST has no index.html: serving the API only');
      return;
    }
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz next to each file: send those to clients that accept them.
      preCompressed: true,
      setHeaders(reply, filePath) {
        const hashed = /[.-][A-Za-z0-9]{8,}\.(js|css|woff2?|ttf|svg|png|jpg|webp)$/.test(filePath);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const shell = existsSync(path.join(dist, 'shell.html')) ? 'shell.html' : 'index.html';
    const sendIndex = (reply: import('fastify').FastifyReply, file = shell) =>
      reply.header('cache-control', 'no-cache').sendFile(file);
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply, 'index.html'));
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      // Files that exist were given routes of their own by @fastify/static; this is everything else.
      const url = request.url.split('?')[0]!;
      const isApi = /^\/(api|health|metrics|docs|openapi\.json)(\/|$)/.test(url);
      if (isApi || path.extname(url) !== '' || !(request.headers.accept ?? '').includes('text/html')) {
        return reply.status(404).send({ errors: { route: ['not found'] } });
      }
      return sendIndex(reply);
    });
  },
  { name: 'frontend' },
);
