// After `ng build`: makes the first paint independent of any other request. The global stylesheet (a few kB
// compressed) goes into index.html as a <style> element instead of a render-blocking <link>; the strict CSP
// allows inline styles ('unsafe-inline' in style-src) but no inline script, so no script-based loader is
// used. The logo font of the home banner, the first view's largest text, is preloaded.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

writeFileSync(indexPath, html);
console.log(`index.html: ${link[1]} inlined (${css.length} bytes), ${logoFont[1]} preloaded`);
