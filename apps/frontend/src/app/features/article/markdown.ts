import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * Markdown from the API as safe HTML: marked renders it, DOMPurify removes scripts, event handlers and
 * `javascript:` URLs (Angular's [innerHTML] sanitiser then checks it once more).
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
