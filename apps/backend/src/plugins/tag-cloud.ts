import fp from 'fastify-plugin';
import { popularTagsJson } from '../repositories/articles.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** `GET /api/tags`'s answer, kept in memory for a few seconds (TAGS_CACHE_MS). */
    tagCloud: { json(): Promise<string>; invalidate(): void };
  }
}

export const MAX_TAGS = 100;

/**
 * The tag cloud is read on every page view and changes only when an article is written, so each replica
 * keeps the answer for `ttlMs`: concurrent readers share one query, an article write through this replica
 * forgets it at once (the writer sees their tags), and a write through another replica shows when the
 * time runs out. No shared store needed: the staleness is bounded and cluster-wide by construction.
 */
export default fp<{ ttlMs: number }>(
  async (app, { ttlMs }) => {
    let cached: Promise<string> | undefined;
    let expires = 0;
    app.decorate('tagCloud', {
      json() {
        const now = Date.now();
        if (cached === undefined || now >= expires) {
          const loading = popularTagsJson(app.db, MAX_TAGS);
          cached = loading;
          expires = now + ttlMs;
          // A failed read is not kept: the next request asks the database again.
          loading.catch(() => {
            if (cached === loading) cached = undefined;
          });
        }
        return cached;
      },
      invalidate() {
        cached = undefined;
      },
    });
  },
  { name: 'tag-cloud', dependencies: ['database'] },
);
