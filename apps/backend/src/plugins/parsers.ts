import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../lib/errors.js';

/** Which thing a path parameter names, for the 404 of a value that cannot exist. */
const PARAM_THINGS: Record<string, string> = { username: 'profile', slug: 'article', id: 'comment' };

/** The field (object key) under which a NUL character hides in parsed JSON or a query, if any. */
function fieldWithNul(value: unknown, field: string): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? field : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\0')) return 'request';
    const found = fieldWithNul(child, Array.isArray(value) ? field : key);
    if (found) return found;
  }
  return undefined;
}

function rejectNul(request: FastifyRequest): void {
  for (const [name, value] of Object.entries((request.params ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' && value.includes('\0')) {
      throw new HttpError(404, { [PARAM_THINGS[name] ?? 'route']: ['not found'] });
    }
  }
  const field = fieldWithNul(request.query, 'query') ?? fieldWithNul(request.body, 'request');
  if (field) throw new HttpError(422, { [field]: ['must not contain NUL characters'] });
}

/**
 * How request bodies are read, and the one rule every text input shares: PostgreSQL cannot store a NUL
 * character, so one anywhere in a path, query or body is refused here, before validation and SQL.
 */
export default fp(
  async (app) => {
    // Some clients send `Content-Type: application/json` with an empty body on POST/DELETE; Fastify's
    // parser rejects that, the spec's clients expect it to work.
    const parseJson = app.getDefaultJsonParser('error', 'ignore');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
      parseJson(request, body as string, done);
    });
    app.addHook('preValidation', async (request) => rejectNul(request));
  },
  { name: 'parsers' },
);
