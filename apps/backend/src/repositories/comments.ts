import { and, eq, sql } from 'drizzle-orm';
import { rows, type Db } from '../db/client.js';
import { comments } from '../db/schema.js';

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

/** Newest first, one statement; bounded so a flame war cannot make one response unbounded. */
export async function listComments(
  db: Db,
  articleId: number,
  viewerId: number,
  limit: number,
): Promise<CommentRow[]> {
  return rows<CommentRow>(db, selectComments(viewerId, sql`c.article_id = ${articleId}`, limit));
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
