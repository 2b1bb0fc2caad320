// The first view: index.html paints the header and the home banner before any script, with its styles
// inline (no render-blocking stylesheet), and Angular takes over from it; other URLs get shell.html, the
// same paint without the home banner. The console-error fixture fails
// the test on any CSP violation the inline styles or the preload could cause.
import { expect, test } from '../support/fixtures';

test('index.html carries a styled static first paint, no render-blocking stylesheet and one small script', async ({
  request,
}) => {
  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<style>[^<]*\.home-page \.banner/);
  expect(html).not.toMatch(/<link rel="stylesheet"/);
  expect(html).toMatch(/<app-root>[\s\S]*<div class="banner">[\s\S]*<h1 class="logo-font">conduit<\/h1>/);
  expect(html).toMatch(
    /<link rel="preload" href="media\/titillium-web-latin-700-normal-[^"]+\.woff2" as="font"/,
  );
  // index.html loads main.js alone (no module preload: nothing but the document comes before the first
  // paint); main.js imports the app once that paint is on screen. Every start-up script carries V8's
  // compile hint (compiled off the main thread).
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link rel="modulepreload" href)="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  expect(scripts).toEqual([expect.stringMatching(/^main-[A-Za-z0-9_-]+\.js$/)]);
  const main = await (await request.get(`/${scripts[0]}`)).text();
  const app = /\bimport\(\s*[`'"]\.\/([^`'"]+\.js)[`'"]\s*\)/.exec(main);
  expect(app, 'main.js imports the app').not.toBeNull();
  const startup = [scripts[0]!, app![1]!];
  const appCode = await (await request.get(`/${app![1]}`)).text();
  startup.push(...[...appCode.matchAll(/\bfrom\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]!));
  expect(startup.length).toBeGreaterThan(2);
  // main.js preloads them together, from the list the build writes into index.html.
  const listed = /<meta name="startup-modules" content="([^"]*)">/.exec(html)?.[1]?.split(' ') ?? [];
  expect(listed).toEqual(expect.arrayContaining(startup.slice(1)));
  for (const script of startup) {
    expect(
      (await (await request.get(`/${script}`)).text()).startsWith('//# allFunctionsCalledOnLoad\n'),
      script,
    ).toBe(true);
  }
});

test('a URL other than the home page paints no home banner before Angular starts', async ({ page }) => {
  // The app's scripts are held back: what shows is index.html's (or shell.html's) static paint alone.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/main-[A-Za-z0-9_-]+\.js$/, async (route) => {
    await held;
    // The requests of the pages left before the release are gone: nothing to continue there.
    await route.continue().catch(() => undefined);
  });
  for (const url of ['/login', '/article/any-slug', '/profile/anyone']) {
    await page.goto(url, { waitUntil: 'commit' });
    await expect(page.locator('app-root > nav.navbar .navbar-brand'), url).toBeVisible();
    await expect(page.locator('.banner'), url).toHaveCount(0);
  }
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.locator('app-root > main .home-page .banner h1')).toHaveText('conduit');

  await page.goto('/login', { waitUntil: 'commit' });
  release();
  await expect(page.locator('.auth-page h1')).toHaveText('Sign in');
  await expect(page.locator('.banner')).toHaveCount(0);
});

test('the static paint shows without JavaScript, and Angular replaces it', async ({ browser, page, api }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const staticPage = await noScript.newPage();
  await staticPage.goto('/');
  await expect(staticPage.locator('.banner h1')).toHaveText('conduit');
  // The inline styles apply: the banner has the brand colour.
  expect(
    await staticPage.locator('.home-page .banner').evaluate((e) => getComputedStyle(e).backgroundColor),
  ).toBe('rgb(42, 125, 58)');
  await noScript.close();

  const author = await api.register('firstview');
  await api.createArticle(author);
  await page.goto('/');
  await expect(page.locator('.article-preview').first()).toBeVisible();
  await expect(page.locator('.banner')).toHaveCount(1);
  await expect(page.locator('app-root > app-header nav.navbar')).toHaveCount(1);
  // The subset icon font loads and draws every glyph the templates use: each is drawn wider or narrower
  // than U+F100, an Ionicons glyph the subset leaves out (drawn as a missing glyph).
  const icons = await page.evaluate(async () => {
    const glyphs = ['\uf129', '\uf12c', '\uf2bf', '\uf13d', '\uf141', '\uf217', '\uf219', '\uf252'];
    const faces = await document.fonts.load('16px Ionicons', glyphs.join(''));
    const context = document.createElement('canvas').getContext('2d')!;
    const width = (font: string, text: string) => {
      context.font = font;
      return context.measureText(text).width;
    };
    return {
      statuses: faces.map((face) => face.status),
      drawnByIonicons: glyphs.filter((g) => width('16px Ionicons', g) !== width('16px Ionicons', '\uf100')),
    };
  });
  expect(icons.statuses).toEqual(['loaded']);
  expect(icons.drawnByIonicons).toHaveLength(8);
});

test('the app is fetched only after the first contentful paint', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('app-root > app-header nav.navbar')).toHaveCount(1);
  const order = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    chunks: performance
      .getEntriesByType('resource')
      .filter((entry) => /\/chunk-[^/]+\.js$/.test(entry.name))
      .map((entry) => entry.startTime),
  }));
  expect(order.paint).toBeDefined();
  expect(order.chunks.length).toBeGreaterThan(0);
  expect(Math.min(...order.chunks)).toBeGreaterThanOrEqual(order.paint!);
});
