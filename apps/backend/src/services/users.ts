/**
 * Account rules: registration, login, the current user and profile changes. Handlers parse the request,
 * call these, and map the result; the rules (normalised unique names, one password policy, http(s)
 * images, tokens that a password change revokes) live here.
 */
import type { NewUser, UpdateUser } from '@proyecto06/contract';
import type { Db } from '../db/client.js';
import { conflict, requireText, unauthorized } from '../lib/errors.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import { checkImageUrl, cleanUsername } from '../lib/text.js';
import { newSession, type Tokens } from '../lib/tokens.js';
import * as users from '../repositories/users.js';

export interface Session {
  user: users.UserRow;
  token: string;
}

const sessionGone = () => unauthorized('token', 'is invalid or expired');

const blankToNull = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());

export async function register(db: Db, tokens: Tokens, input: NewUser['user']): Promise<Session> {
  const email = input.email.trim();
  requireText({ username: input.username, email });
  const username = cleanUsername(input.username);
  requireText({ username });
  // Checked before the (deliberately slow) hash so a taken name answers fast; the unique indexes still
  // decide races (the error handler turns their violation into the same 409).
  const [nameTaken, emailTaken] = await Promise.all([
    users.findProfile(db, username, 0),
    users.findUserByEmail(db, email),
  ]);
  if (nameTaken) throw conflict('username');
  if (emailTaken) throw conflict('email');
  const user = await users.insertUser(db, {
    username,
    email,
    passwordHash: await hashPassword(input.password),
  });
  return { user, token: signIn(tokens, user) };
}

/** A token for a new login session. */
const signIn = (tokens: Tokens, user: users.UserRow) =>
  tokens.sign({ userId: user.id, version: user.tokenVersion, session: newSession() });

export async function login(db: Db, tokens: Tokens, email: string, password: string): Promise<Session> {
  requireText({ email });
  const user = await users.findUserByEmail(db, email.trim());
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    throw unauthorized('credentials', 'invalid');
  }
  return { user, token: signIn(tokens, user) };
}

/** The signed-in user, with the token the request came with (never a fresh one: tokens do not renew). */
export async function current(db: Db, userId: number, token: string): Promise<Session> {
  const user = await users.findUserById(db, userId);
  if (!user) throw sessionGone();
  return { user, token };
}

/**
 * Applies a change. A new password signs out every other session; the one making the change goes on
 * with its token (the official suite, like most sites, expects the changing session to stay signed in).
 */
export async function update(
  db: Db,
  session: { userId: number; token: string; session: string },
  input: UpdateUser['user'],
): Promise<Session> {
  const email = input.email?.trim();
  requireText({ username: input.username, email, password: input.password });
  const changes: Parameters<typeof users.updateUser>[2] = {};
  if (input.username !== undefined) {
    changes.username = cleanUsername(input.username);
    requireText({ username: changes.username });
  }
  if (email !== undefined) changes.email = email;
  if (input.bio !== undefined) changes.bio = blankToNull(input.bio);
  if (input.image !== undefined) {
    changes.image = blankToNull(input.image);
    checkImageUrl(changes.image);
  }
  if (input.password !== undefined) {
    changes.passwordHash = await hashPassword(input.password);
    changes.keptSession = session.session;
  }

  if (Object.keys(changes).length === 0) return current(db, session.userId, session.token);
  const user = await users.updateUser(db, session.userId, changes);
  if (!user) throw sessionGone();
  return { user, token: session.token };
}
