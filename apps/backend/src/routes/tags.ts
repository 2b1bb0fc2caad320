import { TagsResponse } from '@proyecto06/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendJson } from '../lib/prepared-json.js';
import { popularTagsJson } from '../repositories/articles.js';

const MAX_TAGS = 100;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tags',
    {
      schema: {
        tags: ['Tags'],
        summary: `Tags in use, most used first (at most ${MAX_TAGS})`,
        response: { 200: TagsResponse },
      },
    },
    async (_request, reply) => sendJson(reply, await popularTagsJson(app.db, MAX_TAGS)),
  );
};

export default routes;
