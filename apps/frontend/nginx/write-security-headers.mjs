// Writes nginx's security-headers.conf from its template, allowing exactly the inline scripts that the
// production build put in index.html (by SHA-256, as CSP Level 2 defines), and nothing else inline.
//   node write-security-headers.mjs <index.html> <template> <output>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const [indexPath, templatePath, outputPath] = process.argv.slice(2);
if (!outputPath) {
  console.error('usage: write-security-headers.mjs <index.html> <template> <output>');
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');
const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
const placeholder = '__INLINE_SCRIPT_HASHES__';
const template = readFileSync(templatePath, 'utf8');
if (template.split(placeholder).length !== 2) {
  console.error(`${templatePath} must hold the placeholder ${placeholder} exactly once`);
  process.exit(1);
}
writeFileSync(outputPath, template.replace(placeholder, [...new Set(hashes)].join(' ')));
console.log(`CSP: ${hashes.length} inline script(s) of ${indexPath} allowed by hash`);
