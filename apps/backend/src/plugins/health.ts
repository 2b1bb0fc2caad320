import { Type } from 'typebox';
import fp from 'fastify-plugin';
import { loggable } from '../db/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set on SIGTERM: readiness fails so load balancers stop sending traffic before the server stops. */
    draining: boolean;
  }
}

const Status = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  checks: Type.Optional(Type.Record(Type.String(), Type.String())),
});

export default fp<{ readinessTimeoutMs: number }>(
  async (app, { readinessTimeoutMs }) => {
    app.decorate('draining', false);
    // Keep-alive clients (nginx) would go on sending on an open connection until the server stops
    // listening: while draining, every response closes its connection so they reconnect elsewhere.
    app.addHook('onRequest', async (_request, reply) => {
      if (app.draining) reply.header('connection', 'close');
    });

    // The answer is public (nginx passes /health through): a word, never the driver's text or an address.
    const databaseCheck = async (): Promise<'ok' | 'unavailable'> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${readinessTimeoutMs} ms`)),
          readinessTimeoutMs,
        );
      });
      try {
        await Promise.race([app.database.ping(readinessTimeoutMs), timeout]);
        return 'ok';
      } catch (error) {
        app.log.warn(loggable(error), 'readiness: database check failed');
        return 'unavailable';
      } finally {
        clearTimeout(timer);
      }
    };
    const readiness = async () => {
      const database = await databaseCheck();
      const draining = app.draining ? 'draining' : 'ok';
      const ok = database === 'ok' && draining === 'ok';
      return {
        ok,
        body: {
          status: ok ? ('ok' as const) : ('unavailable' as const),
          checks: { process: 'ok', server: draining, database },
        },
      };
    };

    const schema = (summary: string) => ({
      tags: ['Health'],
      summary,
      response: { 200: Status, 503: Status },
    });
    app.get(
      '/health/live',
      { schema: schema('The process is up (liveness)'), logLevel: 'warn' },
      async () => ({
        status: 'ok' as const,
      }),
    );
    app.get(
      '/health/ready',
      { schema: schema('Ready for traffic: database answers, not draining'), logLevel: 'warn' },
      async (_req, reply) => {
        const { ok, body } = await readiness();
        return reply.status(ok ? 200 : 503).send(body);
      },
    );
    app.get(
      '/health',
      { schema: schema('Liveness and readiness together'), logLevel: 'warn' },
      async (_req, reply) => {
        const { ok, body } = await readiness();
        return reply.status(ok ? 200 : 503).send(body);
      },
    );
  },
  { name: 'health', dependencies: ['database'] },
);
