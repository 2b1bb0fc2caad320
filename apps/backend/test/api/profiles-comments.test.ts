import { describe, expect, it } from 'vitest';
import { client, malformed, useApp } from '../helpers.js';

const ctx = useApp();
const api = client(ctx);

describe('profiles and follows', () => {
  it('shows a profile with following as seen by the viewer, and follow/unfollow persist', async () => {
    const me = await api.register('fan');
    const celeb = await api.register('celeb');
    const anonymous = await api.get(`/api/profiles/${celeb.username}`);
    expect(anonymous).toMatchObject({
      status: 200,
      body: { profile: { username: celeb.username, bio: null, image: null, following: false } },
    });

    const followed = await api.post(`/api/profiles/${celeb.username}/follow`, undefined, me.token);
    expect(followed.body.profile.following).toBe(true);
    expect(
      (await api.post(`/api/profiles/${celeb.username}/follow`, undefined, me.token)).body.profile.following,
    ).toBe(true);
    expect((await api.get(`/api/profiles/${celeb.username}`, me.token)).body.profile.following).toBe(true);
    expect((await api.get(`/api/profiles/${celeb.username}`)).body.profile.following).toBe(false);

    const unfollowed = await api.delete(`/api/profiles/${celeb.username}/follow`, me.token);
    expect(unfollowed.body.profile.following).toBe(false);
    expect((await api.get(`/api/profiles/${celeb.username}`, me.token)).body.profile.following).toBe(false);
  });

  it('checks authentication before existence, then 404s unknown users', async () => {
    expect((await api.post('/api/profiles/nobody-here/follow')).body).toEqual({
      errors: { token: ['is missing'] },
    });
    expect((await api.delete('/api/profiles/nobody-here/follow')).status).toBe(401);
    const { token } = await api.register('x');
    expect(await api.post('/api/profiles/nobody-here/follow', undefined, token)).toMatchObject({
      status: 404,
      body: { errors: { profile: ['not found'] } },
    });
    expect((await api.get('/api/profiles/nobody-here')).status).toBe(404);
  });

  it('following yourself is harmless', async () => {
    const me = await api.register('self');
    const response = await api.post(`/api/profiles/${me.username}/follow`, undefined, me.token);
    expect(response.status).toBe(200);
    expect(response.body.profile.following).toBe(false);
  });
});

describe('comments', () => {
  it('creates, lists newest first, and deletes comments; only the author deletes', async () => {
    const author = await api.register('writer');
    const reader = await api.register('reader');
    const article = await api.createArticle(author.token);
    const url = `/api/articles/${article.slug}/comments` as const;

    const first = await api.post(url, { comment: { body: 'First!' } }, reader.token);
    expect(first.status).toBe(201);
    expect(first.body.comment).toMatchObject({
      body: 'First!',
      author: { username: reader.username, following: false },
    });
    expect(Number.isInteger(first.body.comment.id)).toBe(true);
    expect(first.body.comment.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const second = await api.post(url, { comment: { body: 'Second' } }, author.token);

    const listed = await api.get(url);
    expect(listed.body.comments.map((c: { body: string }) => c.body)).toEqual(['Second', 'First!']);

    const forbidden = await api.delete(`${url}/${first.body.comment.id}`, author.token);
    expect(forbidden).toMatchObject({ status: 403, body: { errors: { comment: ['forbidden'] } } });
    expect((await api.get(url)).body.comments).toHaveLength(2);

    expect((await api.delete(`${url}/${first.body.comment.id}`, reader.token)).status).toBe(204);
    const after = await api.get(url, reader.token);
    expect(after.body.comments.map((c: { id: number }) => c.id)).toEqual([second.body.comment.id]);
  });

  it('shows following on comment authors for the viewer', async () => {
    const author = await api.register('wa');
    const reader = await api.register('wb');
    const article = await api.createArticle(author.token);
    await api.post(`/api/articles/${article.slug}/comments`, { comment: { body: 'hi' } }, author.token);
    await api.post(`/api/profiles/${author.username}/follow`, undefined, reader.token);
    const listed = await api.get(`/api/articles/${article.slug}/comments`, reader.token);
    expect(listed.body.comments[0]!.author.following).toBe(true);
  });

  it('validates, and reports unknown articles and comments', async () => {
    const { token } = await api.register('c');
    const article = await api.createArticle(token);
    const url = `/api/articles/${article.slug}/comments` as const;
    expect((await api.post(url, { comment: { body: '' } }, token)).body).toEqual({
      errors: { body: ["can't be blank"] },
    });
    expect((await api.post(url, malformed({ comment: {} }), token)).status).toBe(422);
    expect((await api.post(url, { comment: { body: 'x' } })).status).toBe(401);
    expect((await api.post('/api/articles/nope/comments', { comment: { body: 'x' } }, token)).body).toEqual({
      errors: { article: ['not found'] },
    });
    expect((await api.get('/api/articles/nope/comments')).status).toBe(404);
    expect((await api.delete('/api/articles/nope/comments/1', token)).body).toEqual({
      errors: { article: ['not found'] },
    });
    expect((await api.delete(`${url}/99999`, token)).body).toEqual({ errors: { comment: ['not found'] } });
    expect((await api.delete(`${url}/abc`, token)).status).toBe(422);
    expect((await api.delete(`${url}/99999999999999`, token)).status).toBe(422);
  });

  it('removes comments with their article', async () => {
    const { token } = await api.register('cascade');
    const article = await api.createArticle(token);
    await api.post(`/api/articles/${article.slug}/comments`, { comment: { body: 'gone soon' } }, token);
    expect((await api.delete(`/api/articles/${article.slug}`, token)).status).toBe(204);
    expect((await api.get(`/api/articles/${article.slug}/comments`)).status).toBe(404);
  });
});
