import { randomBytes } from 'node:crypto';

/** Lower-case words of the title joined by dashes; letters of any script are kept. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** A short random suffix that keeps slugs of equal titles apart. */
export function slugSuffix(): string {
  return randomBytes(4).toString('hex').slice(0, 6);
}

// Words that follow /api/articles/ in a route of their own: an article there would be unreachable.
const RESERVED = new Set(['feed']);

export function isReservedSlug(slug: string): boolean {
  return RESERVED.has(slug);
}
