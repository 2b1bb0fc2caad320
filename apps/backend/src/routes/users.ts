import { ErrorEnvelope, LoginUser, NewUser, UpdateUser, UserResponse } from '@proyecto06/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError, conflict, requireText, unauthorized } from '../lib/errors.js';
import { toUser } from '../lib/mappers.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import * as users from '../repositories/users.js';

const tags = ['User and Authentication'];
const security = [{ Token: [] }];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/users',
    {
      config: { rateLimit: app.rateLimits.auth },
      schema: {
        tags,
        summary: 'Register a new user',
        body: NewUser,
        response: { 201: UserResponse, 409: ErrorEnvelope, 422: ErrorEnvelope, 429: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const username = request.body.user.username.trim();
      const email = request.body.user.email.trim();
      const { password } = request.body.user;
      requireText({ username, email });
      // Check before the (deliberately slow) hash so a taken name answers fast; the unique index still
      // decides races.
      const taken = await Promise.all([
        users.findProfile(app.db, username, 0),
        users.findUserByEmail(app.db, email),
      ]);
      if (taken[0]) throw conflict('username');
      if (taken[1]) throw conflict('email');
      const passwordHash = await hashPassword(password);
      const user = await users.insertUser(app.db, { username, email, passwordHash });
      return reply.status(201).send({ user: toUser(user, await app.tokens.sign(user.id)) });
    },
  );

  app.post(
    '/users/login',
    {
      config: { rateLimit: app.rateLimits.auth },
      schema: {
        tags,
        summary: 'Log in',
        body: LoginUser,
        response: { 200: UserResponse, 401: ErrorEnvelope, 422: ErrorEnvelope, 429: ErrorEnvelope },
      },
    },
    async (request) => {
      const email = request.body.user.email.trim();
      requireText({ email });
      const user = await users.findUserByEmail(app.db, email);
      if (!(await verifyPassword(user?.passwordHash, request.body.user.password)) || !user) {
        throw unauthorized('credentials', 'invalid');
      }
      return { user: toUser(user, await app.tokens.sign(user.id)) };
    },
  );

  app.get(
    '/user',
    {
      onRequest: app.requireUser,
      schema: {
        tags,
        summary: 'The current user',
        security,
        response: { 200: UserResponse, 401: ErrorEnvelope },
      },
    },
    async (request) => {
      const user = await users.findUserById(app.db, request.userId);
      if (!user) throw unauthorized('token', 'is invalid or expired');
      return { user: toUser(user, await app.tokens.sign(user.id)) };
    },
  );

  app.put(
    '/user',
    {
      onRequest: app.requireUser,
      schema: {
        tags,
        summary: 'Update the current user',
        security,
        body: UpdateUser,
        response: { 200: UserResponse, 401: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (request) => {
      const input = request.body.user;
      const username = input.username?.trim();
      const email = input.email?.trim();
      requireText({ username, email });
      const blankToNull = (value: string | null | undefined) =>
        value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();
      const changes: Parameters<typeof users.updateUser>[2] = {};
      if (username !== undefined) changes.username = username;
      if (email !== undefined) changes.email = email;
      if (input.bio !== undefined) changes.bio = blankToNull(input.bio) ?? null;
      if (input.image !== undefined) changes.image = blankToNull(input.image) ?? null;
      if (input.password !== undefined) {
        if (input.password.trim() === '') throw new HttpError(422, { password: ["can't be blank"] });
        changes.passwordHash = await hashPassword(input.password);
      }
      const user =
        Object.keys(changes).length === 0
          ? await users.findUserById(app.db, request.userId)
          : await users.updateUser(app.db, request.userId, changes);
      if (!user) throw unauthorized('token', 'is invalid or expired');
      return { user: toUser(user, await app.tokens.sign(user.id)) };
    },
  );
};

export default routes;
