import type { FastifyReply } from 'fastify';

/**
 * Sends JSON that PostgreSQL has already built (repositories' `…Json` reads): Fastify passes a string with
 * a JSON content type through as it is, skipping the response schema's serializer. The statements produce
 * exactly the contract's shapes; the API tests and the official suite check them.
 */
export function sendJson(reply: FastifyReply, json: string, status = 200): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send(json);
}
