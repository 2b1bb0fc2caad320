import { TagsResponse } from '@proyecto06/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { popularTags } from '../repositories/articles.js';

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
    async () => ({ tags: await popularTags(app.db, MAX_TAGS) }),
  );
};

export default routes;
