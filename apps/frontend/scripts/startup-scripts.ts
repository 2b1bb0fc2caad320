// The scripts the first view runs: what index.html loads (the entry script and its module preloads), what
// the entry imports once the first paint is on screen (main.ts's dynamic import of the app) and everything
// those import statically. Route chunks (import() inside them) are not part of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
