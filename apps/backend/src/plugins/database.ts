import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db, Database } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    db: Db;
  }
}

/**
 * Shares the opened database with every route and closes it last when the server closes. Fastify runs
 * onClose as soon as it stops accepting connections, while requests already accepted may still be
 * running: the pool stays open until they have answered or their client has gone (server.ts bounds the
 * wait with its deadline).
 */
export default fp<{ database: Database }>(
  async (app, { database }) => {
    const inFlight = new Set<FastifyRequest>();
    app.decorate('database', database);
    app.decorate('db', database.db);
    app.addHook('onRequest', async (request, reply) => {
      inFlight.add(request);
      // 'close' fires once the response is sent or the client has gone: either way the request is over.
      // (onResponse does not fire for a client that disconnects mid-request.)
      reply.raw.once('close', () => inFlight.delete(request));
    });
    app.addHook('onClose', async () => {
      while (inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 25));
      await database.close();
    });
  },
  { name: 'database' },
);
