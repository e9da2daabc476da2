// npm run soak (not part of the gate): an hour of the whole screen, compressed into a few minutes of wall time.
// The built CDN file runs <so-licences> in Chromium against the mock API behind a proxy that fails intermittently
// (503 with Retry-After, 500 with an HTML body, dropped connections). The page's clock is fast-forwarded 5 s at a
// time (polling every 5 s, the floor), while the script switches tabs, locales and configuration. Heap (after GC),
// DOM nodes, event listeners and request counts are printed at the start and the end: flat is the bar.
//   node scripts/soak.mjs [--minutes 60] [--port 9403]   (the proxy listens on port + 1)
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '60' }, port: { type: 'string', default: '9403' } },
});
const MINUTES = Number(values.minutes);
const MOCK_PORT = Number(values.port);
const PROXY_PORT = MOCK_PORT + 1;
const STEP_MS = 5000; // virtual time per step: one poll interval
const STEPS = Math.round((MINUTES * 60_000) / STEP_MS);
const root = new URL('..', import.meta.url).pathname;

if (!existsSync(`${root}dist/cdn/so-licence-kit.js`)) {
  console.log('Building the CDN file…');
  execFileSync('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
execFileSync(
  `${root}node_modules/.bin/esbuild`,
  ['scripts/mock-api.ts', '--bundle', '--platform=node', '--format=esm', '--target=node20', '--packages=external',
    '--outfile=.cache/mock-api.mjs', '--log-level=warning'],
  { cwd: root, stdio: 'inherit' },
);
const mock = spawn(process.execPath, ['.cache/mock-api.mjs'], {
  cwd: root,
  env: { ...process.env, PORT: String(MOCK_PORT), HOST: '127.0.0.1', STATIC_DIR: '.' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

// ---- the failing proxy: counts every API request, fails some on purpose --------------------------------------------
const counts = { api: 0, failed: 0, byPath: new Map() };
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>soak</title>
<script type="module">
  import * as kit from '/dist/cdn/so-licence-kit.js';
  window.kit = kit;
  window.soakReady = true;
</script></head><body><so-licences></so-licences></body></html>`;

const proxy = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${PROXY_PORT}`);
  if (url.pathname === '/soak.html') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(PAGE);
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    counts.api++;
    const key = url.pathname.replace(/\/\d+$/, '/{id}');
    counts.byPath.set(key, (counts.byPath.get(key) ?? 0) + 1);
    const dice = random();
    if (dice < 0.1) {
      counts.failed++;
      res.writeHead(503, { 'Retry-After': '10', 'Content-Type': 'application/json' });
      res.end('{"Error":true,"ErrorMessage":"Busy"}');
      return;
    }
    if (dice < 0.15) {
      counts.failed++;
      res.writeHead(500, { 'Content-Type': 'text/html' });
      res.end('<html><body>Proxy error</body></html>');
      return;
    }
    if (dice < 0.17) {
      counts.failed++;
      req.socket.destroy();
      return;
    }
  }
  const upstream = http.request(
    { host: '127.0.0.1', port: MOCK_PORT, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(PROXY_PORT, '127.0.0.1', resolve));

async function waitForMock() {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port: MOCK_PORT, path: '/api/v1/License' }, (r) => (r.resume(), resolve(true))).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the mock API did not start');
}

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--expose-gc'],
});
let exitCode = 0;
try {
  await waitForMock();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.clock.install();
  await page.goto(`http://127.0.0.1:${PROXY_PORT}/soak.html`);
  await page.waitForFunction(() => window.soakReady === true);
  const cdp = await page.context().newCDPSession(page);

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  /** Measured on the same view every time (the Status tab, polling), so the figures compare. */
  async function measure() {
    await selectTab('status');
    await page.clock.fastForward(STEP_MS);
    await sleep(500);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { heapKiB: Math.round(heap.usedSize / 1024), nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents, requests: counts.api, failed: counts.failed };
  }
  /** Polls every 5 s on the Status tab's system events (the screen itself does not set an interval). */
  const pollEvents = () =>
    page.evaluate(() => {
      const events = document.querySelector('so-licences')?.shadowRoot?.querySelector('so-system-events');
      if (events && events.refreshInterval !== 5) events.refreshInterval = 5;
    });
  const selectTab = (tab) => page.evaluate((t) => (document.querySelector('so-licences').selected = t), tab);
  const locales = ['de', 'nb', 'sv', 'da', 'nl', 'en'];
  const tabs = ['status', 'superoffice', 'ACMEADDON', 'status'];

  // Warm-up: every tab once, every locale once, then measure.
  for (const tab of tabs) {
    await selectTab(tab);
    await page.clock.fastForward(STEP_MS);
    await sleep(400);
  }
  await pollEvents();
  for (const l of locales) {
    await page.evaluate((x) => window.kit.setLocale(x), l);
    await sleep(200);
  }
  // The first 12 virtual minutes warm up (code, caches, every locale's translations); the baseline is taken after them.
  const WARM_UP = 144;
  let start;
  const checkpoints = [];
  const started = Date.now();
  for (let step = 1; step <= STEPS + WARM_UP; step++) {
    if (step === WARM_UP + 1) start = await measure();
    await page.clock.fastForward(STEP_MS);
    await sleep(60);
    if (step % 12 === 0) await selectTab(tabs[(step / 12) % tabs.length]); // a tab a minute
    if (step % 60 === 0) await page.evaluate((x) => window.kit.setLocale(x), locales[(step / 60) % locales.length]); // a locale every 5 min
    if (step % 90 === 0) await page.evaluate((t) => window.kit.configure({ timeout: t }), 10_000 + (step % 180)); // a configuration change every 7.5 min
    if (step % 12 === 1) await pollEvents();
    if (step > WARM_UP && (step - WARM_UP) % 144 === 0) {
      checkpoints.push({ minute: ((step - WARM_UP) * STEP_MS) / 60_000, ...(await measure()) });
    }
  }
  await sleep(500);
  const end = await measure();
  checkpoints.pop(); // the last checkpoint is the end
  const wall = Math.round((Date.now() - started) / 1000);

  console.log(`\nsoak: ${MINUTES} virtual minutes (after 12 of warm-up) in ${wall} s of wall time, steps of ${STEP_MS / 1000} s`);
  console.table({ start, ...Object.fromEntries(checkpoints.map((c) => [`min ${c.minute}`, c])), end });
  console.log('API requests by path:', Object.fromEntries([...counts.byPath].sort((a, b) => b[1] - a[1])));
  console.log(`page errors: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 5).join('\n  ')}` : ''}`);
  const grew = (a, b, slack) => b > a * (1 + slack);
  const flat = !grew(start.heapKiB, end.heapKiB, 0.1) && !grew(start.nodes, end.nodes, 0.1) && !grew(start.listeners, end.listeners, 0.1);
  console.log(flat ? 'flat: heap, DOM nodes and listeners within 10 % of the baseline' : 'NOT FLAT: something grew by more than 10 %');
  if (!flat) exitCode = 1;
} finally {
  await browser.close();
  proxy.close();
  mock.kill();
}
process.exit(exitCode);
