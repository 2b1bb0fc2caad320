import { describe, expect, it } from 'vitest';
import { client, malformed, uid, useApp } from '../helpers.js';

const ctx = useApp();
const api = client(ctx);
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('articles', () => {
  it('creates an article (201) with its tags in alphabetical order, and reads it back', async () => {
    const { token, username } = await api.register('art');
    const tag = uid('t');
    const created = await api.post(
      '/api/articles',
      {
        article: {
          title: 'How to train your dragon',
          description: 'Ever wonder how?',
          body: 'It takes a *Jacobian*',
          tagList: [`z${tag}`, `a${tag}`, `z${tag}`, ' '],
        },
      },
      token,
    );
    expect(created.status).toBe(201);
    const article = created.body.article;
    expect(article).toMatchObject({
      title: 'How to train your dragon',
      description: 'Ever wonder how?',
      body: 'It takes a *Jacobian*',
      tagList: [`a${tag}`, `z${tag}`], // alphabetical, as the reference implementation returns them
      favorited: false,
      favoritesCount: 0,
      author: { username, bio: null, image: null, following: false },
    });
    expect(article.slug).toMatch(/^how-to-train-your-dragon/);
    expect(article.createdAt).toMatch(ISO_MS);
    expect(article.updatedAt).toMatch(ISO_MS);
    expect((await api.get(`/api/articles/${article.slug}`)).body.article).toEqual(article);
  });

  it('gives duplicate titles distinct slugs', async () => {
    const { token } = await api.register('dup');
    const title = uid('Same title ');
    const first = await api.createArticle(token, { title });
    const second = await api.createArticle(token, { title });
    expect(second.slug).not.toBe(first.slug);
    expect((await api.get(`/api/articles/${second.slug}`)).body.article.slug).toBe(second.slug);
  });

  it('validates input with field-keyed 422s', async () => {
    const { token } = await api.register('val');
    for (const field of ['title', 'description', 'body']) {
      const article = { title: 'T', description: 'D', body: 'B', [field]: '' };
      expect(await api.post('/api/articles', { article }, token)).toMatchObject({
        status: 422,
        body: { errors: { [field]: ["can't be blank"] } },
      });
    }
    const tooLong = await api.post(
      '/api/articles',
      { article: { title: 'x'.repeat(201), description: 'D', body: 'B' } },
      token,
    );
    expect(tooLong.body.errors?.title?.[0]).toMatch(/too long/);
    const badTags = await api.post(
      '/api/articles',
      malformed({ article: { title: 'T', description: 'D', body: 'B', tagList: 'a,b' } }),
      token,
    );
    expect(badTags.status).toBe(422);
    expect(
      (
        await api.post(
          '/api/articles',
          malformed({ article: { title: 'T', description: 'D', body: 'B', tagList: null } }),
          token,
        )
      ).status,
    ).toBe(422);
  });

  it('updates only what is sent; a new title gives a new slug; tags kept, replaced or cleared', async () => {
    const { token } = await api.register('edit');
    const original = await api.createArticle(token, { tagList: ['one', 'two'] });
    const body = await api.put(`/api/articles/${original.slug}`, { article: { body: 'New body' } }, token);
    expect(body.status).toBe(200);
    expect(body.body.article).toMatchObject({
      slug: original.slug,
      title: original.title,
      body: 'New body',
      tagList: ['one', 'two'],
    });
    expect(body.body.article.createdAt).toBe(original.createdAt);
    expect(body.body.article.updatedAt).not.toBe(original.updatedAt);

    const retitled = await api.put(
      `/api/articles/${original.slug}`,
      { article: { title: 'A brand new title', tagList: ['three'] } },
      token,
    );
    expect(retitled.body.article.slug).toMatch(/^a-brand-new-title/);
    expect(retitled.body.article.tagList).toEqual(['three']);
    expect((await api.get(`/api/articles/${original.slug}`)).status).toBe(404);

    const cleared = await api.put(
      `/api/articles/${retitled.body.article.slug}`,
      { article: { tagList: [] } },
      token,
    );
    expect(cleared.body.article.tagList).toEqual([]);
    expect(
      (
        await api.put(
          `/api/articles/${retitled.body.article.slug}`,
          malformed({ article: { tagList: null } }),
          token,
        )
      ).status,
    ).toBe(422);
    expect(
      (await api.put(`/api/articles/${retitled.body.article.slug}`, { article: { title: '' } }, token))
        .status,
    ).toBe(422);
  });

  it('checks authentication before existence, and only the author edits or deletes', async () => {
    const author = await api.register('owner');
    const other = await api.register('other');
    const article = await api.createArticle(author.token);
    expect((await api.put('/api/articles/missing-slug', { article: { body: 'x' } })).body).toEqual({
      errors: { token: ['is missing'] },
    });
    expect((await api.delete('/api/articles/missing-slug')).status).toBe(401);
    expect((await api.post('/api/articles', malformed({ article: {} }))).status).toBe(401);
    expect(
      (await api.put('/api/articles/missing-slug', { article: { body: 'x' } }, other.token)).body,
    ).toEqual({
      errors: { article: ['not found'] },
    });
    expect(
      await api.put(`/api/articles/${article.slug}`, { article: { body: 'x' } }, other.token),
    ).toMatchObject({
      status: 403,
      body: { errors: { article: ['forbidden'] } },
    });
    expect((await api.delete(`/api/articles/${article.slug}`, other.token)).status).toBe(403);
    expect((await api.get(`/api/articles/${article.slug}`)).body.article.body).toBe('The body');
    expect((await api.delete(`/api/articles/${article.slug}`, author.token)).status).toBe(204);
    expect((await api.get(`/api/articles/${article.slug}`)).body).toEqual({
      errors: { article: ['not found'] },
    });
    expect((await api.delete(`/api/articles/${article.slug}`, author.token)).status).toBe(404);
  });
});

