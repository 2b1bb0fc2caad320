// After `ng build`: makes the first paint independent of any other request. The global stylesheet (a few kB
// compressed) goes into index.html as a <style> element instead of a render-blocking <link>; the strict CSP
// allows inline styles ('unsafe-inline' in style-src) but no inline script, so no script-based loader is
// used. The logo font of the home banner, the first view's largest text, is preloaded. The start-up scripts
// get V8's compile hint, so that their functions compile off the main thread.
// index.html paints the home page (header and banner); shell.html, the same page without the banner, is what
// the servers answer for every other route (nginx.conf, the backend's frontend plugin), so that a
// non-home URL does not show the home banner until Angular starts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzippedSize, kB, STARTUP_JS_BUDGET, startupScripts } from './startup-scripts.ts';

const dist = resolve(import.meta.dirname, '../dist/browser');
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const link = /<link rel="stylesheet" href="(styles-[A-Z0-9]+\.css)"[^>]*>/.exec(html);
if (!link) throw new Error(`${indexPath}: no global stylesheet link to inline`);
const css = readFileSync(join(dist, link[1]), 'utf8');
// url(...) in the stylesheet is relative to its own folder, the root: the same as index.html's <base href="/">.
html = html.replace(link[0], () => `<style>${css}</style>`);

const logoFont = /url\("?(\.?\/?media\/titillium-web-latin-700-normal-[A-Z0-9]+\.woff2)"?\)/.exec(css);
if (!logoFont) throw new Error('the stylesheet has no Titillium Web 700 woff2 to preload');
const base = /<base [^>]*>/.exec(html);
if (!base) throw new Error(`${indexPath}: no <base> element`);
// After <base>, so that the relative href resolves against it on every route.
const preload = `<link rel="preload" href="${logoFont[1].replace(/^\.?\//, '')}" as="font" type="font/woff2" crossorigin>`;
html = html.replace(base[0], () => `${base[0]}\n    ${preload}`);

// Start-up calls most of the start-up scripts' functions. V8 compiles a function on its first call, on the
// main thread, inside start-up's long tasks; with this magic comment (Chrome 136+, ignored elsewhere) it
// compiles the whole file while streaming it, on a background thread. Only the start-up scripts: route
// chunks (markdown, sanitiser) use a small part of their code. The hashed names stay valid: the same build
// always adds the same line.
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const startup = startupScripts(dist, html);
if (startup.length === 0) throw new Error(`${indexPath}: no start-up script`);
for (const file of startup) {
  const path = join(dist, file);
  const code = readFileSync(path, 'utf8');
  if (!code.startsWith(COMPILE_HINT)) writeFileSync(path, COMPILE_HINT + code);
}
const startupGzip = startup.reduce((sum, file) => sum + gzippedSize(dist, file), 0);
if (startupGzip > STARTUP_JS_BUDGET)
  throw new Error(
    `the start-up scripts are ${kB(startupGzip)} gzip-compressed, over the ${kB(STARTUP_JS_BUDGET)} budget: ${startup.join(', ')}`,
  );

// main.js imports the app after the first paint; the modules that import pulls in are named here, so that
// main.js preloads them all at once instead of discovering them one import after another (a round trip
// each on a phone).
const loaded = new Set([...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1]!));
const startupModules = startup.filter((file) => !loaded.has(file));
html = html.replace(
  base[0],
  () => `${base[0]}\n    <meta name="startup-modules" content="${startupModules.join(' ')}">`,
);

writeFileSync(indexPath, html);
const homeMain = /<main id="main">[\s\S]*?<\/main>/.exec(html);
if (!homeMain?.[0].includes('class="banner"'))
  throw new Error(`${indexPath}: no <main> with the home banner`);
writeFileSync(join(dist, 'shell.html'), html.replace(homeMain[0], '<main id="main"></main>'));
console.log(
  `index.html: ${link[1]} inlined (${css.length} bytes), ${logoFont[1]} preloaded, ` +
    `compile hint on and startup-modules from ${startup.join(', ')} (${kB(startupGzip)} gzip, budget ${kB(STARTUP_JS_BUDGET)}); shell.html without the banner`,
);
