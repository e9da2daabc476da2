// npm run soak (not part of the gate): a long session of the whole screen, compressed into a few minutes of wall time.
//
// The built CDN file runs <so-licences> in Chromium against the mock API behind a proxy that fails on purpose (at
// random: 503 with Retry-After, 500 with an HTML body, dropped connections; and a full outage of two minutes every
// 20 minutes). The page's clock is fast-forwarded 5 s at a time while the system events poll every 5 s (the floor)
// and the script churns: a tab a minute, a locale every 5 minutes, a configuration change every 7.5 minutes, a
// licence's details (and a user licence's holders) opened and closed, the metered-services dialog opened and closed,
// the events grid scrolled.
//
// Every sample is taken on the same view, after the same steps: the failures stop, the dialog and details close,
// locale `en`, the Status tab, the same configuration (which reloads everything), scrolled to the top; then the page
// settles (a poll succeeded, no request in flight, none started for a second, no element loading or failing), GC
// runs several times, and the figures are read (a heap snapshot among them). Flat means: the JavaScript objects the
// page holds within 5 % of the first sample after the warm-up (the mean of the last three samples, and the linear
// trend over the run); DOM nodes, comment nodes, detached nodes, listeners and documents equal on every sample;
// requests growing linearly (polling only). Compiled code and the rest of the V8 heap are printed, not judged.
//
//   node scripts/soak.mjs [--minutes 60] [--port 9403] [--every 10] [--warm-up 12] [--snapshots]
//   (the proxy listens on port + 1; --snapshots compares heap snapshots of the first and the last sample by constructor)
//   SOAK_DEBUG=1 also prints the heap figures and detached nodes of each sample and writes its composed tree to
//   .cache/soak-dom-min<N>.txt (diff two of them to see what a difference in nodes is).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '60' },
    port: { type: 'string', default: '9403' },
    every: { type: 'string', default: '10' },
    'warm-up': { type: 'string', default: '12' },
    snapshots: { type: 'boolean', default: false },
  },
});
const MINUTES = Number(values.minutes);
const EVERY = Number(values.every);
const WARM_UP_MINUTES = Number(values['warm-up']);
const MOCK_PORT = Number(values.port);
const PROXY_PORT = MOCK_PORT + 1;
const STEP_MS = 5000; // virtual time per step: one poll interval
const PER_MINUTE = 60_000 / STEP_MS;
const STEPS = Math.round(MINUTES * PER_MINUTE);
const WARM_UP = Math.round(WARM_UP_MINUTES * PER_MINUTE);
const BASE_TIMEOUT = 10_000; // the configuration every sample is taken with
const root = new URL('..', import.meta.url).pathname;

// Always built afresh: a stale dist/cdn file would measure yesterday's code.
if (!existsSync(`${root}src/generated/locale-codes.ts`)) {
  execFileSync('npm', ['run', '--silent', 'localize:build'], { cwd: root, stdio: 'inherit' });
}
execFileSync(`${root}node_modules/.bin/vite`, ['build', '--mode', 'cdn', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
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

// ---- the failing proxy: counts every API request, fails some on purpose ----------------------------------------------
const counts = { api: 0, failed: 0, inFlight: 0, okPolls: 0, byPath: new Map() };
/** `random`: some requests fail; `outage`: every request fails; `off`: none fails (while a sample is taken). */
let failures = 'random';
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>soak</title>
<script type="module">
  import * as kit from '/dist/cdn/so-licence-kit.js';
  window.kit = kit;
  // Requests the page has started and not finished (the proxy sees a request only once it is sent).
  window.soakFetches = 0;
  const fetch = window.fetch;
  window.fetch = (...args) => {
    window.soakFetches++;
    return fetch(...args).finally(() => window.soakFetches--);
  };
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
    counts.inFlight++;
    res.on('close', () => counts.inFlight--);
    const key = url.pathname.replace(/\/\d+$/, '/{id}').replace(/\/License\/[^/]+\/[^/]+$/, '/License/{owner}/{module}');
    counts.byPath.set(key, (counts.byPath.get(key) ?? 0) + 1);
    const dice = failures === 'off' ? 1 : failures === 'outage' ? 0 : random();
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
      if (url.pathname.endsWith('/SystemEvent') && answer.statusCode === 200) counts.okPolls++;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(PROXY_PORT, '127.0.0.1', resolve));

/** GET from the mock directly (not through the proxy, not counted). */
function mockGet(path) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: MOCK_PORT, path }, (r) => {
        let body = '';
        r.setEncoding('utf8');
        r.on('data', (c) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode, body }));
      })
      .on('error', reject);
  });
}

