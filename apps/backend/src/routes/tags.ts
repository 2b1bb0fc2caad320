import { TagsResponse } from '@proyecto06/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendJson } from '../lib/prepared-json.js';
import { MAX_TAGS } from '../plugins/tag-cloud.js';

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
    async (_request, reply) => sendJson(reply, await app.tagCloud.json()),
  );
};

export default routes;
