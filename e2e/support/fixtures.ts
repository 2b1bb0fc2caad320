import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ArticleResponse, NewArticle as NewArticleBody, User, UserResponse } from '@proyecto06/contract';

export { expect };

let counter = 0;
/** Names unique to this run, so the suite can run again on the same database. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** A registered user as the API answers it, with the password it was registered with. */
export type TestUser = Pick<User, 'username' | 'email' | 'token'> & { password: string };

export type NewArticle = Required<NewArticleBody['article']>;

/** Talks to the API directly, to set up what a test is not about. */
export class Api {
  constructor(private readonly request: APIRequestContext) {}

  async register(prefix = 'user'): Promise<TestUser> {
    const username = unique(prefix);
    const user = { username, email: `${username}@example.test`, password: 'password123' };
    const response = await this.request.post('/api/users', { data: { user } });
    expect(response.status(), await response.text()).toBe(201);
    const body = (await response.json()) as UserResponse;
    return { ...user, token: body.user.token };
  }

  async createArticle(
    author: TestUser,
    article: Partial<NewArticle> = {},
  ): Promise<{ slug: string; title: string }> {
    const data: NewArticle = {
      title: unique('Article '),
      description: 'What it is about',
      body: 'Some *markdown* body.',
      tagList: [],
      ...article,
    };
    const response = await this.request.post('/api/articles', {
      data: { article: data },
      headers: { Authorization: `Token ${author.token}` },
    });
    expect(response.status(), await response.text()).toBe(201);
    const { slug, title } = ((await response.json()) as ArticleResponse).article;
    return { slug, title };
  }

  async follow(follower: TestUser, username: string): Promise<void> {
    const response = await this.request.post(`/api/profiles/${username}/follow`, {
      headers: { Authorization: `Token ${follower.token}` },
    });
    expect(response.ok()).toBe(true);
  }
}

/** Signs the page in as `user` the way the app does: the token in localStorage under `jwtToken`. */
export async function signInWithToken(page: Page, user: TestUser): Promise<void> {
  await page.goto('/login');
  await page.evaluate((token) => localStorage.setItem('jwtToken', token), user.token);
}

/** No serious or critical axe violations (WCAG 2.1 A/AA and best practices) on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Every test fails on an uncaught exception or a console error in the page. Chromium's own line for an HTTP
 * error status ("Failed to load resource") is not the app's and is let through: some tests cause 401/404/409.
 */
export const test = base.extend<{ api: Api; consoleErrors: string[] }>({
  api: async ({ request }, use) => {
    await use(new Api(request));
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          errors.push(`console.error: ${message.text()}`);
        }
      });
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});
