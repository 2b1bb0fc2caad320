/**
 * Articles, tags and favorites. Reads are single statements whatever the page size: author, `following`,
 * `favorited` and the ordered tag list come from joins and correlated sub-queries on indexed columns,
 * never from a query per row.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/client.js';
import { articleTags, articles, favorites, tags } from '../db/schema.js';

export interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  body?: string;
  tagList: string[];
  createdAt: Date;
  updatedAt: Date;
  favorited: boolean;
  favoritesCount: number;
  authorId: number;
  authorUsername: string;
  authorBio: string | null;
  authorImage: string | null;
  following: boolean;
}

export interface ArticleFilter {
  tag?: string | undefined;
  author?: string | undefined;
  favorited?: string | undefined;
  /** Only authors this user follows (the feed). */
  feedOf?: number | undefined;
}

function filterSql(filter: ArticleFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.tag !== undefined) {
    conditions.push(
      sql`a.id in (select at.article_id from article_tags at join tags t on t.id = at.tag_id where t.name = ${filter.tag})`,
    );
  }
  if (filter.author !== undefined) {
    conditions.push(
      sql`a.author_id = (select id from users where lower(username) = lower(${filter.author}))`,
    );
  }
  if (filter.favorited !== undefined) {
    conditions.push(
      sql`a.id in (select f.article_id from favorites f where f.user_id = (select id from users where lower(username) = lower(${filter.favorited})))`,
    );
  }
  if (filter.feedOf !== undefined) {
    conditions.push(
      sql`a.author_id in (select followee_id from follows where follower_id = ${filter.feedOf})`,
    );
  }
  return sql.join(conditions, sql` and `);
}

function selectArticles(
  viewerId: number,
  withBody: boolean,
  where: SQL,
  page?: { limit: number; offset: number },
): SQL {
  return sql`
    select a.id, a.slug, a.title, a.description, ${withBody ? sql`a.body,` : sql``}
      a.created_at as "createdAt", a.updated_at as "updatedAt", a.favorites_count as "favoritesCount",
      a.author_id as "authorId", u.username as "authorUsername", u.bio as "authorBio", u.image as "authorImage",
      exists (select 1 from follows fo where fo.follower_id = ${viewerId} and fo.followee_id = a.author_id) as following,
      exists (select 1 from favorites fa where fa.user_id = ${viewerId} and fa.article_id = a.id) as favorited,
      coalesce((select array_agg(t.name order by at.position) from article_tags at join tags t on t.id = at.tag_id
                where at.article_id = a.id), '{}') as "tagList"
    from articles a join users u on u.id = a.author_id
    where ${where}
    order by a.created_at desc nulls last, a.id desc nulls last
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`;
}

/** One page of articles (without bodies) and the exact count of all that match: two statements. */
export async function listArticles(
  db: Db,
  filter: ArticleFilter,
  viewerId: number,
  page: { limit: number; offset: number },
): Promise<{ articles: ArticleRow[]; count: number }> {
  const where = filterSql(filter);
  const [list, [total]] = await Promise.all([
    page.limit === 0
      ? Promise.resolve([])
      : rows<ArticleRow>(db, selectArticles(viewerId, false, where, page)),
    rows<{ count: number }>(db, sql`select count(*)::int as count from articles a where ${where}`),
  ]);
  return { articles: list, count: total?.count ?? 0 };
}

export async function findArticle(db: Db, slug: string, viewerId: number): Promise<ArticleRow | undefined> {
  const [row] = await rows<ArticleRow>(
    db,
    selectArticles(viewerId, true, sql`a.slug = ${slug}`, { limit: 1, offset: 0 }),
  );
  return row;
}

/** Just what an ownership check needs. */
export async function findArticleRef(
  db: Db,
  slug: string,
): Promise<{ id: number; authorId: number; title: string; slug: string } | undefined> {
  const [row] = await db
    .select({ id: articles.id, authorId: articles.authorId, title: articles.title, slug: articles.slug })
    .from(articles)
    .where(eq(articles.slug, slug))
    .limit(1);
  return row;
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).limit(1);
  return row !== undefined;
}

export async function insertArticle(
  db: Db,
  values: { slug: string; title: string; description: string; body: string; authorId: number },
): Promise<number> {
  const [row] = await db.insert(articles).values(values).returning({ id: articles.id });
  return row!.id;
}

export async function updateArticle(
  db: Db,
  id: number,
  changes: Partial<{ slug: string; title: string; description: string; body: string }>,
): Promise<void> {
  // updatedAt moves forward even when two edits land in the same millisecond.
  await db
    .update(articles)
    .set({ ...changes, updatedAt: sql`greatest(now(), ${articles.updatedAt} + interval '1 millisecond')` })
    .where(eq(articles.id, id));
}

export async function deleteArticle(db: Db, id: number): Promise<void> {
  await db.delete(articles).where(eq(articles.id, id));
}

/** Replaces the article's tags with `names`, in that order (names already trimmed and unique). */
export async function setArticleTags(
  db: Db,
  articleId: number,
  names: string[],
  replace: boolean,
): Promise<void> {
  if (replace) await db.delete(articleTags).where(eq(articleTags.articleId, articleId));
  if (names.length === 0) return;
  await db
    .insert(tags)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing();
  const found = await db.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.name, names));
  const idByName = new Map(found.map((tag) => [tag.name, tag.id]));
  await db
    .insert(articleTags)
    .values(names.map((name, position) => ({ articleId, tagId: idByName.get(name)!, position })));
}

/** Marks a favorite; the count moves only when the row is new, so repeating it is harmless. */
export async function addFavorite(db: Db, userId: number, articleId: number): Promise<void> {
  const inserted = await db
    .insert(favorites)
    .values({ userId, articleId })
    .onConflictDoNothing()
    .returning({ articleId: favorites.articleId });
  if (inserted.length > 0) {
    await db
      .update(articles)
      .set({ favoritesCount: sql`${articles.favoritesCount} + 1` })
      .where(eq(articles.id, articleId));
  }
}

export async function removeFavorite(db: Db, userId: number, articleId: number): Promise<void> {
  const removed = await db
    .delete(favorites)
    .where(and(eq(favorites.userId, userId), eq(favorites.articleId, articleId)))
    .returning({ articleId: favorites.articleId });
  if (removed.length > 0) {
    await db
      .update(articles)
      .set({ favoritesCount: sql`greatest(${articles.favoritesCount} - 1, 0)` })
      .where(eq(articles.id, articleId));
  }
}

/** Tags in use, most used first. Bounded: a tag cloud, not an index of every tag ever written. */
export async function popularTags(db: Db, limit: number): Promise<string[]> {
  const result = await rows<{ name: string }>(
    db,
    sql`select t.name from tags t join article_tags at on at.tag_id = t.id
        group by t.id, t.name order by count(*) desc, t.name limit ${limit}`,
  );
  return result.map((row) => row.name);
}
