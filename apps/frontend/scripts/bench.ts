// Frontend numbers, for people (not CI): the initial bundle size (raw and gzip) of the production build, and
// a Lighthouse run (npm `lighthouse`, system Chromium) of the home page with 20 articles, served by the
// backend in embedded mode (PGlite in a temporary folder, so no database server is needed).
//   node scripts/bench.ts [--skip-build]      env: CHROME_PATH (default /usr/bin/chromium), BENCH_PORT
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const app = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(app, '../..');
const dist = join(app, 'dist/browser');
const port = Number(process.env.BENCH_PORT ?? 18500);
const origin = `http://127.0.0.1:${port}`;
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE = 'lighthouse@13.5.0';
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

if (!process.argv.includes('--skip-build')) {
  execFileSync('npx', ['ng', 'build'], { cwd: app, stdio: 'inherit' });
  execFileSync('npm', ['run', 'build', '-w', '@proyecto06/backend'], { cwd: root, stdio: 'inherit' });
}

// 1. Initial bundle: what index.html loads before any lazy route (scripts, module preloads, stylesheets).
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...index.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g)].map(
  (m) => m[1],
);
const files = [...new Set(initial)];
let raw = 0;
let gzip = 0;
console.log('\nInitial bundle');
for (const file of files) {
  const content = readFileSync(join(dist, file));
  const zipped = gzipSync(content, { level: 9 }).length;
  raw += content.length;
  gzip += zipped;
  console.log(`  ${file.padEnd(28)} ${kB(content.length).padStart(10)} raw ${kB(zipped).padStart(9)} gzip`);
}
console.log(`  ${'total'.padEnd(28)} ${kB(raw).padStart(10)} raw ${kB(gzip).padStart(9)} gzip`);

// 2. The stack: the backend in embedded mode serving the build, seeded with 20 articles.
const dataDir = mkdtempSync(join(tmpdir(), 'conduit-bench-'));
const env = {
  ...process.env,
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  PORT: String(port),
  DATA_DIR: dataDir,
  FRONTEND_DIST: dist,
  LOG_LEVEL: 'warn',
};
delete env.DATABASE_URL; // embedded PGlite
const backend = spawn('node', ['dist/server.js'], { cwd: join(root, 'apps/backend'), env, stdio: 'inherit' });
const stop = () => {
  backend.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('exit', stop);

async function waitReady() {
  for (let i = 0; i < 480; i += 1) {
    try {
      if ((await fetch(`${origin}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('backend did not become ready');
}

async function api(path, body, token) {
  const response = await fetch(`${origin}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Token ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

await waitReady();
const { user } = await api('/users', {
  user: { username: 'bench', email: 'bench@example.test', password: 'password123' },
});
const topics = ['angular', 'fastify', 'postgres', 'testing', 'design'];
for (let i = 1; i <= 20; i += 1) {
  await api(
    '/articles',
    {
      article: {
        title: `Benchmark article ${i}`,
        description: `What article ${i} is about, in one sentence of reasonable length.`,
        body: `# Article ${i}\n\nSome **markdown** text.`,
        tagList: [topics[i % topics.length], topics[(i + 2) % topics.length]],
      },
    },
    user.token,
  );
}

// 3. Lighthouse on the home page, mobile (its default) and desktop.
const reportDir = mkdtempSync(join(tmpdir(), 'conduit-lighthouse-'));
console.log(`\nLighthouse (${LIGHTHOUSE}, ${chrome}) on ${origin}/ with 20 articles`);
for (const preset of ['mobile', 'desktop']) {
  const output = join(reportDir, `${preset}.json`);
  execFileSync(
    'npx',
    [
      '--yes',
      LIGHTHOUSE,
      `${origin}/`,
      '--quiet',
      '--only-categories=performance,accessibility,best-practices',
      ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync',
      '--output=json',
      `--output-path=${output}`,
    ],
    { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } },
  );
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const score = (id) => report.categories[id].score.toFixed(2);
  const metric = (id) => report.audits[id].displayValue;
  console.log(
    `  ${preset.padEnd(8)} performance ${score('performance')}  accessibility ${score('accessibility')}  ` +
      `best-practices ${score('best-practices')}  | FCP ${metric('first-contentful-paint')}  ` +
      `LCP ${metric('largest-contentful-paint')}  TBT ${metric('total-blocking-time')}  ` +
      `CLS ${metric('cumulative-layout-shift')}  (${kB(statSync(output).size)} report in ${reportDir})`,
  );
}
stop();
process.exit(0);
