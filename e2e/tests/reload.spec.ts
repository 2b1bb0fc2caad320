import type { Page } from '@playwright/test';
import { Api, expect, signInWithToken, test } from '../support/fixtures';
import { seedScene, type Scene } from '../support/seed';

interface RouteCase {
  path: (s: Scene) => string;
  /** What shows that the page, tab and page number came back after a reload. */
  check: (page: Page, s: Scene) => Promise<void>;
}

const activeTab = (page: Page) =>
  page.locator('.feed-toggle .nav-link.active, .articles-toggle .nav-link.active');

const routes: Record<string, RouteCase> = {
  home: {
    path: () => '/',
    check: async (page) => {
      await expect(activeTab(page)).toHaveText('Global Feed');
      await expect(page.locator('.article-preview').first()).toBeVisible();
    },
  },
  'your feed': {
    path: () => '/?feed=following',
    check: async (page, s) => {
      await expect(activeTab(page)).toHaveText('Your Feed');
      await expect(page.locator('.article-preview h1').first()).toHaveText(s.title);
    },
  },
  'tag page 2': {
    path: (s) => `/tag/${s.tag}?page=2`,
    check: async (page, s) => {
      await expect(activeTab(page)).toContainText(s.tag);
      await expect(page.locator('.page-item.active')).toHaveText('2');
      await expect(page.locator('.article-preview h1')).toHaveText(`${s.tag} story 1`);
    },
  },
  article: {
    path: (s) => `/article/${s.slug}`,
    check: async (page, s) => {
      await expect(page.locator('.article-page h1')).toHaveText(s.title);
      await expect(page.locator('.card:not(.comment-form) .card-block')).toHaveText('Nice story.');
      await expect(page.locator('button.btn-primary', { hasText: 'Unfavorite' }).first()).toBeVisible();
    },
  },
  profile: {
    path: (s) => `/profile/${s.author.username}`,
    check: async (page, s) => {
      await expect(page.locator('.user-info h4')).toHaveText(s.author.username);
      await expect(activeTab(page)).toHaveText('My Articles');
      await expect(page.locator(`button:has-text("Unfollow ${s.author.username}")`)).toBeVisible();
    },
  },
  favorites: {
    path: (s) => `/profile/${s.reader.username}/favorites`,
    check: async (page, s) => {
      await expect(activeTab(page)).toHaveText('Favorited Articles');
      await expect(page.locator('.article-preview h1')).toHaveText(s.title);
    },
  },
  settings: {
    path: () => '/settings',
    check: async (page, s) => {
      await expect(page.locator('input[name="username"]')).toHaveValue(s.reader.username);
      await expect(page.locator('input[name="email"]')).toHaveValue(s.reader.email);
    },
  },
  'new article': {
    path: () => '/editor',
    check: async (page) => {
      await expect(page.locator('input[name="title"]')).toHaveValue('');
      await expect(page.locator('button:has-text("Publish Article")')).toBeVisible();
    },
  },
};

test.describe('reload keeps the page, tab and page number', () => {
  let scene: Scene;
  test.beforeAll(async ({ request }) => {
    scene = await seedScene(new Api(request), request);
  });

  for (const [name, route] of Object.entries(routes)) {
    test(name, async ({ page }) => {
      await signInWithToken(page, scene.reader);
      await page.goto(route.path(scene));
      await route.check(page, scene);
      await page.reload();
      await expect(page).toHaveURL(route.path(scene));
      await route.check(page, scene);
    });
  }

  test('edit article (as its author)', async ({ page }) => {
    await signInWithToken(page, scene.author);
    const path = `/editor/${scene.slug}`;
    await page.goto(path);
    await expect(page.locator('input[name="title"]')).toHaveValue(scene.title);
    await page.reload();
    await expect(page).toHaveURL(path);
    await expect(page.locator('input[name="title"]')).toHaveValue(scene.title);
    await expect(page.locator('.editor-page .tag-pill')).toHaveCount(2);
  });

  test('login and register (signed out)', async ({ page }) => {
    for (const [path, heading] of [
      ['/login', 'Sign in'],
      ['/register', 'Sign up'],
    ] as const) {
      await page.goto(path);
      await page.reload();
      await expect(page).toHaveURL(path);
      await expect(page.locator('.auth-page h1')).toHaveText(heading);
    }
  });
});