async function waitForMock() {
  for (let i = 0; i < 100; i++) {
    if (await mockGet('/api/v1/License').then(() => true, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the mock API did not start');
}

/** The mock's own state, measured apart from the kit's: how many events it serves, and its process's memory. */
async function mockFigures() {
  const answer = await mockGet('/api/v1/SystemEvent?$top=1&$inlinecount=allpages');
  const events = Number(JSON.parse(answer.body)['odata.count'] ?? NaN);
  let rssMiB = NaN;
  try {
    const status = readFileSync(`/proc/${mock.pid}/status`, 'utf8');
    rssMiB = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024);
  } catch {
    // not Linux: the figure stays empty
  }
  return { events, rssMiB };
}

// ---- heap snapshots (--snapshots): objects by constructor name -------------------------------------------------------
/**
 * Count and self size per constructor name, read from a `.heapsnapshot` (DevTools' "Summary" view, without
 * retainers), and the JavaScript heap the page holds by kind: compiled code, and objects (strings included).
 * "Held by the page" leaves out what only V8's global handles and strong root list keep alive: the DevTools
 * protocol's own contexts (one appears during a run, about 70 KiB) and V8's own tables (its number-to-string cache
 * doubles to 64 KiB at some point). Native (Blink) objects are listed by name but are not part of the JavaScript heap.
 */
function summarize(snapshot) {
  const { meta } = snapshot.snapshot;
  const fields = meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const edgeCountAt = fields.indexOf('edge_count');
  const edgeWidth = meta.edge_fields.length;
  const edgeTypeAt = meta.edge_fields.indexOf('type');
  const toAt = meta.edge_fields.indexOf('to_node');
  const types = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snapshot;
  const count = nodes.length / width;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i <= count; i++) {
    firstEdge[i] = e;
    if (i < count) e += nodes[i * width + edgeCountAt] * edgeWidth;
  }
  // Reachable from the root through strong edges, not through "(Global handles)".
  const held = new Uint8Array(count);
  const queue = [0];
  held[0] = 1;
  while (queue.length) {
    const x = queue.pop();
    if (types[nodes[x * width + typeAt]] === 'synthetic' && /^\((Global handles|Strong root list)\)$/.test(strings[nodes[x * width + nameAt]])) continue;
    for (let e = firstEdge[x]; e < firstEdge[x + 1]; e += edgeWidth) {
      if (edgeTypes[edges[e + edgeTypeAt]] === 'weak') continue;
      const to = edges[e + toAt] / width;
      if (!held[to]) {
        held[to] = 1;
        queue.push(to);
      }
    }
  }
  const byName = new Map();
  const totals = { code: 0, objects: 0 };
  for (let i = 0; i < count; i++) {
    const type = types[nodes[i * width + typeAt]];
    const size = nodes[i * width + sizeAt];
    // Objects by constructor; native (DOM) objects, closures, arrays and strings by their kind.
    const name =
      type === 'object' || type === 'native' ? strings[nodes[i * width + nameAt]].split(' ')[0].slice(0, 60) : `(${type})`;
    const entry = byName.get(name) ?? { count: 0, size: 0, native: type === 'native' };
    entry.count++;
    entry.size += size;
    byName.set(name, entry);
    if (!held[i] || type === 'native' || type === 'synthetic') continue;
    if (type === 'code') totals.code += size;
    else totals.objects += size;
  }
  return { byName, totals };
}

async function takeSnapshot(cdp, file = undefined) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const text = chunks.join('');
  if (file) {
    mkdirSync(`${root}.cache`, { recursive: true });
    writeFileSync(file, text);
  }
  return summarize(JSON.parse(text));
}

