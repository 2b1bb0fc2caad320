import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { unauthorized } from '../lib/errors.js';
import { NotifiedCache } from '../lib/notified-cache.js';
import { Tokens } from '../lib/tokens.js';
import { tokenState } from '../repositories/users.js';

/** The channel migration 0004's trigger notifies with a user id when that user's token state changes. */
export const TOKEN_STATE_CHANNEL = 'conduit_token_state';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: Tokens;
    /** onRequest hook: 401 unless a valid token is sent. Runs before the body is parsed or validated. */
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** onRequest hook: identifies the user when a token is sent; anonymous otherwise. */
    identifyUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Called after this process changed a user's token state (a password change), before it answers. */
    forgetTokenState: (userId: number) => void;
  }
  interface FastifyRequest {
    /** The authenticated user's id; 0 when anonymous (no user has id 0, so SQL can compare with it). */
    userId: number;
    /** The token the request was authenticated with ('' when anonymous). */
    token: string;
    /** The login session of that token ('' when anonymous). */
    session: string;
  }
}

/** `Authorization: Token <jwt>` is the spec's scheme; `Bearer` is accepted too, as clients often send it. */
function tokenFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^(?:Token|Bearer)\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}

/** Whether a route runs `hook` on request (routes list it alone or among others). */
export function runsOnRequest(route: RouteOptions, hook: unknown): boolean {
  const hooks = route.onRequest;
  return Array.isArray(hooks) ? hooks.includes(hook as never) : hooks === hook;
}

/**
 * Token authentication. A token is valid while its signature and expiry hold and its version is the
 * user's current one, or it belongs to the session that last changed the password: a password change
 * signs out every other session and keeps the one that made it. Routes that require a user are
 * documented with the `Token` security scheme here, once, rather than in every route.
 *
 * The token state is read once per user and kept (NotifiedCache) while this process receives the
 * database's change notices, instead of once per request: a password change made through any replica
 * notifies all of them when it commits, and this process forgets its own changes before it answers.
 * Between that commit and another replica's receipt of the notice (milliseconds) that replica still
 * accepts the old tokens; with the notices down, every request reads the state again.
 */
export default fp<{ secret: string; expiresInSeconds: number; tokenCacheMs: number }>(
  async (app, { secret, expiresInSeconds, tokenCacheMs }) => {
    const tokens = new Tokens(secret, expiresInSeconds);
    const states = new NotifiedCache((userId: number) => tokenState(app.db, userId), {
      maxAgeMs: tokenCacheMs,
      maxEntries: 50_000,
    });
    const unsubscribe = app.database.subscribe(TOKEN_STATE_CHANNEL, {
      onNotice: (payload) => states.forget(Number(payload)),
      onLive: (live) => states.setLive(live),
    });
    app.addHook('onClose', unsubscribe);
    app.decorate('forgetTokenState', (userId: number) => states.forget(userId));
    app.decorate('tokens', tokens);
    app.decorateRequest('userId', 0);
    app.decorateRequest('token', '');
    app.decorateRequest('session', '');

    const identify = async (request: FastifyRequest, required: boolean) => {
      const token = tokenFrom(request);
      if (token === undefined) {
        if (required) throw unauthorized('token', 'is missing');
        return;
      }
      const claims = token ? tokens.verify(token) : undefined;
      const state = claims && (await states.get(claims.userId));
      const current =
        state && (claims.version === state.tokenVersion || claims.session === state.keptSession);
      if (!current) throw unauthorized('token', 'is invalid or expired');
      request.userId = claims.userId;
      request.token = token;
      request.session = claims.session;
    };
    const requireUser = (request: FastifyRequest) => identify(request, true);
    app.decorate('requireUser', requireUser);
    app.decorate('identifyUser', (request: FastifyRequest) => identify(request, false));

    app.addHook('onRoute', (route) => {
      if (runsOnRequest(route, requireUser) && route.schema) {
        route.schema = { ...route.schema, security: [{ Token: [] }] };
      }
    });
  },
  { name: 'auth', dependencies: ['database'] },
);