describe('favorites', () => {
  it('favorites and unfavorites idempotently, counting each user once', async () => {
    const author = await api.register('fa');
    const fans = [await api.register('fb'), await api.register('fc')];
    const article = await api.createArticle(author.token);
    const url = `/api/articles/${article.slug}/favorite` as const;
    for (const fan of fans) await api.post(url, undefined, fan.token);
    const again = await api.post(url, undefined, fans[0]!.token);
    expect(again.body.article).toMatchObject({ favorited: true, favoritesCount: 2 });
    expect((await api.get(`/api/articles/${article.slug}`, author.token)).body.article).toMatchObject({
      favorited: false,
      favoritesCount: 2,
    });
    const removed = await api.delete(url, fans[0]!.token);
    expect(removed.body.article).toMatchObject({ favorited: false, favoritesCount: 1 });
    expect((await api.delete(url, fans[0]!.token)).body.article.favoritesCount).toBe(1);
    expect((await api.get(`/api/articles?favorited=${fans[1]!.username}`)).body.articlesCount).toBe(1);
    expect((await api.get(`/api/articles?favorited=${fans[0]!.username}`)).body.articlesCount).toBe(0);
  });

  it('401 before 404, and 404 for unknown articles', async () => {
    expect((await api.post('/api/articles/nope/favorite')).status).toBe(401);
    const { token } = await api.register('fz');
    expect((await api.post('/api/articles/nope/favorite', undefined, token)).body).toEqual({
      errors: { article: ['not found'] },
    });
    expect((await api.delete('/api/articles/nope/favorite', token)).status).toBe(404);
  });

  it('accepts an empty JSON body on POST and DELETE', async () => {
    const { token } = await api.register('empty');
    const article = await api.createArticle(token);
    for (const method of ['POST', 'DELETE'] as const) {
      const response = await ctx.app.inject({
        method,
        url: `/api/articles/${article.slug}/favorite`,
        headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
        payload: '',
      });
      expect(response.statusCode).toBe(200);
    }
  });
});

