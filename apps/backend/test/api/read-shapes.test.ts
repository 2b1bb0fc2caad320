/**
 * The hot reads build their response JSON in PostgreSQL (src/repositories, `jsonOf`), where the compiler
 * cannot see it: every JSON read is checked here against the contract's response schema, on varied data
 * (null and set bio/image, no tags and the most tags, favorited and followed by the viewer or not, an
 * anonymous viewer, empty lists), for each statement shape (every list filter, the feed, one article,
 * comments, profile, tags, user). A field renamed, dropped, retyped or added in one statement fails here.
 */
import {
  ArticleListResponse,
  ArticleResponse,
  CommentListResponse,
  CommentResponse,
  Limits,
  ProfileResponse,
  TagsResponse,
  UserResponse,
} from '@proyecto06/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { client, conforms, uid, useApp } from '../helpers.js';

const ctx = useApp();
const api = client(ctx);

type Account = Awaited<ReturnType<typeof api.register>>;

describe('every JSON read matches the contract', () => {
  let plain: Account; // bio and image null, followed by nobody
  let styled: Account; // bio and image set, followed by the viewer
  let viewer: Account; // follows `styled`, favorites two articles
  let loner: Account; // follows nobody: an empty feed
  const tag = uid('shared');
  const manyTags = Array.from({ length: Limits.tags }, (_, i) => `${tag}-${String(i).padStart(2, '0')}`);
  const slugs = { untagged: '', tagged: '', styled: '' };

  beforeAll(async () => {
    [plain, styled, viewer, loner] = await Promise.all([
      api.register('plain'),
      api.register('styled'),
      api.register('viewer'),
      api.register('loner'),
    ]);
    conforms(
      UserResponse,
      await api.put(
        '/api/user',
        { user: { bio: 'Writes about dragons', image: 'https://example.com/styled.png' } },
        styled.token,
      ),
    );
    conforms(
      ProfileResponse,
      await api.post(`/api/profiles/${styled.username}/follow`, undefined, viewer.token),
    );

    slugs.untagged = (await api.createArticle(plain.token)).slug;
    slugs.tagged = (await api.createArticle(plain.token, { tagList: [tag, ...manyTags.slice(1)] })).slug;
    slugs.styled = (await api.createArticle(styled.token, { tagList: [tag] })).slug;
    for (const slug of [slugs.tagged, slugs.styled]) {
      conforms(ArticleResponse, await api.post(`/api/articles/${slug}/favorite`, undefined, viewer.token));
    }
    conforms(
      ArticleResponse,
      await api.put(`/api/articles/${slugs.untagged}`, { article: { body: 'Edited' } }, plain.token),
    );
    for (const [author, body] of [
      [styled, 'By a followed author'],
      [plain, 'By the author'],
    ] as const) {
      const url = `/api/articles/${slugs.tagged}/comments` as const;
      conforms(CommentResponse, await api.post(url, { comment: { body } }, author.token), 201);
    }
  });

  const viewers = () =>
    [
      ['anonymous', undefined],
      ['signed in', viewer.token],
    ] as const;

  it('article lists: every filter shape, for both viewers, full and empty', async () => {
    const lists = [
      '/api/articles?limit=5',
      `/api/articles?tag=${tag}`,
      `/api/articles?author=${plain.username}`,
      `/api/articles?favorited=${viewer.username}`,
      `/api/articles?tag=${tag}&author=${styled.username}`,
      `/api/articles?tag=${tag}&favorited=${viewer.username}`,
      `/api/articles?author=${plain.username}&favorited=${viewer.username}`,
      `/api/articles?tag=${tag}&author=${plain.username}&favorited=${viewer.username}`,
      `/api/articles?author=${loner.username}`,
      `/api/articles?tag=${tag}&offset=10`,
    ];
    for (const [who, token] of viewers()) {
      for (const url of lists) {
        const body = conforms(ArticleListResponse, await api.get(url, token), 200, `${url} (${who})`);
        expect(body.articles.length).toBeLessThanOrEqual(body.articlesCount);
      }
    }
    // The data above is varied as claimed (else the checks would pass on the easy cases only).
    const mine = conforms(ArticleListResponse, await api.get(`/api/articles?tag=${tag}`, viewer.token));
    expect(
      mine.articles.map((a) => [a.author.username, a.favorited, a.author.following, a.tagList.length]),
    ).toEqual([
      [styled.username, true, true, 1],
      [plain.username, true, false, Limits.tags],
    ]);
    expect(mine.articles[0]!.author).toMatchObject({ bio: 'Writes about dragons' });
    expect(mine.articles[1]!.author).toMatchObject({ bio: null, image: null });
    const empty = conforms(ArticleListResponse, await api.get(`/api/articles?author=${loner.username}`));
    expect(empty).toEqual({ articles: [], articlesCount: 0 });
  });

  it('the feed: followed authors, and empty for who follows nobody', async () => {
    const feed = conforms(ArticleListResponse, await api.get('/api/articles/feed', viewer.token));
    expect(feed.articles.map((a) => a.slug)).toEqual([slugs.styled]);
    expect(feed.articles[0]).toMatchObject({ favorited: true, author: { following: true } });
    const none = conforms(ArticleListResponse, await api.get('/api/articles/feed?limit=3', loner.token));
    expect(none).toEqual({ articles: [], articlesCount: 0 });
  });

  it('one article: no tags, the most tags, a followed author with bio and image', async () => {
    for (const [who, token] of viewers()) {
      for (const slug of Object.values(slugs)) {
        conforms(ArticleResponse, await api.get(`/api/articles/${slug}`, token), 200, `${slug} (${who})`);
      }
    }
    const untagged = conforms(ArticleResponse, await api.get(`/api/articles/${slugs.untagged}`));
    expect(untagged.article).toMatchObject({
      tagList: [],
      favorited: false,
      favoritesCount: 0,
      body: 'Edited',
    });
    const tagged = conforms(ArticleResponse, await api.get(`/api/articles/${slugs.tagged}`, viewer.token));
    expect(tagged.article).toMatchObject({ favorited: true, favoritesCount: 1 });
    expect(tagged.article.tagList).toEqual([tag, ...manyTags.slice(1)].sort());
  });

  it('comments: authors followed and not, for both viewers, and none', async () => {
    for (const [who, token] of viewers()) {
      for (const slug of Object.values(slugs)) {
        const url = `/api/articles/${slug}/comments` as const;
        conforms(CommentListResponse, await api.get(url, token), 200, `${url} (${who})`);
      }
    }
    const seen = conforms(
      CommentListResponse,
      await api.get(`/api/articles/${slugs.tagged}/comments`, viewer.token),
    );
    expect(seen.comments.map((c) => [c.author.username, c.author.following, c.author.bio])).toEqual([
      [plain.username, false, null],
      [styled.username, true, 'Writes about dragons'],
    ]);
    expect(conforms(CommentListResponse, await api.get(`/api/articles/${slugs.untagged}/comments`))).toEqual({
      comments: [],
    });
  });

  it('profiles, tags and the current user', async () => {
    for (const [who, token] of viewers()) {
      for (const account of [plain, styled, viewer]) {
        const url = `/api/profiles/${account.username}` as const;
        conforms(ProfileResponse, await api.get(url, token), 200, `${url} (${who})`);
      }
    }
    expect(
      conforms(ProfileResponse, await api.get(`/api/profiles/${styled.username}`, viewer.token)).profile,
    ).toMatchObject({ following: true, image: 'https://example.com/styled.png' });

    const { tags } = conforms(TagsResponse, await api.get('/api/tags'));
    expect(tags).toContain(tag);

    for (const account of [plain, styled]) {
      const { user } = conforms(UserResponse, await api.get('/api/user', account.token));
      expect(user.username).toBe(account.username);
    }
  });
});
