import { and, eq, sql } from 'drizzle-orm';
import { rows, type Db } from '../db/client.js';
import { comments } from '../db/schema.js';
import { isoTime, jsonOf, profileRow } from './prepared.js';

export interface CommentRow {
  id: number;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  authorId: number;
  authorUsername: string;
  authorBio: string | null;
  authorImage: string | null;
  following: boolean;
}

function selectComments(viewerId: number, where: ReturnType<typeof sql>, limit: number) {
  return sql`
    select c.id, c.body, c.created_at as "createdAt", c.updated_at as "updatedAt", c.author_id as "authorId",
      u.username as "authorUsername", u.bio as "authorBio", u.image as "authorImage",
      exists (select 1 from follows fo where fo.follower_id = ${viewerId} and fo.followee_id = c.author_id) as following
    from comments c join users u on u.id = c.author_id
    where ${where}
    order by c.id desc
    limit ${limit}`;
}

const ARTICLE_COMMENTS = `
  select json_build_object('comments', coalesce(json_agg(json_build_object(
      'id', c.id, 'createdAt', ${isoTime('c.created_at')}, 'updatedAt', ${isoTime('c.updated_at')},
      'body', c.body, 'author', ${profileRow('u')}) order by c.id desc) filter (where c.id is not null), '[]'))::text as json
  from articles a
  left join lateral (select * from comments c where c.article_id = a.id order by c.id desc limit $3) c on true
  left join users u on u.id = c.author_id
  where a.slug = $2
  group by a.id`;

/**
 * `{ comments }` of the article with that slug, newest first, or undefined when there is no such
 * article: one statement. Bounded so a flame war cannot make one response unbounded.
 */
export function listCommentsJson(
  db: Db,
  slug: string,
  viewerId: number,
  limit: number,
): Promise<string | undefined> {
  return jsonOf(db, 'article_comments', ARTICLE_COMMENTS, [viewerId, slug, limit]);
}

export async function findComment(db: Db, id: number, viewerId: number): Promise<CommentRow | undefined> {
  const [row] = await rows<CommentRow>(db, selectComments(viewerId, sql`c.id = ${id}`, 1));
  return row;
}

export async function insertComment(
  db: Db,
  values: { body: string; articleId: number; authorId: number },
): Promise<number> {
  const [row] = await db.insert(comments).values(values).returning({ id: comments.id });
  return row!.id;
}

export async function findCommentRef(
  db: Db,
  articleId: number,
  id: number,
): Promise<{ id: number; authorId: number } | undefined> {
  const [row] = await db
    .select({ id: comments.id, authorId: comments.authorId })
    .from(comments)
    .where(and(eq(comments.id, id), eq(comments.articleId, articleId)))
    .limit(1);
  return row;
}

export async function deleteComment(db: Db, id: number): Promise<void> {
  await db.delete(comments).where(eq(comments.id, id));
}