function compareSnapshots({ byName: before }, { byName: after }, withNative) {
  const rows = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name) ?? { count: 0, size: 0 };
    const b = after.get(name) ?? { count: 0, size: 0 };
    if (!withNative && (a.native || b.native)) continue;
    if (a.count !== b.count || a.size !== b.size) {
      rows.push({ constructor: name, before: a.count, after: b.count, count: b.count - a.count, bytes: b.size - a.size });
    }
  }
  rows.sort((x, y) => Math.abs(y.bytes) - Math.abs(x.bytes) || Math.abs(y.count) - Math.abs(x.count));
  return rows.slice(0, 30);
}

// ---- the page -------------------------------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions', '--js-flags=--expose-gc'],
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
  await cdp.send('DOM.enable');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  // Helpers that run in the page. `walk` visits the composed tree: the document and every shadow root in it.
  await page.evaluate(() => {
    window.soak = {
      walk(visit) {
        const go = (root) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
          for (let node = walker.currentNode; node; node = walker.nextNode()) {
            visit(node);
            if (node.shadowRoot) go(node.shadowRoot);
          }
        };
        go(document);
      },
      find(selector) {
        const found = [];
        window.soak.walk((n) => n instanceof Element && n.matches(selector) && found.push(n));
        return found;
      },
      /** Elements matching `selector` inside the shadow roots of the elements named `host`. */
      inside(host, selector) {
        return window.soak.find(host).flatMap((h) => [...(h.shadowRoot?.querySelectorAll(selector) ?? [])]);
      },
      screen: () => document.querySelector('so-licences'),
      /** What is "Loading…", failed, or says that polling failed: the view is not settled while there is any. */
      busy: () => [
        ...window.soak.find('.state.loading, .state.error'),
        ...window.soak.inside('so-system-events', '.notice.warning, .notice.error'),
      ],
      unsettled: () => window.soak.busy().length,
      /** Waits for every element of the kit to finish rendering. */
      async rendered() {
        const kitElements = window.soak.find('*').filter((e) => e.localName.startsWith('so-') && 'updateComplete' in e);
        await Promise.all(kitElements.map((e) => e.updateComplete));
        return kitElements.length;
      },
      /** Nodes per shadow root, by the path of hosts (to tell which element a difference is in). */
      perHost() {
        const counts = {};
        const go = (root, path) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
          let n = 0;
          for (let node = walker.currentNode; node; node = walker.nextNode()) {
            n++;
            if (node.shadowRoot) go(node.shadowRoot, `${path}>${node.localName}`);
          }
          counts[path] = (counts[path] ?? 0) + n;
        };
        go(document, 'document');
        return counts;
      },
      /** Nodes of the composed tree (what is on the page, not what is kept elsewhere). */
      tree() {
        const t = { nodes: 0, elements: 0, comments: 0, emptyComments: 0, shadowRoots: 0 };
        window.soak.walk((n) => {
          t.nodes++;
          if (n.nodeType === Node.ELEMENT_NODE) t.elements++;
          if (n.nodeType === Node.COMMENT_NODE) {
            t.comments++;
            if (n.data === '') t.emptyComments++;
          }
          if (n.shadowRoot) t.shadowRoots++;
        });
        return t;
      },
    };
  });

  const selectTab = (tab) => page.evaluate((t) => (window.soak.screen().selected = t), tab);
  const setLocale = (locale) => page.evaluate((l) => window.kit.setLocale(l), locale);
  const configure = (timeout) => page.evaluate((t) => window.kit.configure({ timeout: t }), timeout);
  /** Polls every 5 s on the Status tab's system events (the screen itself does not set an interval). */
  const pollEvents = () =>
    page.evaluate(() => {
      const events = window.soak.find('so-system-events')[0];
      if (events && events.refreshInterval !== 5) events.refreshInterval = 5;
    });
  /** Opens (or closes) the details of the n-th licence of the SuperOffice tab. */
  const toggleDetails = (n) =>
    page.evaluate((i) => {
      const names = window.soak.inside('so-licence-list', 'button.name');
      names[i % Math.max(names.length, 1)]?.click();
    }, n);
  /** Shows the holders of the open user licence (`<so-licence-holders>`, loaded on first use), if one is open. */
  const showHolders = () =>
    page.evaluate(() => window.soak.inside('so-licence-list', '[part~="show-holders"][aria-expanded="false"]')[0]?.click());
  const showDialog = (open) =>
    page.evaluate((o) => {
      const button = window.soak.find('so-metered-button')[0];
      if (!button) return;
      if (o) void button.show();
      else button.hide();
    }, open);
  const scrollEvents = (top) =>
    page.evaluate((t) => window.soak.inside('so-system-events', '[role=grid]').forEach((g) => (g.scrollTop = t)), top);

  /** Brings the page to the measured view: no failures, no dialog, no details, `en`, Status, the base configuration. */
  async function normalize() {
    failures = 'off';
    await showDialog(false);
    await page.evaluate(() => {
      for (const b of window.soak.inside('so-licence-list', '[part~="show-holders"][aria-expanded="true"]')) b.click();
      for (const b of window.soak.inside('so-licence-list', 'button.name[aria-expanded="true"]')) b.click();
    });
    await setLocale('en');
    await selectTab('status');
    await configure(BASE_TIMEOUT); // the same configuration every time: every element reloads, now without failures
    await pollEvents();
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      window.soak.walk((n) => n instanceof Element && (n.scrollTop || n.scrollLeft) && n.scrollTo(0, 0));
    });
  }

  /**
   * Runs the page's clock in steps of 250 ms until a poll has succeeded since `since`, nothing is in flight, nothing
   * new started for a second and no element is loading or shows a failure.
   */
  async function settle(since) {
    let quiet = 0;
    let seen = counts.api;
    for (let i = 0; i < 600 && quiet < 4; i++) {
      await page.clock.runFor(250);
      await sleep(25);
      const unsettled = await page.evaluate(async () => (await window.soak.rendered(), window.soak.unsettled() + window.soakFetches));
      if (counts.inFlight === 0 && counts.api === seen && unsettled === 0 && counts.okPolls > since) quiet++;
      else quiet = 0;
      seen = counts.api;
    }
    if (quiet < 4) {
      const busy = await page.evaluate(() =>
        window.soak.busy().map((e) => `${e.className}: ${e.textContent.trim().slice(0, 60)}`),
      );
      console.warn(`settle: still busy after 150 virtual seconds (${counts.inFlight} requests in flight, ${counts.okPolls - since} polls since, ${busy.join('; ')})`);
    }
  }

  async function collectGarbage() {
    for (let i = 0; i < 5; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(20);
    }
  }

  /** Listeners on the nodes of the composed tree, the document and the window (DevTools' getEventListeners). */
  async function liveListeners() {
    const { result } = await cdp.send('Runtime.evaluate', {
      includeCommandLineAPI: true,
      returnByValue: true,
      expression: `(() => {
        let n = 0;
        const count = (target) => { for (const list of Object.values(getEventListeners(target))) n += list.length; };
        count(window);
        window.soak.walk(count);
        return n;
      })()`,
    });
    return result.value;
  }

  /** Nodes no document holds that JavaScript still keeps alive (DevTools' "Detached elements"). */
  async function detachedNodes() {
    try {
      const { detachedNodes } = await cdp.send('DOM.getDetachedDomNodes');
      return detachedNodes.reduce((n, d) => n + 1 + d.retainedNodeIds.length, 0);
    } catch {
      return NaN;
    }
  }

  /** The kit's registries that are reachable from the page (see src/registry.ts). */
  const registryFigures = () =>
    page.evaluate(() => {
      const figures = { configListeners: NaN };
      for (const key of Object.getOwnPropertySymbols(globalThis)) {
        if (/^so-licence-kit@.*\/config$/.test(key.description ?? '')) figures.configListeners = globalThis[key].listeners.size;
      }
      return figures;
    });

  let lastRequests = 0;
  async function sample(label) {
    const polls = counts.okPolls;
    await normalize();
    await settle(polls);
    await page.evaluate(() => window.soak.rendered());
    await collectGarbage();
    const heap = await cdp.send('Runtime.getHeapUsage');
    if (process.env.SOAK_DEBUG) {
      console.log(label, JSON.stringify(heap));
      const { detachedNodes: d } = await cdp.send('DOM.getDetachedDomNodes');
      console.log(d.map((x) => `${x.treeNode.nodeName}(${x.retainedNodeIds.length})`).join(' '));
      const dump = await page.evaluate(() => {
        const out = [];
        const go = (root, path) => {
          out.push(`== ${path}`);
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
          for (let node = walker.currentNode; node; node = walker.nextNode()) {
            let depth = 0;
            for (let p = node; p && p !== root; p = p.parentNode) depth++;
            out.push(`${' '.repeat(depth)}${node.nodeName}${node.nodeType === 3 ? ` ${JSON.stringify(node.data.slice(0, 40))}` : ''}${node.nodeType === 8 ? ` ${JSON.stringify(node.data)}` : ''}${node.nodeType === 1 ? ` ${[...node.attributes].map((a) => `${a.name}=${a.value.slice(0, 30)}`).join(' ')}` : ''}`);
            if (node.shadowRoot) go(node.shadowRoot, `${path}>${node.localName}`);
          }
        };
        go(document, 'document');
        return out.join('\n');
      });
      writeFileSync(`${root}.cache/soak-dom-${label.replace(' ', '')}.txt`, dump);
    }
    const dom = await cdp.send('Memory.getDOMCounters');
    const tree = await page.evaluate(() => window.soak.tree());
    const perHost = await page.evaluate(() => window.soak.perHost());
    const last = label === `min ${MINUTES}`;
    const snapshot = await takeSnapshot(
      cdp,
      values.snapshots && (label === 'min 0' || last) ? `${root}.cache/soak-${last ? 'last' : 'first'}.heapsnapshot` : undefined,
    );
    const row = {
      sample: label,
      heapKiB: Math.round(heap.usedSize / 1024),
      jsKiB: Math.round(snapshot.totals.objects / 1024),
      codeKiB: Math.round(snapshot.totals.code / 1024),
      nodes: dom.nodes,
      treeNodes: tree.nodes,
      comments: tree.comments,
      emptyComments: tree.emptyComments,
      detached: await detachedNodes(),
      listeners: dom.jsEventListeners,
      treeListeners: await liveListeners(),
      documents: dom.documents,
      ...(await registryFigures()),
      requests: counts.api,
      newRequests: counts.api - lastRequests,
      polls: counts.byPath.get('/api/v1/SystemEvent') ?? 0,
      failed: counts.failed,
      mockEvents: NaN,
      mockRssMiB: NaN,
    };
    Object.assign(row, Object.fromEntries(Object.entries(await mockFigures()).map(([k, v]) => [`mock${k[0].toUpperCase()}${k.slice(1)}`, v])));
    lastRequests = counts.api;
    failures = 'random';
    Object.defineProperty(row, 'perHost', { value: perHost, enumerable: false });
    Object.defineProperty(row, 'snapshot', { value: snapshot, enumerable: false });
    return row;
  }

  const locales = ['de', 'nb', 'sv', 'da', 'nl', 'en'];
  const tabs = ['status', 'superoffice', 'ACMEADDON', 'status'];

  /** One step of churn: 5 virtual seconds, and what falls due at this step. */
  async function churn(step) {
    // Random failures, and an outage from 40 % to 60 % of every sampling interval (minutes 4–6 of 10), so every
    // interval meets the same trouble.
    const period = EVERY * PER_MINUTE;
    const phase = (((step - WARM_UP) % period) + period) % period;
    failures = phase >= period * 0.4 && phase < period * 0.6 ? 'outage' : 'random';
    await page.clock.fastForward(STEP_MS);
    await sleep(60);
    if (step % PER_MINUTE === 0) await selectTab(tabs[(step / PER_MINUTE) % tabs.length]); // a tab a minute
    if (step % (5 * PER_MINUTE) === 0) await setLocale(locales[(step / (5 * PER_MINUTE)) % locales.length]);
    if (step % 90 === 0) await configure(BASE_TIMEOUT + 1 + (step % 180)); // another configuration every 7.5 min
    if (step % PER_MINUTE === 1) await pollEvents();
    if (step % 36 === 3) await toggleDetails(Math.floor(step / 36)); // a licence's details every 3 min…
    if (step % 36 === 6) await showHolders(); // …its holders when it is a user licence…
    if (step % 36 === 21) await toggleDetails(Math.floor(step / 36)); // …closed again 1.5 min later
    if (step % 120 === 50) await showDialog(true); // the metered-services dialog every 10 min, for a minute
    if (step % 120 === 62) await showDialog(false);
    if (step % 6 === 0) await scrollEvents((step * 97) % 600);
  }

  /** Runs the page's clock for `ms` in small steps, giving answers time to arrive. */
  const run = async (ms) => {
    for (let t = 0; t < ms; t += 250) {
      await page.clock.runFor(250);
      await sleep(20);
    }
  };

  // Warm-up: every tab, every locale, every licence's details and every user licence's holders, the dialog, once
  // (so code, templates and images are loaded before the first sample), then churn until the first sample.
  failures = 'off';
  for (const tab of tabs) {
    await selectTab(tab);
    await run(1000);
  }
  await pollEvents();
  for (const l of locales) {
    await setLocale(l);
    await run(500);
  }
  const licences = await page.evaluate(() => window.soak.inside('so-licence-list', 'button.name').length);
  for (let i = 0; i < licences; i++) {
    await toggleDetails(i);
    await run(1000);
    await showHolders();
    await run(2000);
    await toggleDetails(i);
    await run(250);
  }
  await showDialog(true);
  await run(2000);
  await showDialog(false);
  const started = Date.now();
  for (let step = 1; step <= WARM_UP; step++) await churn(step);
  const samples = [await sample('min 0')];
  for (let step = WARM_UP + 1; step <= WARM_UP + STEPS; step++) {
    await churn(step);
    const minute = (step - WARM_UP) / PER_MINUTE;
    if ((step - WARM_UP) % (EVERY * PER_MINUTE) === 0 || step === WARM_UP + STEPS) samples.push(await sample(`min ${minute}`));
  }
  const wall = Math.round((Date.now() - started) / 1000);

  console.log(
    `\nsoak: ${MINUTES} virtual minutes after ${WARM_UP_MINUTES} of warm-up, in ${wall} s of wall time (steps of ${STEP_MS / 1000} s); ` +
      `a sample every ${EVERY} virtual minutes, each on the same view (Status tab, en, base configuration, settled, after GC)`,
  );
  console.log(`columns:
  heapKiB          V8 heap in use after GC (Runtime.getHeapUsage), compiled code and tooling included
  jsKiB            JavaScript objects the page holds (heap snapshot: no compiled code, nothing held only by global handles)
  codeKiB          compiled code the page holds (bytecode, machine code of optimized functions)
  nodes            DOM nodes alive in the renderer (Memory.getDOMCounters: documents, template contents, images' SVG)
  treeNodes        nodes of the composed tree (the document and every shadow root): what the view shows
  comments         comment nodes in the composed tree (Lit's markers); emptyComments: those with no text (lit/lit#5010)
  detached         nodes JavaScript keeps alive outside any document (DOM.getDetachedDomNodes; Lit's cached <template>s)
  listeners        event listeners alive in the renderer (Memory.getDOMCounters)
  treeListeners    listeners on the composed tree's nodes and the window (getEventListeners)
  documents        documents alive in the renderer
  configListeners  elements listening for configure() (the kit's page-wide registry)
  requests         API requests so far (newRequests: since the last sample; polls: /SystemEvent; failed: failed on purpose)
  mockEvents       events the mock serves (its own state); mockRssMiB: the mock process's memory`);
  console.table(Object.fromEntries(samples.map(({ sample: label, ...row }) => [label, row])));

  // ---- the verdict -------------------------------------------------------------------------------------------------
  const first = samples[0];
  const later = samples.slice(1);
  /** Least-squares slope of `key` over the samples, per virtual hour. */
  const slopePerHour = (key) => {
    const xs = samples.map((s) => Number(s.sample.slice(4)) / 60);
    const ys = samples.map((s) => s[key]);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
    const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    return sxx ? sxy / sxx : 0;
  };
  for (const row of samples) Object.defineProperty(row, 'heapLessCode', { value: row.heapKiB - row.codeKiB, enumerable: false });
  /** Within 5 % of the first sample: the mean of the last three samples, and what the linear trend adds over the run. */
  const steady = (key, what) => {
    const tail = later.slice(-3);
    const mean = tail.reduce((a, s) => a + s[key], 0) / Math.max(tail.length, 1);
    const slope = slopePerHour(key);
    const trend = (slope * MINUTES) / 60;
    return [
      [`${what}: last ${tail.length} samples' mean ${mean.toFixed(0)} KiB vs ${first[key]} KiB (${pct(mean, first[key])}) — within 5 %`,
        Math.abs(mean - first[key]) <= first[key] * 0.05],
      [`${what}: linear trend ${slope.toFixed(1)} KiB per hour, ${trend.toFixed(0)} KiB over the run (${pct(first[key] + trend, first[key])}) — within 5 %`,
        Math.abs(trend) <= first[key] * 0.05],
    ];
  };
  const checks = [...steady('jsKiB', 'JavaScript objects the page holds')];
  // Reported, not judged: compiled code grows while V8 optimizes more of the same functions (the kit creates no code
  // at run time: no eval, no new Function), and the rest of the V8 heap holds V8's own tables and the DevTools
  // protocol's contexts besides the page's objects.
  const end = samples.at(-1);
  const info = [
    `compiled code: ${first.codeKiB} → ${end.codeKiB} KiB (${pct(end.codeKiB, first.codeKiB)}), trend ${slopePerHour('codeKiB').toFixed(1)} KiB per hour`,
    `V8 heap in all: ${first.heapKiB} → ${end.heapKiB} KiB (${pct(end.heapKiB, first.heapKiB)}), trend ${slopePerHour('heapKiB').toFixed(1)} KiB per hour; ` +
      `without compiled code ${first.heapLessCode} → ${end.heapLessCode} KiB (${pct(end.heapLessCode, first.heapLessCode)}), of which the page's objects ${first.jsKiB} → ${end.jsKiB} KiB`,
  ];
  for (const key of ['nodes', 'treeNodes', 'comments', 'detached', 'listeners', 'treeListeners', 'documents', 'configListeners']) {
    const values = samples.map((s) => s[key]);
    checks.push([`${key}: ${[...new Set(values)].join(', ')} — equal on every sample`, values.every((v) => v === first[key])]);
  }
  // Requests: only polling adds them between samples (plus the same reload per sample), so each interval adds about
  // the same number; failures make the pollers back off, so allow a spread.
  const intervals = later.filter((s) => s.sample !== `min ${MINUTES}` || MINUTES % EVERY === 0).map((s) => s.newRequests);
  const median = [...intervals].sort((a, b) => a - b)[Math.floor(intervals.length / 2)] ?? 0;
  checks.push([
    `requests: ${intervals.join(', ')} per ${EVERY} virtual minutes (median ${median}) — linear, within ±25 %`,
    intervals.every((n) => Math.abs(n - median) <= median * 0.25),
  ]);
  checks.push([`mock: ${[...new Set(samples.map((s) => s.mockEvents))].join(', ')} events served — its own state does not grow`,
    samples.every((s) => s.mockEvents === first.mockEvents)]);
  for (const s of later) {
    const diff = Object.keys({ ...first.perHost, ...s.perHost })
      .filter((k) => first.perHost[k] !== s.perHost[k])
      .map((k) => `${k}: ${first.perHost[k] ?? 0} → ${s.perHost[k] ?? 0}`);
    if (diff.length) console.log(`${s.sample}, nodes that differ from min 0: ${diff.join('; ')}`);
  }
  console.log('\nAPI requests by path:', Object.fromEntries([...counts.byPath].sort((a, b) => b[1] - a[1])));
  console.log(`page errors: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 5).join('\n  ')}` : ''}`);
  for (const [text, ok] of checks) console.log(`${ok ? '  ok ' : '  NOT'} ${text}`);
  for (const text of info) console.log(`  (i) ${text}`);

  console.log(
    `\nheap snapshots, first vs last sample: the biggest changes by constructor (count, self size in bytes)${values.snapshots ? '' : ', JavaScript only (--snapshots adds native objects and writes both files to .cache/)'}`,
  );
  console.table(compareSnapshots(first.snapshot, samples.at(-1).snapshot, values.snapshots));
  const flat = checks.every(([, ok]) => ok) && errors.length === 0;
  console.log(flat ? '\nFLAT: every figure holds on the same view' : '\nNOT FLAT: see the lines marked NOT above');
  if (!flat) exitCode = 1;
} finally {
  await browser.close();
  proxy.close();
  mock.kill();
}
process.exit(exitCode);

function pct(value, base) {
  const p = ((value - base) / base) * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)} %`;
}
