// npm run bench — performance figures of the long lists, against the built CDN bundle and the mock backend's
// `large` scenario (10,000 system events, 10,000 associates), in Debian's Chromium via playwright-core.
// Prints medians over 5 runs and which budget each misses. A benchmark, not a test: it never fails the gate.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = new URL('..', import.meta.url).pathname;

if (!existsSync(`${root}dist/cdn/so-licence-kit.js`)) {
  console.error('No dist/cdn/so-licence-kit.js: run `npm run build` first.');
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// The mock API server (scripts/mock-api.ts) serves the handlers and, with STATIC_DIR, the built files.
await build({
  entryPoints: [`${root}scripts/mock-api.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: `${root}.cache/mock-api.mjs`,
  logLevel: 'warning',
});
const port = await freePort();
const server = spawn(process.execPath, [`${root}.cache/mock-api.mjs`], {
  env: { ...process.env, PORT: String(port), SCENARIO: 'large', STATIC_DIR: root },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.once('data', resolve));
const origin = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});

/** The page: the CDN bundle, one element, and instrumentation installed before anything runs. */
const pageHtml = (markup, dataPath) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<style>body{margin:0;font-family:system-ui} main{height:100vh;display:flex;flex-direction:column} main>*{flex:1;min-height:0}</style>
<script>
  window.__bench = { dataAt: 0, longest: 0, tasks: [] };
  const realFetch = window.fetch;
  window.fetch = async (...args) => {
    const res = await realFetch(...args);
    if (!window.__bench.dataAt && String(args[0]).includes(${JSON.stringify(dataPath)})) {
      const clone = res.clone(); await clone.text(); // the data has arrived once its body has
      window.__bench.dataAt = performance.now();
    }
    return res;
  };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.tasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
</script>
<script type="module" src="/dist/cdn/so-licence-kit.js"></script></head>
<body><main>${markup}</main></body></html>`;

/** In the page: every element inside `el`'s shadow roots, recursively. */
const countElements = `(el) => { let n = 0; const walk = (root) => { for (const e of root.querySelectorAll('*')) { n++; if (e.shadowRoot) walk(e.shadowRoot); } }; walk(el.shadowRoot); return n; }`;
/** In the page: the first scrollable element inside `el`'s shadow roots (or the page). */
const scroller = `(el) => { const find = (root) => { for (const e of root.querySelectorAll('*')) { const s = getComputedStyle(e); if (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 4) return e; if (e.shadowRoot) { const f = find(e.shadowRoot); if (f) return f; } } return null; }; return find(el.shadowRoot) ?? document.scrollingElement; }`;

async function measure({ tag, markup, dataPath, rowSelector, afterLoad }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(`${origin}/bench.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: pageHtml(markup, dataPath) }),
  );
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${origin}/bench.html`);
  const el = page.locator(tag);
  // First rows: the first animation frame in which rows exist after the data arrived.
  const firstRows = await page.evaluate(
    ([tag, rowSelector]) =>
      new Promise((resolve) => {
        const el = document.querySelector(tag);
        const tick = () => {
          const rows = el.shadowRoot?.querySelectorAll(rowSelector).length ?? 0;
          if (window.__bench.dataAt && rows > 0) requestAnimationFrame(() => resolve(performance.now() - window.__bench.dataAt));
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    [tag, rowSelector],
  );
  const extra = afterLoad ? await afterLoad(page, el) : {};
  await page.evaluate(() => (window.__bench.tasks = []));
  // Scroll to the end: keep scrolling until the list knows its total and the last row is rendered.
  const started = Date.now();
  let done = false;
  while (!done && Date.now() - started < 120_000) {
    done = await el.evaluate(
      (node, [scrollerSrc]) => {
        const s = eval(scrollerSrc)(node);
        s.scrollTop = s.scrollHeight;
        const table = node.shadowRoot.querySelector('[aria-rowcount]');
        const total = Number(table?.getAttribute('aria-rowcount') ?? -1);
        const indexes = [...node.shadowRoot.querySelectorAll('[aria-rowindex]')].map((r) => Number(r.getAttribute('aria-rowindex')));
        return total > 0 && indexes.includes(total);
      },
      [scroller],
    );
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
  const elements = await el.evaluate((node, src) => eval(src)(node), countElements);
  const longest = await page.evaluate(() => Math.max(0, ...window.__bench.tasks));
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return { firstRows, elements, longest, heapMiB: usedSize / 2 ** 20, reachedEnd: done, ...extra };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const suites = [
  {
    name: '<so-system-events>, 10,000 events',
    tag: 'so-system-events',
    markup: '<so-system-events></so-system-events>',
    dataPath: '/SystemEvent',
    rowSelector: '[aria-rowindex]',
    // Filter changes, answered by the server ($filter on E6): from the change until the new rows are painted. The
    // first one also makes the mock's 10,000 rows; then a type filter with a sort, then a search, then back to all.
    afterLoad: async (page, el) => {
      const times = await el.evaluate(async (node) => {
        await new Promise((r) => setTimeout(r, 300));
        const root = node.shadowRoot;
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const settle = async (t0) => {
          await node.updateComplete;
          while (root.querySelector('[role=grid]')?.getAttribute('aria-busy') === 'true' || !root.querySelector('.body [aria-rowindex], .no-match')) await frame();
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
          return performance.now() - t0;
        };
        const set = async (selector, value, event) => {
          const t0 = performance.now();
          const field = root.querySelector(selector);
          field.value = value;
          field.dispatchEvent(new Event(event, { bubbles: true }));
          if (event === 'input') field.form.requestSubmit();
          return settle(t0);
        };
        const sort = async (label) => {
          const t0 = performance.now();
          [...root.querySelectorAll('button.sort')].find((b) => b.textContent.trim() === label).click();
          return settle(t0);
        };
        if (!root.querySelector('#status-filter')) return [];
        return [
          await set('#status-filter', 'Failed', 'change'),
          await set('#type-filter', 'User', 'change'),
          await sort('Event'),
          await set('#search', 'export', 'input'),
          await set('#search', '', 'input'),
          await set('#type-filter', '', 'change'),
          await set('#status-filter', '', 'change'),
          await sort('Activated'),
          await sort('Activated'),
        ];
      });
      return times.length ? { queryFirst: times[0], queryNext: [...times.slice(1)].sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)] } : {};
    },
  },
  {
    name: '<so-user-licence-filter>, 10,000 associates',
    tag: 'so-user-licence-filter',
    markup: '<so-user-licence-filter></so-user-licence-filter>',
    dataPath: '/Archive/InternalUsers',
    rowSelector: '[aria-rowindex]',
    // Changing the licence filter over the loaded rows: until the next frame after the change is painted.
    afterLoad: async (page, el) => ({
      filterChange: await el.evaluate(async (node) => {
        await new Promise((r) => setTimeout(r, 300));
        const select = node.shadowRoot.querySelector('select');
        const option = [...(select?.options ?? [])].find((o) => o.value);
        if (!select || !option) return NaN;
        const t0 = performance.now();
        select.value = option.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await node.updateComplete;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        return performance.now() - t0;
      }),
    }),
  },
];

const budgets = { firstRows: 300, elements: 1500, longest: 200, filterChange: 100, queryChange: 300 };
const fmt = (n, unit) => (Number.isFinite(n) ? `${n.toFixed(unit === '' ? 0 : 1)}${unit}` : 'n/a');
let missed = 0;
try {
  for (const suite of suites) {
    const defined = await (async () => {
      const page = await browser.newPage();
      await page.route(`${origin}/probe.html`, (r) => r.fulfill({ contentType: 'text/html', body: pageHtml('', '') }));
      await page.goto(`${origin}/probe.html`);
      const ok = await page.evaluate((t) => customElements.whenDefined(t).then(() => true), suite.tag).catch(() => false);
      await page.close();
      return ok;
    })();
    if (!defined) {
      console.log(`\n${suite.name}: element not in the bundle, skipped`);
      continue;
    }
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await measure(suite));
    const m = (k) => median(results.map((r) => r[k]));
    console.log(`\n${suite.name} — median of ${RUNS} runs`);
    const lines = [
      ['first rows after data arrived', m('firstRows'), 'ms', budgets.firstRows],
      ['elements in the element after scrolling to the end', m('elements'), '', budgets.elements],
      ['longest main-thread task while scrolling (≥ 50 ms are reported)', m('longest'), 'ms', budgets.longest],
      ['JS heap after scrolling (after GC)', m('heapMiB'), ' MiB'],
    ];
    if (results[0].filterChange !== undefined) lines.splice(1, 0, ['filter change over loaded rows', m('filterChange'), 'ms', budgets.filterChange]);
    if (results[0].queryFirst !== undefined) {
      lines.splice(1, 0,
        ['first filter change, server-side (mock makes its 10,000 rows)', m('queryFirst'), 'ms', budgets.queryChange],
        ['later filter/sort/search changes, server-side (median of 8)', m('queryNext'), 'ms', budgets.queryChange]);
    }
    for (const [label, value, unit, budget] of lines) {
      const over = budget !== undefined && value > budget;
      if (over) missed++;
      console.log(`  ${label.padEnd(66)} ${fmt(value, unit).padStart(10)}${budget !== undefined ? `  (budget ${budget}${unit})${over ? '  ✗ MISSES BUDGET' : '  ✓'}` : ''}`);
    }
    if (!results.every((r) => r.reachedEnd)) console.log('  ! did not reach the last row in every run');
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
console.log(missed ? `\n${missed} budget(s) missed.` : '\nAll budgets met.');
