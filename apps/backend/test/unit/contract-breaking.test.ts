import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
const checker = new URL('../../../../packages/contract/scripts/check-breaking.mjs', import.meta.url).href;
const { breakingChanges } = (await import(checker)) as {
  breakingChanges: (base: Doc, head: Doc) => string[];
};
const committed: Doc = JSON.parse(
  readFileSync(new URL('../../../../packages/contract/openapi.json', import.meta.url), 'utf8'),
);
const edited = (change: (doc: Doc) => void) => {
  const copy = structuredClone(committed);
  change(copy);
  return breakingChanges(committed, copy);
};

describe('the contract breaking-change check', () => {
  it('passes the document against itself and against additions', () => {
    expect(breakingChanges(committed, committed)).toEqual([]);
    expect(
      edited((doc) => {
        doc.components.schemas.Profile.properties.pronouns = { type: 'string' };
        doc.paths['/api/new-thing'] = { get: { responses: {} } };
      }),
    ).toEqual([]);
  });

  it('fails on a removed path or operation', () => {
    expect(edited((doc) => delete doc.paths['/api/tags'])).toEqual(['GET /api/tags: removed']);
    expect(edited((doc) => delete doc.paths['/api/user'].put)).toEqual(['PUT /api/user: removed']);
  });

  it('fails on a removed response field, wherever the named schema is used', () => {
    const problems = edited((doc) => delete doc.components.schemas.Profile.properties.following);
    expect(problems).toContain('GET /api/profiles/{username} 200.profile.following: removed');
    expect(problems).toContain('GET /api/articles 200.articles[].author.following: removed');
  });

  it('fails on required changes: a request field newly required, a response field no longer required', () => {
    expect(edited((doc) => (doc.components.schemas.UpdateUser.properties.user.required = ['bio']))).toEqual([
      'PUT /api/user body.user.bio: became required',
    ]);
    expect(
      edited((doc) => {
        const summary = doc.components.schemas.ArticleSummary;
        summary.required = summary.required.filter((name: string) => name !== 'slug');
      }),
    ).toContain('GET /api/articles/{slug} 200.article.slug: no longer always present');
  });

  it('fails on a retyped field and a new required parameter', () => {
    expect(
      edited((doc) => (doc.components.schemas.ArticleListResponse.properties.articlesCount.type = 'string')),
    ).toContain('GET /api/articles/feed 200.articlesCount: type changed from integer to string');
    expect(
      edited(
        (doc) =>
          (doc.paths['/api/tags'].get.parameters = [{ in: 'query', name: 'q', required: true, schema: {} }]),
      ),
    ).toEqual(['GET /api/tags parameter query:q: new and required']);
  });
});
