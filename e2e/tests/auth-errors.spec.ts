import { expect, test } from '../support/fixtures';

test('a wrong password shows the server error and keeps the visitor signed out', async ({ page, api }) => {
  const user = await api.register('wrongpass');
  await page.goto('/login');
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', 'not-the-password');
  await page.click('form button:has-text("Sign in")');
  await expect(page.locator('.error-messages li')).not.toHaveCount(0);
  await expect(page.locator('.error-messages')).toContainText(/invalid|incorrect|wrong/i);
  await expect(page).toHaveURL('/login');
  expect(await page.evaluate(() => localStorage.getItem('jwtToken'))).toBeNull();
  expect(await page.evaluate(() => window.__conduit_debug__?.getAuthState())).toBe('unauthenticated');
});

test('a taken username shows the conflict from the server', async ({ page, api }) => {
  const existing = await api.register('taken');
  await page.goto('/register');
  await page.fill('input[name="username"]', existing.username);
  await page.fill('input[name="email"]', `other-${existing.email}`);
  await page.fill('input[name="password"]', 'password123');
  await page.click('form button:has-text("Sign up")');
  await expect(page.locator('.error-messages')).toContainText(/username.*(taken|exists|use)/i);
  await expect(page).toHaveURL('/register');
  expect(await page.evaluate(() => localStorage.getItem('jwtToken'))).toBeNull();
});

test('a rejected stored token signs the visitor out instead of breaking the page', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('jwtToken', 'not-a-valid-token'));
  await page.goto('/settings');
  await expect(page).toHaveURL('/login');
  expect(await page.evaluate(() => localStorage.getItem('jwtToken'))).toBeNull();
});
