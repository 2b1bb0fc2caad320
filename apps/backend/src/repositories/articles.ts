/**
 * Articles, tags and favorites. Reads are single statements whatever the page size: author, `following`,
 * `favorited` and the ordered tag list come from joins and correlated sub-queries on indexed columns,
 * never from a query per row.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { articleTags, articles, favorites } from '../db/schema.js';
import { isoTime, jsonOf, profileRow, runNamed, viewerHas } from './prepared.js';

export interface ArticleFilter {
  tag?: string | undefined;
  author?: string | undefined;
  favorited?: string | undefined;
  /** Only authors this user follows (the feed). */
  feedOf?: number | undefined;
}

/**
 * The where clause of a list and its parameters, numbered from $4 ($1 viewer, $2 limit, $3 offset), and
 * the statement name's suffix (one per combination of filters).
 */
function filterSql(filter: ArticleFilter): { where: string; params: unknown[]; shape: string } {
  const conditions = ['true'];
  const params: unknown[] = [];
  let shape = '';
  const add = (key: string, value: unknown, condition: (param: string) => string) => {
    params.push(value);
    conditions.push(condition(`$${params.length + 3}`));
    shape += key;
  };
  if (filter.tag !== undefined) {
    add(
      't',
      filter.tag,
      (p) =>
        `a.id in (select at.article_id from article_tags at join tags t on t.id = at.tag_id where t.name = ${p})`,
    );
  }
  if (filter.author !== undefined) {
    add(
      'a',
      filter.author,
      (p) => `a.author_id = (select id from users where lower(username) = lower(${p}))`,
    );
  }
  if (filter.favorited !== undefined) {
    add(
      'f',
      filter.favorited,
      (p) =>
        `a.id in (select f.article_id from favorites f where f.user_id = (select id from users where lower(username) = lower(${p})))`,
    );
  }
  if (filter.feedOf !== undefined) {
    add(
      'F',
      filter.feedOf,
      (p) => `a.author_id in (select followee_id from follows where follower_id = ${p})`,
    );
  }
  return { where: conditions.join(' and '), params, shape };
}

/**
 * An article of `a` joined with its author `u`, for the viewer in $1, as a row whose columns are the
 * contract's fields (see profileRow). Tags: the column migration 0003 keeps.
 */
const articleRow = (withBody: boolean, authorFollowed?: string) => `(select x from (select
    a.slug, a.title, a.description, ${withBody ? 'a.body,' : ''} a.tag_list as "tagList",
    ${isoTime('a.created_at')} as "createdAt", ${isoTime('a.updated_at')} as "updatedAt",
    ${viewerHas('select 1 from favorites fa where fa.user_id = $1 and fa.article_id = a.id')} as favorited,
    a.favorites_count as "favoritesCount", ${profileRow('u', authorFollowed)} as author) x)`;

/**
 * Where a list's count may come from instead of the database: `key` names the filter and its values; the
 * answer has the count if it is known, and takes the count read otherwise.
 */
export interface CountSource {
  lookup(key: string): { count: string | undefined; keep(count: string): void };
}

/**
 * One page of articles (without bodies) and the count of all that match, as the response's JSON: one
 * statement. The page is cut first, so only its rows get their tags, author and flags (an offset does not
 * pay for the rows it skips). The count is the one part that grows with the matching rows, so `counts`
 * may supply it (plugins/list-counts.ts); the statement then skips it.
 */
