// What the UI does when the server or the network fails (issue 11, the reference app's conventions): the
// failures are made with Playwright's route interception, everything else is the real stack.
import type { Page, Route } from '@playwright/test';
import { expect, signInWithToken, test, type TestUser } from '../support/fixtures';

const UNABLE_TO_CONNECT = 'Unable to connect. Please check your internet connection.';
const authState = (page: Page) => page.evaluate(() => window.__conduit_debug__?.getAuthState());
const storedToken = (page: Page) => page.evaluate(() => localStorage.getItem('jwtToken'));

/** Only the start-up check of the token, not the settings form's PUT on the same URL. */
const USER_CHECK = (url: URL) => url.pathname === '/api/user';

test.describe('start-up when GET /api/user fails', () => {
  for (const status of [400, 401, 403, 404]) {
    test(`a ${status} means the token is bad: it is cleared and the reader is signed out`, async ({
      page,
      api,
    }) => {
      const user = await api.register('reject');
      await signInWithToken(page, user);
      await page.route(USER_CHECK, (route) =>
        route.fulfill({ status, json: { errors: { token: ['is not accepted'] } } }),
      );
      await page.goto('/');
      await expect.poll(() => authState(page)).toBe('unauthenticated');
      expect(await storedToken(page)).toBeNull();
      await expect(page.locator('.navbar a.nav-link', { hasText: 'Sign in' })).toBeVisible();
    });
  }

  const unreachable: Record<string, (route: Route) => Promise<void>> = {
    'a 503': (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }),
    'a 500': (route) => route.fulfill({ status: 500, json: { errors: { server: ['failed'] } } }),
    'a network failure': (route) => route.abort('internetdisconnected'),
    'a malformed body': (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"us' }),
    'an answer without a user': (route) => route.fulfill({ status: 200, json: { something: 'else' } }),
  };

  for (const [name, fail] of Object.entries(unreachable)) {
    test(`after ${name} the token is kept, the header says Connecting… and the reader signs in when the server answers`, async ({
      page,
      api,
    }) => {
      const user = await api.register('unreach');
      const article = await api.createArticle(user);
      await signInWithToken(page, user);
      await page.route(USER_CHECK, fail);
      await page.goto('/');

      await expect.poll(() => authState(page)).toBe('unavailable');
      await expect(page.locator('.navbar [role="status"]')).toHaveText('Connecting…');
      expect(await storedToken(page)).toBe(user.token);

      // Still unreachable after a reload: the token survives it.
      await page.reload();
      await expect.poll(() => authState(page)).toBe('unavailable');
      expect(await storedToken(page)).toBe(user.token);

      // Public pages can be read meanwhile.
      await expect(page.locator('.article-preview').first()).toBeVisible();
      await page.goto(`/article/${article.slug}`);
      await expect(page.locator('.article-page h1')).toHaveText(article.title);

      // The server answers again: signed in without a reload (the retry backs off, 1 s, 2 s, 4 s …).
      await page.unroute(USER_CHECK, fail);
      await expect.poll(() => authState(page), { timeout: 40_000 }).toBe('authenticated');
      await expect(page.locator('.navbar .nav-link', { hasText: user.username })).toBeVisible();
      await expect(page.locator('.navbar [role="status"]')).toHaveCount(0);
      await expect(page.locator('textarea[placeholder="Write a comment..."]')).toBeVisible();
    });
  }

  test('a check that never answers counts as unreachable', async ({ page, api }) => {
    test.setTimeout(90_000);
    const user = await api.register('hang');
    await signInWithToken(page, user);
    // Never fulfilled: the app's own timeout has to give up on it.
    await page.route(USER_CHECK, () => undefined);
    await page.goto('/');
    await expect.poll(() => authState(page)).toBe('loading');
    await expect.poll(() => authState(page), { timeout: 30_000 }).toBe('unavailable');
    expect(await storedToken(page)).toBe(user.token);
    await expect(page.locator('.navbar [role="status"]')).toHaveText('Connecting…');
  });
});

