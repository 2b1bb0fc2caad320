// What the fast reads rely on: plans made once per connection, the tag list each article row carries
// (kept by a trigger, migration 0003), and the tag cloud and list counts each replica keeps in memory.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.js';
import { client, replicaOf, uid, useApp, type TestContext } from '../helpers.js';

// A cache that outlives the test: only a replica's own writes (or TAGS_CACHE_MS=0) refresh it. One
// connection, so that pg_prepared_statements (per session) shows every statement the app prepared.
const ctx = useApp({ TAGS_CACHE_MS: '3600000', LIST_COUNTS_CACHE_MS: '3600000', DATABASE_POOL_MAX: '1' });
const api = client(ctx);

const replica = (env: Record<string, string>) => replicaOf(ctx, env);

describe('named reads on PostgreSQL', () => {
  it.runIf(process.env.TEST_DATABASE_URL)('are planned once, not for every request', async () => {
    const { token, username } = await api.register('plans');
    const article = await api.createArticle(token, { tagList: ['planned'] });
    const reads = [
      '/api/articles',
      '/api/articles?offset=1',
      `/api/articles?author=${username}`,
      '/api/articles?tag=planned',
      `/api/articles/${article.slug}`,
      `/api/articles/${article.slug}/comments`,
      `/api/profiles/${username}`,
    ];
    for (let i = 0; i < 8; i++) {
      for (const url of reads) expect((await api.get(url, i % 2 ? token : undefined)).status).toBe(200);
      expect((await api.get('/api/articles/feed', token)).status).toBe(200);
    }
    const statements = await rows<{ name: string; generic_plans: number; custom_plans: number }>(
      ctx.database.db,
      sql`select name, generic_plans::int, custom_plans::int from pg_prepared_statements where name <> ''`,
    );
    // Left to choose, PostgreSQL re-planned the list for each request (custom plans: a page's limit
    // makes one look cheaper than the generic plan), which cost more than running it.
    expect(statements.filter((s) => s.name.startsWith('articles_list_')).length).toBeGreaterThanOrEqual(4);
    expect(statements.filter((s) => s.custom_plans > 0)).toEqual([]);
  });
});

describe("an article's tag list", () => {
  it('follows article_tags whoever writes them, in alphabetical order', async () => {
    const { token } = await api.register('lists');
    const [b, a, c] = [uid('b'), uid('a'), uid('c')];
    const article = await api.createArticle(token, { tagList: [b, a] });
    expect(article.tagList).toEqual([a, b]);

    // A release that knows nothing of the column (a rollback, a rolling update) writes only article_tags.
    const [row] = await rows<{ id: number }>(
      ctx.database.db,
      sql`select id from articles where slug = ${article.slug}`,
    );
    const id = row!.id;
    await ctx.database.db.execute(sql`insert into tags (name) values (${c})`);
    await ctx.database.db.execute(
      sql`insert into article_tags (article_id, tag_id, position) select ${id}, id, 2 from tags where name = ${c}`,
    );
    const read = async () => (await api.get(`/api/articles/${article.slug}`)).body.article.tagList;
    expect(await read()).toEqual([a, b, c]);

    await ctx.database.db.execute(
      sql`delete from article_tags where article_id = ${id} and tag_id = (select id from tags where name = ${a})`,
    );
    expect(await read()).toEqual([b, c]);
    const listed = await api.get(`/api/articles?tag=${c}`);
    expect(listed.body.articles.map((x: { tagList: string[] }) => x.tagList)).toEqual([[b, c]]);

    await api.put(`/api/articles/${article.slug}`, { article: { tagList: [] } }, token);
    expect(await read()).toEqual([]);
  });
});

