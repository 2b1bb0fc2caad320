import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { unauthorized } from '../lib/errors.js';
import { Tokens } from '../lib/tokens.js';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: Tokens;
    /** onRequest hook: 401 unless a valid token is sent. Runs before the body is parsed or validated. */
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** onRequest hook: identifies the user when a token is sent; anonymous otherwise. */
    identifyUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyRequest {
    /** The authenticated user's id; 0 when anonymous (no user has id 0, so SQL can compare with it). */
    userId: number;
  }
}

/** `Authorization: Token <jwt>` is the spec's scheme; `Bearer` is accepted too, as clients often send it. */
function tokenFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^(?:Token|Bearer)\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}

export default fp<{ secret: string; expiresInSeconds: number }>(
  async (app, { secret, expiresInSeconds }) => {
    const tokens = new Tokens(secret, expiresInSeconds);
    app.decorate('tokens', tokens);
    app.decorateRequest('userId', 0);

    const identify = async (request: FastifyRequest, required: boolean) => {
      const token = tokenFrom(request);
      if (token === undefined) {
        if (required) throw unauthorized('token', 'is missing');
        return;
      }
      const userId = token ? await tokens.verify(token) : undefined;
      if (userId === undefined) throw unauthorized('token', 'is invalid or expired');
      request.userId = userId;
    };
    app.decorate('requireUser', (request: FastifyRequest) => identify(request, true));
    app.decorate('identifyUser', (request: FastifyRequest) => identify(request, false));
  },
  { name: 'auth' },
);