test.describe('a request that never reaches the server shows the reference wording', () => {
  /** The next request matching `method` and `path` fails as if the network were down. */
  async function cutOff(page: Page, method: string, path: RegExp): Promise<void> {
    await page.route(path, (route) =>
      route.request().method() === method ? route.abort('internetdisconnected') : route.fallback(),
    );
  }

  async function expectUnableToConnect(page: Page): Promise<void> {
    await expect(page.locator('.error-messages')).toHaveText(UNABLE_TO_CONNECT);
  }

  test('login', async ({ page, api }) => {
    const user = await api.register('offlogin');
    await page.goto('/login');
    await cutOff(page, 'POST', /\/api\/users\/login$/);
    await page.fill('input[name="email"]', user.email);
    await page.fill('input[name="password"]', user.password);
    await page.click('form button:has-text("Sign in")');
    await expectUnableToConnect(page);
    await expect(page).toHaveURL('/login');
  });

  test('register', async ({ page }) => {
    await page.goto('/register');
    await cutOff(page, 'POST', /\/api\/users$/);
    await page.fill('input[name="username"]', 'offline');
    await page.fill('input[name="email"]', 'offline@example.test');
    await page.fill('input[name="password"]', 'password123');
    await page.click('form button:has-text("Sign up")');
    await expectUnableToConnect(page);
    await expect(page).toHaveURL('/register');
  });

  test('settings', async ({ page, api }) => {
    const user = await api.register('offsettings');
    await signInWithToken(page, user);
    await page.goto('/settings');
    await cutOff(page, 'PUT', /\/api\/user$/);
    await page.fill('textarea[name="bio"]', 'Written offline');
    await page.click('button:has-text("Update Settings")');
    await expectUnableToConnect(page);
    await expect(page).toHaveURL('/settings');
  });

  test('editor, create and update', async ({ page, api }) => {
    const user = await api.register('offeditor');
    await signInWithToken(page, user);
    await page.goto('/editor');
    await cutOff(page, 'POST', /\/api\/articles$/);
    await page.fill('input[name="title"]', 'Never sent');
    await page.fill('input[name="description"]', 'No network');
    await page.fill('textarea[name="body"]', 'Body');
    await page.click('button:has-text("Publish Article")');
    await expectUnableToConnect(page);
    await expect(page.locator('input[name="title"]')).toHaveValue('Never sent');

    const article = await api.createArticle(user);
    await page.goto(`/editor/${article.slug}`);
    await expect(page.locator('input[name="title"]')).toHaveValue(article.title);
    await cutOff(page, 'PUT', new RegExp(`/api/articles/${article.slug}$`));
    await page.fill('input[name="title"]', 'Changed offline');
    await page.click('button:has-text("Publish Article")');
    await expectUnableToConnect(page);
    await expect(page.locator('input[name="title"]')).toHaveValue('Changed offline');
  });

  test('comment form', async ({ page, api }) => {
    const user = await api.register('offcomment');
    const article = await api.createArticle(user);
    await signInWithToken(page, user);
    await page.goto(`/article/${article.slug}`);
    await cutOff(page, 'POST', /\/comments$/);
    await page.fill('textarea[placeholder="Write a comment..."]', 'Lost words');
    await page.click('button:has-text("Post Comment")');
    await expectUnableToConnect(page);
    await expect(page.locator('textarea[placeholder="Write a comment..."]')).toHaveValue('Lost words');
  });
});

test.describe('profile that cannot be loaded', () => {
  const failures: Record<string, { fail: (route: Route) => Promise<void>; text: string | RegExp }> = {
    '404': {
      fail: (route) => route.fulfill({ status: 404, json: { errors: { profile: ['not found'] } } }),
      text: 'profile not found',
    },
    '500': {
      fail: (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }),
      text: 'Something went wrong. Please try again.',
    },
    'network failure': { fail: (route) => route.abort('internetdisconnected'), text: UNABLE_TO_CONNECT },
  };
  for (const [name, { fail, text }] of Object.entries(failures)) {
    test(`${name}: the page shows the error and no banner`, async ({ page, api }) => {
      const user = await api.register('noprofile');
      await page.route(/\/api\/profiles\/[^/]+$/, fail);
      await page.goto(`/profile/${user.username}`);
      await expect(page.locator('.profile-page .error-messages')).toHaveText(text);
      await expect(page.locator('.profile-page')).toBeVisible();
      await expect(page.locator('.user-info')).toHaveCount(0);
    });
  }

  test('a user that does not exist (the real 404)', async ({ page }) => {
    await page.goto('/profile/nobody-has-this-name-42');
    await expect(page.locator('.profile-page .error-messages')).not.toBeEmpty();
    await expect(page.locator('.user-info')).toHaveCount(0);
  });
});