export async function listArticlesJson(
  db: Db,
  filter: ArticleFilter,
  viewerId: number,
  page: { limit: number; offset: number },
  counts?: CountSource,
): Promise<string> {
  const { where, params, shape } = filterSql(filter);
  const newest = 'order by a.created_at desc nulls last, a.id desc nulls last';
  // The feed (its follower is the last parameter) starts from `follows` (its primary key: follower,
  // followee) and takes at most a page's worth of each followee's newest articles from
  // articles_author_created_idx, reading only that index (ids and dates): bounded by followees × page,
  // where walking the global newest-first index would read every article since the followees last wrote.
  // Only the page's articles are then read from the table. Every author in the feed is followed.
  // What a listed article shows: never the body, which a sort would otherwise carry along.
  const listed =
    'a.id, a.slug, a.title, a.description, a.tag_list, a.created_at, a.updated_at, a.favorites_count, a.author_id';
  const pageRows =
    filter.feedOf === undefined
      ? `select ${listed} from articles a where ${where} ${newest} limit $2 offset $3`
      : `select ${listed} from articles a where a.id in (
           select a.id from follows f cross join lateral (
             select a.id, a.created_at from articles a where a.author_id = f.followee_id ${newest} limit $2::int + $3::int) a
           where f.follower_id = $${params.length + 3} ${newest} limit $2 offset $3)`;
  // The count's sub-query runs only when asked for (the last parameter): PostgreSQL evaluates it lazily.
  const text = `
    with page as (${pageRows})
    select coalesce(json_agg(${articleRow(false, filter.feedOf === undefined ? undefined : 'true')} ${newest}), '[]')::text as articles,
      case when $${params.length + 4}::boolean then (select count(*) from articles a where ${where}) end::text as count
    from page a join users u on u.id = a.author_id`;
  const cached = counts?.lookup(`${shape}:${JSON.stringify(params)}`);
  const known = cached?.count;
  const [row] = await runNamed<{ articles: string; count: string | null }>(
    db,
    `articles_list_${shape}`,
    text,
    [viewerId, page.limit, page.offset, ...params, known === undefined],
  );
  const count = known ?? row!.count!;
  if (known === undefined) cached?.keep(count);
  return `{"articles":${row!.articles},"articlesCount":${count}}`;
}

const ONE_ARTICLE = `
  select json_build_object('article', ${articleRow(true)})::text as json
  from articles a join users u on u.id = a.author_id where a.slug = $2`;

/** `{ article }` as the viewer sees it, or undefined when no article has that slug. */
export function findArticleJson(db: Db, slug: string, viewerId: number): Promise<string | undefined> {
  return jsonOf(db, 'article_by_slug', ONE_ARTICLE, [viewerId, slug]);
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

// One statement, so atomic without a transaction: the article, its tags (created where new, by migration
// 0005's ensure_tags) and the response, which the statement knows without reading anything back: a new
// article is favored by nobody, and its author does not follow themselves. The tag list is what the
// 0003 trigger writes: the names in the "C" collation's order.
const INSERT_ARTICLE = `
  with a as (
    insert into articles (slug, title, description, body, author_id) values ($1, $2, $3, $4, $5)
    returning id, slug, title, description, body, created_at, updated_at, author_id, favorites_count),
  tagged as (insert into article_tags (article_id, tag_id) select a.id, t.id from a, ensure_tags($6::text[]) t(id) order by t.id)
  select json_build_object('article', (select x from (select
    a.slug, a.title, a.description, a.body,
    array(select name from unnest($6::text[]) name order by name collate "C") as "tagList",
    ${isoTime('a.created_at')} as "createdAt", ${isoTime('a.updated_at')} as "updatedAt",
    false as favorited, a.favorites_count as "favoritesCount", ${profileRow('u', 'false')} as author) x))::text as json
  from a join users u on u.id = a.author_id`;

/**
 * Writes a new article with its tags in one round trip and returns `{ article }` as its author sees it;
 * a taken slug fails with a unique violation. `tagNames` are trimmed and unique.
 */
export async function insertArticle(
  db: Db,
  values: { slug: string; title: string; description: string; body: string; authorId: number },
  tagNames: string[],
): Promise<string> {
  const { slug, title, description, body, authorId } = values;
  const params = [slug, title, description, body, authorId, tagNames];
  return (await jsonOf(db, 'insert_article', INSERT_ARTICLE, params))!;
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

const INSERT_ARTICLE_TAGS = `insert into article_tags (article_id, tag_id) select $1, t.id from ensure_tags($2::text[]) t(id) order by t.id`;

/** Replaces the article's tags with `names` (already trimmed and unique), inside the caller's transaction. */
export async function replaceArticleTags(db: Db, articleId: number, names: string[]): Promise<void> {
  await db.delete(articleTags).where(eq(articleTags.articleId, articleId));
  if (names.length > 0) await runNamed(db, 'insert_article_tags', INSERT_ARTICLE_TAGS, [articleId, names]);
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

const POPULAR_TAGS = `
  select json_build_object('tags', coalesce(json_agg(name order by article_count desc nulls last, name), '[]'))::text as json
  from (select name, article_count from tags where article_count > 0
        order by article_count desc nulls last, name limit $1) popular`;

/**
 * `{ tags }`: the tags in use, most used first. Bounded: a tag cloud, not an index of every tag ever
 * written. Reads the count a trigger keeps on each tag (migration 0002), from tags_popular_idx.
 */
export async function popularTagsJson(db: Db, limit: number): Promise<string> {
  return (await jsonOf(db, 'popular_tags', POPULAR_TAGS, [limit]))!;
}
