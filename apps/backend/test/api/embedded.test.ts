import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from '../helpers.js';

// A stand-in build of the frontend: what matters here is how the backend serves a folder of files.
const dist = mkdtempSync(path.join(tmpdir(), 'frontend-dist-'));
mkdirSync(path.join(dist, 'media'));
writeFileSync(
  path.join(dist, 'index.html'),
  '<!doctype html><title>Conduit</title><app-root>home</app-root>',
);
writeFileSync(path.join(dist, 'shell.html'), '<!doctype html><title>Conduit</title><app-root></app-root>');
writeFileSync(path.join(dist, 'main-ABCDEFGH.js'), 'console.log(1)');
writeFileSync(path.join(dist, 'favicon.ico'), 'icon');
writeFileSync(path.join(dist, 'main-ABCDEFGH.js.gz'), gzipSync('console.log(1)'));

const ctx = useApp({ FRONTEND_DIST: dist });

describe('embedded mode serves the compiled frontend on the same origin', () => {
  it('serves index.html at /, shell.html (no home banner) for app routes, never cached', async () => {
    for (const url of ['/', '/article/some-slug', '/profile/jake/favorites?x=1', '/login']) {
      const response = await ctx.app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain(
        url === '/' ? '<app-root>home</app-root>' : '<app-root></app-root>',
      );
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year, others must revalidate', async () => {
    const asset = await ctx.app.inject('/main-ABCDEFGH.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await ctx.app.inject('/favicon.ico')).headers['cache-control']).toBe('no-cache');
  });

  it('sends the pre-compressed copy to clients that accept it', async () => {
    const gzipped = await ctx.app.inject({
      url: '/main-ABCDEFGH.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.rawPayload).toEqual(gzipSync('console.log(1)'));
    const plain = await ctx.app.inject({
      url: '/main-ABCDEFGH.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1)');
  });

  it('keeps the API and missing files as JSON 404s', async () => {
    expect((await ctx.app.inject({ url: '/api/nope', headers: { accept: 'text/html' } })).json()).toEqual({
      errors: { route: ['not found'] },
    });
    expect((await ctx.app.inject({ url: '/missing.js', headers: { accept: 'text/html' } })).statusCode).toBe(
      404,
    );
    expect(
      (await ctx.app.inject({ url: '/../../etc/passwd', headers: { accept: 'text/html' } })).body,
    ).not.toMatch(/root:/);
    expect((await ctx.app.inject('/api/tags')).statusCode).toBe(200);
  });
});
