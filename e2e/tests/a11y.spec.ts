import { Api, expect, expectAccessible, signInWithToken, test } from '../support/fixtures';
import { seedScene, type Scene } from '../support/seed';

test.describe('axe finds no serious or critical violations', () => {
  // axe takes a few seconds per page on a 2-core machine.
  test.describe.configure({ timeout: 180_000 });
  let scene: Scene;
  test.beforeAll(async ({ request }) => {
    scene = await seedScene(new Api(request), request);
  });

  test('signed-out pages', async ({ page }) => {
    for (const path of [
      '/',
      `/tag/${scene.tag}`,
      '/login',
      '/register',
      `/article/${scene.slug}`,
      `/profile/${scene.author.username}`,
    ]) {
      await page.goto(path);
      await expect(page.locator('main')).not.toContainText('Loading');
      await expectAccessible(page);
    }
  });

  test('signed-in pages', async ({ page }) => {
    await signInWithToken(page, scene.author);
    for (const path of [
      '/',
      '/?feed=following',
      `/article/${scene.slug}`,
      `/profile/${scene.author.username}`,
      `/profile/${scene.reader.username}/favorites`,
      '/editor',
      `/editor/${scene.slug}`,
      '/settings',
    ]) {
      await page.goto(path);
      await expect(page.locator('.navbar')).toContainText(scene.author.username);
      await expect(page.locator('main')).not.toContainText('Loading');
      await expectAccessible(page);
    }
  });

  test('error messages', async ({ page }) => {
    await page.goto('/login');
    await page.fill('input[name="email"]', 'nobody@example.test');
    await page.fill('input[name="password"]', 'wrong-password');
    await page.click('form button:has-text("Sign in")');
    await expect(page.locator('.error-messages')).toBeVisible();
    await expectAccessible(page);
  });
});
