import { expect, test, unique } from '../support/fixtures';

test('pagination moves through pages in the URL, and reload and back keep the page', async ({
  page,
  api,
}) => {
  const author = await api.register('pager');
  const tag = unique('paged');
  const titles: string[] = [];
  for (let i = 1; i <= 13; i += 1) {
    titles.push((await api.createArticle(author, { title: `${tag} number ${i}`, tagList: [tag] })).title);
  }
  const newestFirst = [...titles].reverse();

  await page.goto(`/tag/${tag}`);
  const previews = page.locator('.article-preview h1');
  await expect(previews).toHaveCount(10);
  await expect(previews).toHaveText(newestFirst.slice(0, 10));
  await expect(page.locator('.page-item')).toHaveCount(2);
  await expect(page.locator('.page-item.active')).toHaveText('1');

  await page.locator('.page-link', { hasText: '2' }).click();
  await expect(page).toHaveURL(`/tag/${tag}?page=2`);
  await expect(page.locator('.page-item.active')).toHaveText('2');
  await expect(previews).toHaveText(newestFirst.slice(10));

  await page.reload();
  await expect(page.locator('.page-item.active')).toHaveText('2');
  await expect(previews).toHaveText(newestFirst.slice(10));

  await page.goBack();
  await expect(page).toHaveURL(`/tag/${tag}`);
  await expect(previews).toHaveText(newestFirst.slice(0, 10));
  await page.goForward();
  await expect(page).toHaveURL(`/tag/${tag}?page=2`);
  await expect(previews).toHaveText(newestFirst.slice(10));
});

test('the author profile pages through the author’s articles', async ({ page, api }) => {
  const author = await api.register('prolific');
  for (let i = 1; i <= 11; i += 1)
    await api.createArticle(author, { title: `${author.username} piece ${i}` });
  await page.goto(`/profile/${author.username}?page=2`);
  await expect(page.locator('.article-preview')).toHaveCount(1);
  await expect(page.locator('.article-preview h1')).toHaveText(`${author.username} piece 1`);
  await expect(page.locator('.page-item.active')).toHaveText('2');
});
