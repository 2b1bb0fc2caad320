import { expect, test } from '../support/fixtures';

test('markdown with a script tag is rendered without running it', async ({ page, api }) => {
  const author = await api.register('mallory');
  const article = await api.createArticle(author, {
    body: [
      'Safe **text** before.',
      '',
      '<script>window.__xss = "script"</script>',
      '',
      '<img src="/nope.png" onerror="window.__xss = \'onerror\'">',
      '',
      "[a link](javascript:window.__xss='link')",
    ].join('\n'),
  });
  await page.goto(`/article/${article.slug}`);
  await expect(page.locator('.article-content strong')).toHaveText('text');
  await expect(page.locator('.article-content script')).toHaveCount(0);
  await expect(page.locator('.article-content img')).toHaveCount(0);
  // The raw HTML is shown to the reader as text.
  await expect(page.locator('.article-content')).toContainText('<script>window.__xss = "script"</script>');
  await expect(page.locator('.article-content [onerror]')).toHaveCount(0);
  await expect(page.locator('.article-content a[href^="javascript:"]')).toHaveCount(0);
  await page
    .locator('.article-content a', { hasText: 'a link' })
    .click()
    .catch(() => undefined);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});
