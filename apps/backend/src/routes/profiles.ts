import { ErrorEnvelope, ProfileResponse } from '@proyecto06/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../lib/errors.js';
import { toProfile } from '../lib/mappers.js';
import { sendJson } from '../lib/prepared-json.js';
import { usernameForLookup } from '../lib/text.js';
import * as users from '../repositories/users.js';
import { UsernameParams as params } from './params.js';

const tags = ['Profile'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  /** Names are matched as stored: NFKC, whatever the case. */
  const findProfile = async (username: string, viewerId: number) => {
    const name = usernameForLookup(username);
    const profile = name === undefined ? undefined : await users.findProfile(app.db, name, viewerId);
    if (!profile) throw notFound('profile');
    return profile;
  };

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
      const name = usernameForLookup(request.params.username);
      if (name === undefined) throw notFound('profile');
      // An anonymous reader's answer is everyone's: kept in memory. A signed-in one says whether they follow.
      const json =
        request.userId === 0
          ? await app.publicProfiles.json(name)
          : await users.findProfileJson(app.db, name, request.userId);
      if (json === undefined) throw notFound('profile');
      return sendJson(reply, json);
    },
  );

  const followSchema = (summary: string) => ({
    tags,
    summary,
    params,
    response: { 200: ProfileResponse, 401: ErrorEnvelope, 404: ErrorEnvelope },
  });

  app.post(
    '/profiles/:username/follow',
    { onRequest: app.requireUser, schema: followSchema('Follow a user') },
    async (request) => {
      const profile = await findProfile(request.params.username, request.userId);
      // Following yourself is a no-op rather than an error: the profile simply reads as not followed.
      if (profile.id !== request.userId) await users.follow(app.db, request.userId, profile.id);
      return { profile: toProfile({ ...profile, following: profile.id !== request.userId }) };
    },
  );

  app.delete(
    '/profiles/:username/follow',
    { onRequest: app.requireUser, schema: followSchema('Unfollow a user') },
    async (request) => {
      const profile = await findProfile(request.params.username, request.userId);
      await users.unfollow(app.db, request.userId, profile.id);
      return { profile: toProfile({ ...profile, following: false }) };
    },
  );
};

export default routes;
