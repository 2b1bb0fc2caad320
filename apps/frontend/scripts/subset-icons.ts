// Writes src/styles/ionicons-subset.woff2: the Ionicons v2 font (npm ionicons@2, 68 kB as woff) cut down to
// the glyphs that src/styles/fonts.css maps to classes. Run it after adding an icon class there:
//   node scripts/subset-icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import subsetFont from 'subset-font';

const app = resolve(import.meta.dirname, '..');
const css = readFileSync(resolve(app, 'src/styles/fonts.css'), 'utf8');
const codepoints = [...css.matchAll(/content: '\\([0-9a-f]{4})'/g)].map((m) => parseInt(m[1] ?? '', 16));
if (codepoints.length === 0) throw new Error('fonts.css maps no icon glyphs');

const source = readFileSync(createRequire(import.meta.url).resolve('ionicons/fonts/ionicons.ttf'));
const subset = await subsetFont(source, String.fromCodePoint(...codepoints), { targetFormat: 'woff2' });
const output = resolve(app, 'src/styles/ionicons-subset.woff2');
writeFileSync(output, subset);
console.log(`${output}: ${codepoints.length} glyphs, ${subset.length} bytes`);
