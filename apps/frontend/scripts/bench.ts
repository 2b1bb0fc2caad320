// Frontend numbers, for people (not CI): the initial bundle size (raw and gzip) of the production build, and
// Lighthouse runs (npm `lighthouse`, system Chromium; mobile: the median of 5) of the home page with 20
// articles, served by the backend in embedded mode (PGlite in a temporary folder, no database server needed).
//   node scripts/bench.ts [--skip-build]      env: CHROME_PATH (default /usr/bin/chromium), BENCH_PORT,
//                                             BENCH_MOBILE_RUNS (default 5), BENCH_BASELINE
// BENCH_BASELINE=<another build's dist/browser folder> (e.g. main's, copied aside): a second backend serves
// it, and the mobile runs alternate between the two builds, so that a before/after comparison shares the
// machine's conditions (on a busy machine, numbers from different times do not compare).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzippedSize, kB, STARTUP_JS_BUDGET, startupScripts } from './startup-scripts.ts';

const app = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(app, '../..');
const dist = join(app, 'dist/browser');
const port = Number(process.env.BENCH_PORT ?? 18500);
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE = 'lighthouse@13.5.0';

if (!process.argv.includes('--skip-build')) {
  // The app's own build: ng build, then the index.html finishing step (inlined styles, preload).
  execFileSync('npm', ['run', 'build'], { cwd: app, stdio: 'inherit' });
  execFileSync('npm', ['run', 'build', '-w', '@proyecto06/backend'], { cwd: root, stdio: 'inherit' });
}

// 1. Initial bundle: index.html (which holds the global styles) and the start-up scripts: what it loads and
// what main.js imports to start the app after the first paint, without the route chunks.
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const files = ['index.html', ...startupScripts(dist, index)];
let raw = 0;
let gzip = 0;
console.log('\nInitial bundle (index.html and the start-up scripts)');
for (const file of files) {
  const content = readFileSync(join(dist, file));
  const zipped = gzippedSize(dist, file);
  raw += content.length;
  gzip += zipped;
  console.log(`  ${file.padEnd(28)} ${kB(content.length).padStart(10)} raw ${kB(zipped).padStart(9)} gzip`);
}
console.log(`  ${'total'.padEnd(28)} ${kB(raw).padStart(10)} raw ${kB(gzip).padStart(9)} gzip`);
console.log(
  `  (the build refuses start-up scripts over ${kB(STARTUP_JS_BUDGET)} gzip: scripts/finish-index.ts)`,
);

// 2. The stack: the backend in embedded mode serving the build, seeded with 20 articles (one per build).
const stops = [];
process.on('exit', () => stops.forEach((stop) => stop()));

