import { ErrorEnvelope, LoginUser, NewUser, UpdateUser, UserResponse } from '@proyecto06/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toUser } from '../lib/mappers.js';
import * as accounts from '../services/users.js';

const tags = ['User and Authentication'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/users',
    {
      config: { rateLimit: app.authRateLimit },
      schema: {
        tags,
        summary: 'Register a new user',
        body: NewUser,
        response: { 201: UserResponse, 409: ErrorEnvelope, 422: ErrorEnvelope, 429: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const { user, token } = await accounts.register(app.db, app.tokens, request.body.user);
      return reply.status(201).send({ user: toUser(user, token) });
    },
  );

  app.post(
    '/users/login',
    {
      config: { rateLimit: app.authRateLimit },
      schema: {
        tags,
        summary: 'Log in',
        body: LoginUser,
        response: { 200: UserResponse, 401: ErrorEnvelope, 422: ErrorEnvelope, 429: ErrorEnvelope },
      },
    },
    async (request) => {
      const { email, password } = request.body.user;
      const { user, token } = await accounts.login(app.db, app.tokens, email, password);
      return { user: toUser(user, token) };
    },
  );

  app.get(
    '/user',
    {
      onRequest: app.requireUser,
      schema: {
        tags,
        summary: 'The current user, with the token the request was made with',
        response: { 200: UserResponse, 401: ErrorEnvelope },
      },
    },
    async (request) => {
      const { user, token } = await accounts.current(app.db, request.userId, request.token);
      return { user: toUser(user, token) };
    },
  );

  app.put(
    '/user',
    {
      onRequest: app.requireUser,
      schema: {
        tags,
        summary: 'Update the current user; a new password signs out every other session',
        body: UpdateUser,
        response: { 200: UserResponse, 401: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (request) => {
      try {
        const { user, token } = await accounts.update(app.db, request, request.body.user);
        return { user: toUser(user, token) };
      } finally {
        // Other sessions' tokens stop working, and readers see the new profile, on this replica before
        // the answer leaves it (other replicas hear it from the database).
        const { password, username, bio, image } = request.body.user;
        if (password !== undefined) app.forgetTokenState(request.userId);
        if (username !== undefined || bio !== undefined || image !== undefined)
          app.publicProfiles.forgetAll();
      }
    },
  );
};

export default routes;