describe('lists, filters, feed and tags', () => {
  it('lists newest first without bodies, with an exact count, paginated by limit and offset', async () => {
    const { token, username } = await api.register('pager');
    const slugs = [];
    for (let i = 0; i < 5; i++)
      slugs.push((await api.createArticle(token, { title: `Page ${i} ${uid()}` })).slug);
    const page1 = await api.get(`/api/articles?author=${username}&limit=2`);
    expect(page1.body.articlesCount).toBe(5);
    expect(page1.body.articles.map((a: { slug: string }) => a.slug)).toEqual([slugs[4], slugs[3]]);
    expect(page1.body.articles[0]).not.toHaveProperty('body');
    const page3 = await api.get(`/api/articles?author=${username}&limit=2&offset=4`);
    expect(page3.body.articles.map((a: { slug: string }) => a.slug)).toEqual([slugs[0]]);
    const beyond = await api.get(`/api/articles?author=${username}&offset=50`);
    expect(beyond.body).toEqual({ articles: [], articlesCount: 5 });
    expect((await api.get(`/api/articles?author=${username}&limit=0`)).body).toEqual({
      articles: [],
      articlesCount: 5,
    });
  });

  it('rejects bad paging with 422 rather than failing', async () => {
    for (const query of ['limit=abc', 'limit=-1', 'offset=-5', 'limit=101', 'limit=1.5', 'offset=1e40']) {
      const response = await api.get(`/api/articles?${query}`);
      expect(response.status, query).toBe(422);
      expect(response.body.errors).toBeTypeOf('object');
    }
  });

  it('filters by tag, author and favorited, and by several at once', async () => {
    const alice = await api.register('alice');
    const bob = await api.register('bob');
    const tag = uid('tag');
    const a1 = await api.createArticle(alice.token, { tagList: [tag] });
    await api.createArticle(alice.token);
    const b1 = await api.createArticle(bob.token, { tagList: [tag] });
    await api.post(`/api/articles/${b1.slug}/favorite`, undefined, alice.token);

    const byTag = await api.get(`/api/articles?tag=${tag}`);
    expect(byTag.body.articlesCount).toBe(2);
    expect(byTag.body.articles.every((a: { tagList: string[] }) => a.tagList.includes(tag))).toBe(true);
    expect((await api.get(`/api/articles?author=${alice.username}`)).body.articlesCount).toBe(2);
    expect(
      (await api.get(`/api/articles?tag=${tag}&author=${alice.username}`)).body.articles.map(
        (a: { slug: string }) => a.slug,
      ),
    ).toEqual([a1.slug]);
    const favorited = await api.get(`/api/articles?favorited=${alice.username}`, alice.token);
    expect(favorited.body.articles).toHaveLength(1);
    expect(favorited.body.articles[0]).toMatchObject({ slug: b1.slug, favorited: true, favoritesCount: 1 });
    expect((await api.get('/api/articles?author=no-such-user')).body).toEqual({
      articles: [],
      articlesCount: 0,
    });
  });

  it('feeds the articles of followed authors only, and requires a token', async () => {
    expect((await api.get('/api/articles/feed')).body).toEqual({ errors: { token: ['is missing'] } });
    const reader = await api.register('feeder');
    const star = await api.register('star');
    const stranger = await api.register('stranger');
    expect((await api.get('/api/articles/feed', reader.token)).body).toEqual({
      articles: [],
      articlesCount: 0,
    });
    await api.post(`/api/profiles/${star.username}/follow`, undefined, reader.token);
    const s1 = await api.createArticle(star.token);
    const s2 = await api.createArticle(star.token);
    await api.createArticle(stranger.token);
    const feed = await api.get('/api/articles/feed', reader.token);
    expect(feed.body.articlesCount).toBe(2);
    expect(feed.body.articles.map((a: { slug: string }) => a.slug)).toEqual([s2.slug, s1.slug]);
    expect(feed.body.articles[0]!.author.following).toBe(true);
    expect((await api.get('/api/articles/feed?limit=1&offset=1', reader.token)).body.articles[0]!.slug).toBe(
      s1.slug,
    );
  });

  it('lists tags in use, and drops a tag when its last article goes', async () => {
    const { token } = await api.register('tagger');
    const tag = uid('only');
    const article = await api.createArticle(token, { tagList: [tag] });
    expect((await api.get('/api/tags')).body.tags).toContain(tag);
    await api.delete(`/api/articles/${article.slug}`, token);
    expect((await api.get('/api/tags')).body.tags).not.toContain(tag);
  });

  it('runs the same number of SQL statements whatever the page size (no N+1)', async () => {
    const { token, username } = await api.register('nplus');
    const follower = await api.register('nfollow');
    await api.post(`/api/profiles/${username}/follow`, undefined, follower.token);
    for (let i = 0; i < 6; i++) await api.createArticle(token, { tagList: ['x', `y${i}`] });
    const count = async (url: string) => {
      ctx.queries.length = 0;
      const response = await api.get(url, follower.token);
      expect(response.status).toBe(200);
      return ctx.queries.length;
    };
    const one = await count(`/api/articles?author=${username}&limit=1`);
    const six = await count(`/api/articles?author=${username}&limit=6`);
    expect(one).toBeGreaterThan(0);
    expect(six).toBe(one);
    expect(await count('/api/articles/feed?limit=6')).toBe(await count('/api/articles/feed?limit=1'));
  });
});