test('the bio paragraph is always there: empty for no bio, never "null", never stale', async ({
  page,
  api,
}) => {
  const user: TestUser = await api.register('bio');
  await signInWithToken(page, user);
  await page.goto(`/profile/${user.username}`);
  const bio = page.locator('.user-info p');
  await expect(page.locator('.user-info h4')).toHaveText(user.username);
  await expect(bio).toHaveCount(1);
  await expect(bio).toHaveText('');

  await page.goto('/settings');
  await page.fill('textarea[name="bio"]', 'I like dragons');
  await page.click('button:has-text("Update Settings")');
  await expect(page).toHaveURL(`/profile/${user.username}`);
  await expect(bio).toHaveText('I like dragons');

  await page.goto('/settings');
  await page.fill('textarea[name="bio"]', '');
  await page.click('button:has-text("Update Settings")');
  await expect(page).toHaveURL(`/profile/${user.username}`);
  await expect(bio).toHaveCount(1);
  await expect(bio).toHaveText('');
  await expect(page.locator('.user-info')).not.toContainText('null');
});

test.describe('Your Feed', () => {
  test('signed out, /?feed=following goes to the login page', async ({ page }) => {
    await page.goto('/?feed=following');
    await expect(page).toHaveURL('/login');
    await expect(page.locator('h1')).toHaveText('Sign in');
  });

  test('empty, it says so and links to the Global Feed', async ({ page, api }) => {
    const user = await api.register('lonely');
    await signInWithToken(page, user);
    await page.goto('/?feed=following');
    const message = page.locator('.empty-feed-message');
    await expect(message).toContainText('Your feed is empty');
    await message.locator('a', { hasText: 'Global Feed' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.locator('.feed-toggle .nav-link.active')).toHaveText('Global Feed');
  });

  test('the global list keeps its own empty text', async ({ page }) => {
    await page.route(/\/api\/articles\?/, (route) =>
      route.fulfill({ json: { articles: [], articlesCount: 0 } }),
    );
    await page.goto('/');
    await expect(page.locator('.empty-feed-message')).toHaveText('No articles are here... yet.');
  });
});

test.describe('favourite and follow failures are shown', () => {
  test('favourite answered with a 500', async ({ page, api }) => {
    const author = await api.register('favauthor');
    const reader = await api.register('favreader');
    const article = await api.createArticle(author);
    await signInWithToken(page, reader);
    await page.goto(`/article/${article.slug}`);
    await page.route(/\/favorite$/, (route) => route.fulfill({ status: 500, body: 'boom' }));
    const favorite = page.locator('.banner button', { hasText: 'Favorite Article' });
    await favorite.click();
    await expect(page.locator('.banner .error-messages')).toHaveText(
      'Something went wrong. Please try again.',
    );
    await expect(favorite).toHaveClass(/btn-outline-primary/);
  });

  test('follow without a network', async ({ page, api }) => {
    const author = await api.register('folauthor');
    const reader = await api.register('folreader');
    await signInWithToken(page, reader);
    await page.goto(`/profile/${author.username}`);
    await page.route(/\/follow$/, (route) => route.abort('internetdisconnected'));
    await page.click(`button:has-text("Follow ${author.username}")`);
    await expect(page.locator('.user-info .error-messages')).toHaveText(UNABLE_TO_CONNECT);
    await expect(page.locator(`button:has-text("Follow ${author.username}")`)).toBeEnabled();
  });
});