describe('creating articles', () => {
  it('answers what reading the article back gives, built by the write itself', async () => {
    const { token } = await api.register('answers');
    const known = uid('known');
    await api.createArticle(token, { tagList: [known] });
    for (const tagList of [[], [uid('zeta'), known, uid('Alpha'), 'ünïcode', uid('beta')]]) {
      const created = await api.createArticle(token, { title: 'Answered', tagList });
      const read = await api.get(`/api/articles/${created.slug}`, token);
      expect(created).toEqual(read.body.article);
      expect(created.tagList).toEqual([...tagList].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect([created.favorited, created.favoritesCount, created.author.following]).toEqual([
        false,
        0,
        false,
      ]);
    }
  });

  it('gives every article all its tags when writers create the same new tags at once', async () => {
    const { token } = await api.register('racers');
    const fresh = [uid('r1'), uid('r2'), uid('r3')].sort();
    const created = await Promise.all(
      // Every other writer leaves out the last tag; each sends them in reverse order.
      Array.from({ length: 12 }, (_, i) =>
        api.createArticle(token, { title: 'Same title', tagList: fresh.slice(0, 3 - (i % 2)).reverse() }),
      ),
    );
    expect(new Set(created.map((article) => article.slug)).size).toBe(12);
    for (const [i, article] of created.entries()) {
      const read = (await api.get(`/api/articles/${article.slug}`)).body.article;
      expect(read?.tagList).toEqual(fresh.slice(0, 3 - (i % 2)));
    }
    const cloud = (await api.get('/api/tags')).body.tags;
    expect(cloud).toEqual(expect.arrayContaining(fresh));
  });
});

describe('the tag cloud of each replica', () => {
  it("shows a replica's own writes at once and others' within TAGS_CACHE_MS", async () => {
    const other = await replica({ TAGS_CACHE_MS: '3600000' });
    const uncached = await replica({ TAGS_CACHE_MS: '0' });
    try {
      const tags = async (context: TestContext) =>
        (await client(context).get('/api/tags')).body.tags as string[];
      const { token } = await api.register('clouds');
      await tags(ctx);
      await tags(other);

      const mine = uid('mine');
      await api.createArticle(token, { tagList: [mine] });
      expect(await tags(ctx)).toContain(mine);
      expect(await tags(uncached)).toContain(mine);
      // The other replica answers from memory until its time runs out: the staleness it allows.
      expect(await tags(other)).not.toContain(mine);
      other.app.tagCloud.invalidate();
      expect(await tags(other)).toContain(mine);
    } finally {
      await other.app.close();
      await uncached.app.close();
    }
  });

  it('lets concurrent readers share one query', async () => {
    const { token } = await api.register('shared');
    await api.createArticle(token, { tagList: [uid('fresh')] });
    ctx.queries.length = 0;
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.get('/api/tags')));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(ctx.queries.filter((query) => /article_count/.test(query))).toHaveLength(1);
  });
});

describe('the list counts of each replica', () => {
  it("are exact after the replica's own writes, and others' show within LIST_COUNTS_CACHE_MS", async () => {
    const other = await replicaOf(ctx, { LIST_COUNTS_CACHE_MS: '3600000' });
    const uncached = await replicaOf(ctx, { LIST_COUNTS_CACHE_MS: '0' });
    try {
      const { token, username } = await api.register('counted');
      const list = async (context: TestContext) =>
        (await client(context).get(`/api/articles?author=${username}`)).body;
      await api.createArticle(token);
      for (const context of [ctx, other, uncached]) expect((await list(context)).articlesCount).toBe(1);

      const second = await api.createArticle(token);
      expect((await list(ctx)).articlesCount).toBe(2);
      expect((await list(uncached)).articlesCount).toBe(2);
      // The other replica's page is read fresh; only its count waits for the time to run out.
      const stale = await list(other);
      expect(stale.articles.map((article: { slug: string }) => article.slug)).toContain(second.slug);
      expect(stale.articlesCount).toBe(1);
      // Any write it serves itself (here a favorite) forgets every count it kept.
      expect(
        (await client(other).post(`/api/articles/${second.slug}/favorite`, undefined, token)).status,
      ).toBe(200);
      expect((await list(other)).articlesCount).toBe(2);
      // A failed write changes nothing, and forgets nothing.
      await api.createArticle(token);
      expect(
        (await client(other).post('/api/articles/no-such-article/favorite', undefined, token)).status,
      ).toBe(404);
      expect((await list(other)).articlesCount).toBe(2);
    } finally {
      await other.app.close();
      await uncached.app.close();
    }
  });
});
