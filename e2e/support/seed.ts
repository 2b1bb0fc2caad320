import type { APIRequestContext } from '@playwright/test';
import { unique, type Api, type TestUser } from './fixtures';

export interface Scene {
  author: TestUser;
  reader: TestUser;
  tag: string;
  slug: string;
  title: string;
}

/** An author with 11 articles under one tag (two pages), one of them commented and favourited by a reader
 * who follows the author. Enough to give every page of the app something to show. */
export async function seedScene(api: Api, request: APIRequestContext): Promise<Scene> {
  const author = await api.register('scene');
  const reader = await api.register('viewer');
  const tag = unique('scene');
  let last = { slug: '', title: '' };
  for (let i = 1; i <= 11; i += 1) {
    last = await api.createArticle(author, { title: `${tag} story ${i}`, tagList: [tag, 'shared'] });
  }
  await api.follow(reader, author.username);
  const auth = { Authorization: `Token ${reader.token}` };
  await request.post(`/api/articles/${last.slug}/favorite`, { headers: auth });
  await request.post(`/api/articles/${last.slug}/comments`, {
    headers: auth,
    data: { comment: { body: 'Nice story.' } },
  });
  return { author, reader, tag, slug: last.slug, title: last.title };
}
