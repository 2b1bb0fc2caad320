import fp from 'fastify-plugin';
import { NotifiedCache } from '../lib/notified-cache.js';
import { findProfileJson } from '../repositories/users.js';

/** The channel migration 0006's trigger notifies with a user id when that user's public profile changes. */
export const PROFILE_CHANNEL = 'conduit_profile';

declare module 'fastify' {
  interface FastifyInstance {
    /** `GET /api/profiles/:username`'s answer for anonymous readers, kept while change notices arrive. */
    publicProfiles: {
      /** The profile's JSON by its lookup name (usernameForLookup); undefined when no user has it. */
      json(name: string): Promise<string | undefined>;
      /** Called after this process changed a profile, before it answers. */
      forgetAll(): void;
    };
  }
}

/**
 * Profiles are read far more often than they change, and an anonymous reader's answer is the same for
 * everyone, so each replica keeps those answers (NotifiedCache, `PROFILE_CACHE_MS`): a change made through
 * any replica, or by any other writer of the users table, reaches every replica as a PostgreSQL notice
 * when it commits, and this process forgets its own changes before it answers. The notice names a user
 * id and the answers are kept by name, so a notice forgets them all: edits are rare next to reads. A
 * signed-in reader's answer (whether they follow) is read on every request; a missing user is never kept.
 */
export default fp<{ maxAgeMs: number }>(
  async (app, { maxAgeMs }) => {
    const profiles = new NotifiedCache((name: string) => findProfileJson(app.db, name, 0), {
      maxAgeMs,
      maxEntries: 10_000,
    });
    const unsubscribe = app.database.subscribe(PROFILE_CHANNEL, {
      onNotice: () => profiles.forgetAll(),
      onLive: (live) => profiles.setLive(live),
    });
    app.addHook('onClose', unsubscribe);
    app.decorate('publicProfiles', {
      json: (name: string) => profiles.get(name),
      forgetAll: () => profiles.forgetAll(),
    });
  },
  { name: 'public-profiles', dependencies: ['database'] },
);
