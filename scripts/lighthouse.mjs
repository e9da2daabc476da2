// Lighthouse (mobile) on the page an integrator would build: demo/cdn.html with the built CDN file, served with the
// mock handlers by the mock API server. Not part of `npm test` (it takes a minute); run `npm run lighthouse`.
//
//   npm run lighthouse                      # build, serve, audit; fails below the budgets
//   npm run lighthouse -- --runs 3          # median of three runs
//   npm run lighthouse -- --path "/demo/cdn.html?lang=de"
//
// Lighthouse is installed on first use into .cache/lighthouse (pinned; not a dependency of the package, so
// `npm ci` stays lean). Budgets: performance ≥ 95, accessibility 100, best practices 100, CLS ≤ 0.05.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath } from './chromium-path.mjs';

const LIGHTHOUSE = '12.8.2'; // 13.x needs Node ≥ 22.19; this machine runs Node 20
const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    path: { type: 'string', default: '/demo/cdn.html' },
    port: { type: 'string', default: process.env.PORT ?? '9098' },
    'no-build': { type: 'boolean', default: false },
  },
});

const budgets = { performance: 95, accessibility: 100, 'best-practices': 100 };
const CLS_BUDGET = 0.05;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

// 1. Lighthouse, once, in its own folder.
const lhDir = join(root, '.cache/lighthouse');
const lhCli = join(lhDir, 'node_modules/lighthouse/cli/index.js');
const installed = existsSync(lhCli) && JSON.parse(readFileSync(join(lhDir, 'node_modules/lighthouse/package.json'), 'utf8')).version;
if (installed !== LIGHTHOUSE) {
  mkdirSync(lhDir, { recursive: true });
  writeFileSync(join(lhDir, 'package.json'), JSON.stringify({ private: true }));
  console.log(`Installing lighthouse ${LIGHTHOUSE} into .cache/lighthouse …`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `lighthouse@${LIGHTHOUSE}`], { cwd: lhDir });
}

// 2. The CDN file as a user gets it.
if (!values['no-build']) run('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn']);

// 3. The mock API serving the page and the built file.
run('npx', ['esbuild', 'scripts/mock-api.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20',
  '--packages=external', '--outfile=.cache/mock-api.mjs', '--log-level=warning']);
const port = Number(values.port);
const server = spawn(process.execPath, ['.cache/mock-api.mjs'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), STATIC_DIR: root, SCENARIO: 'default' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => String(d).includes('mock API on') && resolve());
  server.on('exit', (code) => reject(new Error(`mock API exited (${code})`)));
});

// 4. The audits.
const url = `http://127.0.0.1:${port}${values.path}`;
const results = [];
try {
  for (let i = 0; i < Number(values.runs); i++) {
    const out = join(root, `.cache/lighthouse-${i}.json`);
    run(process.execPath, [
      lhCli, url, '--quiet', '--output=json', `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ], { env: { ...process.env, CHROME_PATH: chromiumPath() } });
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    results.push({
      scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)])),
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      failing: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id),
    });
  }
} finally {
  server.kill();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = {
  performance: median(results.map((r) => r.scores.performance)),
  accessibility: median(results.map((r) => r.scores.accessibility)),
  'best-practices': median(results.map((r) => r.scores['best-practices'])),
};
const cls = median(results.map((r) => r.cls));
console.log(`\nLighthouse ${LIGHTHOUSE} (mobile) on ${values.path}, median of ${results.length}:`);
for (const [k, v] of Object.entries(summary)) console.log(`  ${k.padEnd(15)} ${v}   (budget ≥ ${budgets[k]})`);
console.log(`  ${'CLS'.padEnd(15)} ${cls.toFixed(3)} (budget ≤ ${CLS_BUDGET})`);
console.log(`  ${'LCP'.padEnd(15)} ${Math.round(median(results.map((r) => r.lcp)))} ms`);
console.log(`  ${'TBT'.padEnd(15)} ${Math.round(median(results.map((r) => r.tbt)))} ms`);
const failing = [...new Set(results.flatMap((r) => r.failing))];
if (failing.length) console.log(`  failing audits: ${failing.join(', ')}`);
const missed = Object.entries(budgets).filter(([k, min]) => summary[k] < min).map(([k]) => k);
if (cls > CLS_BUDGET) missed.push('CLS');
if (missed.length) {
  console.error(`\nOver budget: ${missed.join(', ')} (report: .cache/lighthouse-0.json)`);
  process.exit(1);
}
