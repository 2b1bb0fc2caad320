/**
 * Runs the failure paths with secrets in them (passwords, a password hash, tokens, a long request id)
 * and searches everything the app logged for those secrets.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.js';
import * as users from '../../src/repositories/users.js';
import { client, malformed, uid, useApp } from '../helpers.js';

const lines: string[] = [];
const KNOWN_HASH = '$argon2id$v=19$m=19456,t=2,p=1$S0VFUFRISVNPVVRPRkxPR1M$KNOWN-HASH-NEVER-IN-LOGS';

const ctx = useApp(
  {},
  {
    log: (line) => lines.push(line),
    routes: (app, database) => {
      // A password change whose update fails inside PostgreSQL (the edge would stop this NUL in a body):
      // the statement carries the new hash among its bound values.
      app.post<{ Body: { id: number } }>('/test/failing-password-update', async (request) => {
        await users.updateUser(database.db, request.body.id, { passwordHash: KNOWN_HASH, bio: 'a\u0000b' });
        return {};
      });
      // A bug: the failing statement carries a secret as a bound value.
      app.post('/test/failing-bug', async () => {
        await database.db.execute(sql`select * from no_such_table where secret = ${KNOWN_HASH}`);
        return {};
      });
    },
  },
);
const api = client(ctx);

describe('the log never holds a secret', () => {
  it('after failed logins, a failed password change, a unique clash, a bug and a hostile request id', async () => {
    const newPassword = `new-password-${uid()}`;
    const alice = await api.register('alice');
    const bob = await api.register('bob');

    // Wrong and malformed logins.
    await api.post('/api/users/login', { user: { email: alice.email, password: newPassword } });
    await api.post('/api/users/login', { user: { email: alice.email, password: `${newPassword}\u0000` } });

    // A password change that fails on the unique username: the UPDATE's bound values include the new
    // argon2 hash of `newPassword`.
    const clash = await api.put(
      '/api/user',
      { user: { username: alice.username, password: newPassword } },
      bob.token,
    );
    expect(clash.status).toBe(409);

    // The same inside PostgreSQL's own rejection (22…), and in a real bug (500).
    const [bobRow] = await rows<{ id: number }>(
      ctx.database.db,
      sql`select id from users where username = ${bob.username}`,
    );
    expect((await api.post('/test/failing-password-update', { id: bobRow!.id })).status).toBe(422);
    expect((await api.post('/test/failing-bug', {})).status).toBe(500);

    // A token on a failing request, and a 16 kB request id.
    await api.post('/api/articles', malformed({ article: { title: '' } }), alice.token);
    const hostileId = `evil-${'x'.repeat(16_000)}`;
    await ctx.app.inject({ url: '/api/tags', headers: { 'x-request-id': hostileId } });

    const log = lines.join('');
    // The failures were logged (so the search below searched something)...
    expect(log).toMatch(/"sqlState":"23505"/);
    expect(log).toMatch(/"sqlState":"22\w{3}"/);
    expect(log).toMatch(/"sqlState":"42P01"/);
    expect(log).toMatch(/"constraint":"users_username_lower_key"/);
    // ...and none of the secrets.
    for (const secret of [newPassword, KNOWN_HASH, 'KNOWN-HASH', '$argon2id$', alice.token, bob.token]) {
      expect(log, `log contains ${secret.slice(0, 20)}`).not.toContain(secret);
    }
    expect(log).not.toContain('x'.repeat(100));
  });
});