async function startStack(frontendDist, stackPort) {
  const origin = `http://127.0.0.1:${stackPort}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'conduit-bench-'));
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(stackPort),
    DATA_DIR: dataDir,
    FRONTEND_DIST: frontendDist,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // embedded PGlite
  const backend = spawn('node', ['dist/server.js'], {
    cwd: join(root, 'apps/backend'),
    env,
    stdio: 'inherit',
  });
  stops.push(() => {
    backend.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });
  await waitReady(origin);
  await seed(origin);
  return origin;
}

async function waitReady(origin) {
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

async function api(origin, path, body, token) {
  const response = await fetch(`${origin}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Token ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function seed(origin) {
  const { user } = await api(origin, '/users', {
    user: { username: 'bench', email: 'bench@example.test', password: 'password123' },
  });
  const topics = ['angular', 'fastify', 'postgres', 'testing', 'design'];
  for (let i = 1; i <= 20; i += 1) {
    await api(
      origin,
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
}

const origin = await startStack(dist, port);
const baselineDist = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : undefined;
const baselineOrigin = baselineDist && (await startStack(baselineDist, port + 1));

// 3. Lighthouse on the home page: mobile (its default) five times, reported as the median run, and desktop
// once. Each line also names what Lighthouse blames: the LCP element, render-blocking files, unused JS.
const reportDir = mkdtempSync(join(tmpdir(), 'conduit-lighthouse-'));
const MOBILE_RUNS = Number(process.env.BENCH_MOBILE_RUNS ?? 5);

function lighthouse(preset, run, target = origin, name = preset, attempt = 1) {
  const output = join(reportDir, `${name}-${run}.json`);
  const args = [
    '--yes',
    LIGHTHOUSE,
    `${target}/`,
    '--quiet',
    '--only-categories=performance,accessibility,best-practices',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync',
    '--output=json',
    `--output-path=${output}`,
  ];
  try {
    execFileSync('npx', args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } });
  } catch (error) {
    // Lighthouse sometimes loses a trace on a busy machine (NO_NAVSTART): that run once more, then give up.
    if (attempt > 1) throw error;
    console.log(`  ${name} run ${run}: Lighthouse failed, running it again`);
    return lighthouse(preset, run, target, name, attempt + 1);
  }
  return { output, report: JSON.parse(readFileSync(output, 'utf8')) };
}

function describe(preset, { output, report }, label) {
  const score = (id) => report.categories[id].score.toFixed(2);
  const metric = (id) => report.audits[id].displayValue;
  console.log(
    `  ${label.padEnd(16)} performance ${score('performance')}  accessibility ${score('accessibility')}  ` +
      `best-practices ${score('best-practices')}  | FCP ${metric('first-contentful-paint')}  ` +
      `LCP ${metric('largest-contentful-paint')}  TBT ${metric('total-blocking-time')}  ` +
      `CLS ${metric('cumulative-layout-shift')}  (${output})`,
  );
  const items = (id) => report.audits[id]?.details?.items ?? [];
  // Lighthouse 13 names the LCP element in its LCP breakdown insight (a "node" item).
  const lcpNode = items('lcp-breakdown-insight').find((item) => item.type === 'node');
  const blocking = items('render-blocking-insight').map((item) => new URL(item.url).pathname);
  const unusedJs = items('unused-javascript').reduce((sum, item) => sum + (item.wastedBytes ?? 0), 0);
  const longTasks = items('long-tasks')
    .slice(0, 3)
    .map((task) => `${task.url.replace(/^https?:\/\/[^/]+/, '')} ${Math.round(task.duration)} ms`);
  console.log(
    `  ${''.padEnd(16)} LCP element ${lcpNode ? `${lcpNode.selector} "${lcpNode.nodeLabel}"` : '?'}; ` +
      `render-blocking ${blocking.join(', ') || 'none'}; unused JS ${kB(unusedJs)}; ` +
      `main-thread ${report.audits['mainthread-work-breakdown']?.displayValue ?? '?'}; ` +
      `longest tasks ${longTasks.join(', ') || 'none'}`,
  );
}

console.log(`\nLighthouse (${LIGHTHOUSE}, ${chrome}) on ${origin}/ with 20 articles`);
const builds = [
  ...(baselineOrigin ? [{ name: 'baseline', target: baselineOrigin, runs: [] }] : []),
  { name: 'mobile', target: origin, runs: [] },
];
if (baselineOrigin)
  console.log(`  baseline: ${baselineDist} on ${baselineOrigin}/, runs alternating with this build`);
for (let run = 1; run <= MOBILE_RUNS; run += 1) {
  for (const build of builds) {
    const result = lighthouse('mobile', run, build.target, build.name);
    build.runs.push(result);
    describe('mobile', result, `${build.name} run ${run}`);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const build of builds) {
  const byScore = [...build.runs].sort(
    (a, b) => a.report.categories.performance.score - b.report.categories.performance.score,
  );
  const tbts = build.runs.map((r) => r.report.audits['total-blocking-time'].numericValue);
  console.log(
    `  ${build.name} performance, ${MOBILE_RUNS} runs: ${byScore.map((r) => r.report.categories.performance.score.toFixed(2)).join(' ')}; ` +
      `TBT ${tbts.map((t) => Math.round(t)).join(' ')} ms (median ${Math.round(median(tbts))})`,
  );
  describe('mobile', byScore[Math.floor(byScore.length / 2)], `${build.name} (median)`);
}
describe('desktop', lighthouse('desktop', 1), 'desktop');
process.exit(0);
