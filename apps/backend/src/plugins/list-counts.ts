import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { CountSource } from '../repositories/articles.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The counts of article lists, kept in memory for a few seconds (LIST_COUNTS_CACHE_MS). */
    listCounts: CountSource;
  }
}

const MAX_ENTRIES = 10_000;

/**
 * A list's `articlesCount` is the one part of it that grows with the rows that match (an exact count reads
 * every one of them), and it changes only when something is written. So each replica keeps the count of
 * every filter it has answered (the filter's values included) for `ttlMs`; the pages themselves are always
 * read fresh. Every successful write this replica serves (any route but GET) forgets them all before it
 * answers, so writers see their own changes at once; a write through another replica shows within `ttlMs`.
 * A count read while a write was being answered is not kept: it may predate the write.
 */
export default fp<{ ttlMs: number }>(
  async (app, { ttlMs }) => {
    const counts = new Map<string, { count: string; expires: number }>();
    let generation = 0;

    app.decorate('listCounts', {
      lookup(key: string) {
        const now = Date.now();
        const entry = counts.get(key);
        const started = generation;
        return {
          count: entry && now < entry.expires ? entry.count : undefined,
          keep(count: string) {
            if (ttlMs === 0 || started !== generation) return;
            counts.delete(key);
            if (counts.size >= MAX_ENTRIES) counts.delete(counts.keys().next().value!);
            counts.set(key, { count, expires: now + ttlMs });
          },
        };
      },
    });

    const forget: NonNullable<RouteOptions['onSend']> = (_request, reply, payload, done) => {
      if (reply.statusCode < 400) {
        generation += 1;
        counts.clear();
      }
      done(null, payload);
    };
    // Only on the routes that write: a read pays nothing for it.
    app.addHook('onRoute', (route) => {
      if ([route.method].flat().every((method) => method === 'GET' || method === 'HEAD')) return;
      route.onSend = [forget, ...[route.onSend ?? []].flat()];
    });
  },
  { name: 'list-counts' },
);
