import { expect, test, unique } from '../support/fixtures';

// The whole life of an article, through the UI only (the second user is set up through the API).
test('register, write, edit, comment, favourite, follow, update settings and log out', async ({
  page,
  api,
  browser,
}) => {
  // Many steps in one test: allow for a slow, shared 2-core machine.
  test.setTimeout(180_000);
  const username = unique('author');
  const email = `${username}@example.test`;
  const password = 'password123';
  const tag = unique('tag');
  const title = unique('Journey ');

  await test.step('register', async () => {
    await page.goto('/register');
    await expect(page.locator('.auth-page h1')).toHaveText('Sign up');
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.click('button:has-text("Sign up")');
    await expect(page).toHaveURL('/');
    await expect(page.locator('.navbar')).toContainText(username);
    expect(await page.evaluate(() => localStorage.getItem('jwtToken'))).toBeTruthy();
    expect(await page.evaluate(() => window.__conduit_debug__?.getAuthState())).toBe('authenticated');
    await expect(page.locator('.navbar .user-pic')).toHaveAttribute('src', /default-avatar\.svg/);
  });

  await test.step('log out and log in again', async () => {
    await page.goto('/settings');
    await page.click('button:has-text("Or click here to logout")');
    await expect(page).toHaveURL('/');
    await expect(page.locator('.navbar')).toContainText('Sign in');
    expect(await page.evaluate(() => localStorage.getItem('jwtToken'))).toBeNull();

    await page.click('.navbar a:has-text("Sign in")');
    await expect(page.locator('.auth-page h1')).toHaveText('Sign in');
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.click('form button:has-text("Sign in")');
    await expect(page).toHaveURL('/');
    await expect(page.locator('.navbar')).toContainText(username);
  });

  let articleUrl = '';
  await test.step('write an article with tags', async () => {
    await page.click('.navbar a:has-text("New Article")');
    await expect(page).toHaveURL('/editor');
    await page.fill('input[name="title"]', title);
    await page.fill('input[name="description"]', 'A journey through the app');
    await page.fill('textarea[name="body"]', '## Heading\n\nThe **first** version.');
    await page.fill('input[placeholder="Enter tags"]', tag);
    await page.press('input[placeholder="Enter tags"]', 'Enter');
    await page.fill('input[placeholder="Enter tags"]', 'journey');
    await page.press('input[placeholder="Enter tags"]', 'Enter');
    await expect(page.locator('.editor-page .tag-pill')).toHaveCount(2);
    await page.click('button:has-text("Publish Article")');
    await expect(page).toHaveURL(/\/article\//);
    articleUrl = new URL(page.url()).pathname;
    await expect(page.locator('.article-page h1')).toHaveText(title);
    await expect(page.locator('.article-content h2')).toHaveText('Heading');
    await expect(page.locator('.article-content strong')).toHaveText('first');
    await expect(page.locator('.article-content .tag-list')).toContainText(tag);
  });

  await test.step('see it in the global feed and in its tag feed', async () => {
    await page.click('.navbar a.nav-link:has-text("Home")');
    await page.click('.feed-toggle a.nav-link:has-text("Global Feed")');
    await expect(page).toHaveURL('/');
    await expect(page.locator('.article-preview').first()).toContainText(title);
    await page.locator('.sidebar .tag-list a', { hasText: tag }).click();
    await expect(page).toHaveURL(`/tag/${tag}`);
    await expect(page.locator('.feed-toggle .nav-link.active')).toContainText(tag);
    await expect(page.locator('.article-preview')).toHaveCount(1);
    await expect(page.locator('.article-preview h1')).toHaveText(title);
  });

  await test.step('edit it', async () => {
    await page.click('.article-preview .preview-link');
    await expect(page).toHaveURL(articleUrl);
    await page.locator('a:has-text("Edit Article")').first().click();
    await expect(page).toHaveURL(`/editor${articleUrl.replace('/article', '')}`);
    await expect(page.locator('input[name="title"]')).toHaveValue(title);
    await expect(page.locator('.editor-page .tag-pill')).toHaveCount(2);
    await page.fill('textarea[name="body"]', '## Heading\n\nThe **second** version.');
    await page.click('button:has-text("Publish Article")');
    await expect(page).toHaveURL(/\/article\//);
    await expect(page.locator('.article-content strong')).toHaveText('second');
  });

  await test.step('comment and delete the comment', async () => {
    await page.fill('textarea[placeholder="Write a comment..."]', 'A first comment');
    await page.click('button:has-text("Post Comment")');
    const comments = page.locator('.card:not(.comment-form) .card-block');
    await expect(comments).toHaveCount(1);
    await expect(comments.first()).toHaveText('A first comment');
    await expect(page.locator('textarea[placeholder="Write a comment..."]')).toHaveValue('');
    await expect(page.locator('.card:not(.comment-form) .comment-author-img')).toHaveAttribute(
      'src',
      /default-avatar\.svg/,
    );

    await page.reload();
    await expect(comments).toHaveCount(1);
    await page.click('.mod-options .ion-trash-a');
    await expect(comments).toHaveCount(0);
    await page.reload();
    await expect(page.locator('.article-page h1')).toBeVisible();
    await expect(comments).toHaveCount(0);
  });

  await test.step('favourite it from the feed', async () => {
    await page.goto(`/tag/${tag}`);
    const button = page.locator('.article-preview button.btn-outline-primary');
    await expect(button).toContainText('0');
    await button.click();
    await expect(page.locator('.article-preview button.btn-primary')).toContainText('1');
    await page.goto(`/profile/${username}/favorites`);
    await expect(page.locator('.article-preview h1')).toHaveText(title);
  });

  await test.step('another user follows the author and sees the article in Your Feed', async () => {
    const reader = await api.register('reader');
    const context = await browser.newContext();
    const readerPage = await context.newPage();
    await readerPage.goto('/login');
    await readerPage.fill('input[name="email"]', reader.email);
    await readerPage.fill('input[name="password"]', reader.password);
    await readerPage.click('form button:has-text("Sign in")');
    await expect(readerPage.locator('.navbar')).toContainText(reader.username);

    await readerPage.click('.feed-toggle a.nav-link:has-text("Your Feed")');
    await expect(readerPage).toHaveURL('/?feed=following');
    await expect(readerPage.locator('.empty-feed-message')).toBeVisible();

    await readerPage.goto(`/profile/${username}`);
    await readerPage.click(`button:has-text("Follow ${username}")`);
    await expect(readerPage.locator(`button:has-text("Unfollow ${username}")`)).toBeVisible();

    await readerPage.goto('/?feed=following');
    await expect(readerPage.locator('.feed-toggle .nav-link.active')).toHaveText('Your Feed');
    await expect(readerPage.locator('.article-preview h1').first()).toHaveText(title);
    await context.close();
  });

  await test.step('update settings', async () => {
    await page.goto('/settings');
    await expect(page.locator('input[name="username"]')).toHaveValue(username);
    await page.fill('textarea[name="bio"]', 'I write journeys.');
    const image = `${new URL(page.url()).origin}/default-avatar.svg?custom`;
    await page.fill('input[name="image"]', image);
    await page.click('button:has-text("Update Settings")');
    await expect(page).toHaveURL(`/profile/${username}`);
    await expect(page.locator('.user-info')).toContainText('I write journeys.');
    await expect(page.locator('.user-info .user-img')).toHaveAttribute('src', image);
    await page.reload();
    await expect(page.locator('.user-info')).toContainText('I write journeys.');
  });

  await test.step('log out', async () => {
    await page.goto('/settings');
    await page.click('button:has-text("Or click here to logout")');
    await expect(page).toHaveURL('/');
    await expect(page.locator('.navbar')).toContainText('Sign up');
    expect(await page.evaluate(() => window.__conduit_debug__?.getAuthState())).toBe('unauthenticated');
    await page.goto('/settings');
    await expect(page).toHaveURL('/login');
  });
});
