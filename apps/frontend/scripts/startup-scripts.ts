// The scripts the first view runs: what index.html loads (the entry script and its module preloads), what
// the entry imports once the first paint is on screen (main.ts's dynamic import of the app) and everything
// those import statically. Route chunks (import() inside them) are not part of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const staticImports = (code: string) =>
  [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
const dynamicImports = (code: string) =>
  [...code.matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);

export function startupScripts(dist: string, html: string): string[] {
  const fromHtml = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link rel="modulepreload" href)="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const entries = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1]!);
  const pending = [...fromHtml, ...entries.flatMap((entry) => dynamicImports(read(dist, entry)))];
  const found = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    pending.push(...staticImports(read(dist, file)));
  }
  return [...found];
}

const read = (dist: string, file: string) => readFileSync(join(dist, file), 'utf8');

/**
 * The cap on the first view's JavaScript, gzip-compressed. Angular's "initial" budget in
 * angular.json sees only main.js (a small loader: the app is a dynamic import after the first paint), so
 * the build checks this one itself (finish-index.ts).
 */
export const STARTUP_JS_BUDGET = 150 * 1024;

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The size of a file of the build once gzip-compressed (level 9, as the pre-compressed copies). */
export const gzippedSize = (dist: string, file: string) =>
  gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
