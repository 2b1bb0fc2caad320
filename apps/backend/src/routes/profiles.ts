import { ErrorEnvelope, ProfileResponse } from '@proyecto06/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../lib/errors.js';
import { toProfile } from '../lib/mappers.js';
import { sendJson } from '../lib/prepared-json.js';
import * as users from '../repositories/users.js';

const tags = ['Profile'];
const params = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }) });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/profiles/:username',
    {
      onRequest: app.identifyUser,
      schema: {
        tags,
        summary: 'A profile',
        params,
        response: { 200: ProfileResponse, 401: ErrorEnvelope, 404: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const json = await users.findProfileJson(app.db, request.params.username, request.userId);
      if (json === undefined) throw notFound('profile');
      return sendJson(reply, json);
    },
  );

  const followSchema = (summary: string) => ({
    tags,
    summary,
    params,
    security: [{ Token: [] }],
    response: { 200: ProfileResponse, 401: ErrorEnvelope, 404: ErrorEnvelope },
  });

  app.post(
    '/profiles/:username/follow',
    { onRequest: app.requireUser, schema: followSchema('Follow a user') },
    async (request) => {
      const profile = await users.findProfile(app.db, request.params.username, request.userId);
      if (!profile) throw notFound('profile');
      // Following yourself is a no-op rather than an error: the profile simply reads as not followed.
      if (profile.id !== request.userId) await users.follow(app.db, request.userId, profile.id);
      return { profile: toProfile({ ...profile, following: profile.id !== request.userId }) };
    },
  );

  app.delete(
    '/profiles/:username/follow',
    { onRequest: app.requireUser, schema: followSchema('Unfollow a user') },
    async (request) => {
      const profile = await users.findProfile(app.db, request.params.username, request.userId);
      if (!profile) throw notFound('profile');
      await users.unfollow(app.db, request.userId, profile.id);
      return { profile: toProfile({ ...profile, following: false }) };
    },
  );
};

export default routes;
