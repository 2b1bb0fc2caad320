/** Users, profiles and follows. Only repositories write SQL. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { follows, users } from '../db/schema.js';
import { jsonOf, profileRow } from './prepared.js';

export type UserRow = typeof users.$inferSelect;

export interface ProfileRow {
  id: number;
  username: string;
  bio: string | null;
  image: string | null;
  following: boolean;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row;
}

export async function insertUser(
  db: Db,
  values: { username: string; email: string; passwordHash: string },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  db: Db,
  id: number,
  changes: Partial<Pick<UserRow, 'username' | 'email' | 'passwordHash' | 'keptSession' | 'bio' | 'image'>>,
): Promise<UserRow | undefined> {
  // A new password ends every session opened with the old one (but `keptSession`).
  const revoke = changes.passwordHash !== undefined && { tokenVersion: sql`${users.tokenVersion} + 1` };
  const [row] = await db
    .update(users)
    .set({ ...changes, ...revoke, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** A profile as seen by `viewerId` (0 = anonymous): one query, `following` included. */
export async function findProfile(
  db: Db,
  username: string,
  viewerId: number,
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      bio: users.bio,
      image: users.image,
      following: sql<boolean>`exists (select 1 from ${follows} where ${follows.followerId} = ${viewerId} and ${follows.followeeId} = ${users.id})`,
    })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return row;
}

const tokenStateStatements = new WeakMap<Db, ReturnType<typeof prepareTokenState>>();
const prepareTokenState = (db: Db) =>
  db
    .select({ tokenVersion: users.tokenVersion, keptSession: users.keptSession })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .limit(1)
    .prepare('token_state');

/**
 * What decides whether a token is still valid; undefined when the user no longer exists. Every
 * authenticated request asks, so it is a named statement: built and planned once per connection.
 */
export async function tokenState(
  db: Db,
  id: number,
): Promise<Pick<UserRow, 'tokenVersion' | 'keptSession'> | undefined> {
  let statement = tokenStateStatements.get(db);
  if (!statement) tokenStateStatements.set(db, (statement = prepareTokenState(db)));
  const [row] = await statement.execute({ id });
  return row;
}

const PROFILE = `select json_build_object('profile', ${profileRow('u')})::text as json from users u where lower(u.username) = lower($2)`;

/** `{ profile }` as the viewer sees it (0 = anonymous), or undefined when there is no such user. */
export function findProfileJson(db: Db, username: string, viewerId: number): Promise<string | undefined> {
  return jsonOf(db, 'profile_by_username', PROFILE, [viewerId, username]);
}

export async function follow(db: Db, followerId: number, followeeId: number): Promise<void> {
  await db.insert(follows).values({ followerId, followeeId }).onConflictDoNothing();
}

export async function unfollow(db: Db, followerId: number, followeeId: number): Promise<void> {
  await db.delete(follows).where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)));
}
