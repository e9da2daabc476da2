// The consumer-app test (`npm run test:consumers`, in `npm test` after the build): packs the package as npm would
// publish it, builds apps against the tarball in production mode, and checks in Chromium that the elements are
// defined and render the mock data that the packed `so-licence-kit/mocks` serves.
//
//   Vite 8:   examples/vanilla, examples/react (React 19), examples/vue (Vue 3) and test/consumers/lit-host (a Lit
//             app with its own @lit/localize; both sides' setLocale() are driven)
//   esbuild, Rollup 4, webpack 5:   `import 'so-licence-kit'` and `import 'so-licence-kit/so-owner-info.js'`
//   no bundler: dist/cdn/so-licence-kit.js in a <script type="module">, switching to a lazily loaded locale
//
// SHOTS=<dir> also saves a screenshot of each app once checked.
//
// The apps are copied to .cache/consumers/ with the tarball unpacked in .cache/consumers/node_modules/, so
// `so-licence-kit` resolves to the packed files and everything else (lit, react, vue, the bundlers) to the
// project's own node_modules: the root devDependencies pin what the examples' package.json files ask for.
import './node20-polyfills.mjs';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';

const started = performance.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.cache/consumers');
const out = join(work, 'out');
const kitDir = join(work, 'node_modules/so-licence-kit');
const COMPANY = 'Nordlys Consulting AS'; // the mock API's licence owner (src/mocks/data.ts)
const MISSING_PORTRAIT = '/blobby/portrait/12.png';
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'custom-elements.json'))) {
  console.error('consumer-test: run `npm run build` first (dist/ or custom-elements.json is missing)');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. The tarball, unpacked where the apps resolve `so-licence-kit` (prepack's build already ran in the gate).
rmSync(work, { recursive: true, force: true });
mkdirSync(kitDir, { recursive: true });
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
);
execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', kitDir, '--strip-components=1']);
const tags = JSON.parse(readFileSync(join(kitDir, 'custom-elements.json'), 'utf8'))
  .modules.flatMap((m) => m.declarations ?? [])
  .map((d) => d.tagName)
  .filter(Boolean)
  .sort();
console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${kib(packed.size)} (${tags.length} elements)`);

const jsBytes = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => /\.m?js$/.test(f))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

// ---------------------------------------------------------------------------------------------------------------
// 2. Production builds.
const apps = []; // { name, bundler, path, bytes, expect: { tags, text }, check? }
const { build: viteBuild } = await import('vite');
const copy = (from, name) => {
  const dir = join(work, name);
  cpSync(from, dir, { recursive: true, filter: (src) => !/\/(node_modules|dist)(\/|$)/.test(src) });
  return dir;
};

const viteApps = [
  { name: 'vanilla', from: 'examples/vanilla', tags, text: COMPANY },
  { name: 'react', from: 'examples/react', tags: ['so-provider', 'so-owner-info', 'so-licence-list', 'so-user-licence-filter'], text: COMPANY },
  { name: 'vue', from: 'examples/vue', tags, text: COMPANY },
  { name: 'lit-host', from: 'test/consumers/lit-host', tags, text: 'Serial number', check: litHostCheck },
];
for (const app of viteApps) {
  const dir = copy(join(root, app.from), app.name);
  await viteBuild({
    root: dir,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: join(out, app.name), emptyOutDir: true },
  });
  apps.push({ ...app, bundler: 'vite', path: `/${app.name}/`, bytes: jsBytes(join(out, app.name)) });
}

const esbuild = await import('esbuild');
const { rollup } = await import('rollup');
const { nodeResolve } = await import('@rollup/plugin-node-resolve');
const { default: webpack } = await import('webpack');

const imports = [
  { id: 'all', source: "import 'so-licence-kit';", body: '<so-licences></so-licences>', tags, text: COMPANY },
  {
    id: 'owner-info',
    source: "import 'so-licence-kit/so-owner-info.js';",
    body: '<so-owner-info owner="SUPEROFFICE"></so-owner-info>',
    tags: ['so-owner-info'],
    text: COMPANY,
  },
];
const page = (title, body, script) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body>${body}${script}</body></html>`;

for (const entry of imports) {
  const dir = join(work, `bundlers/${entry.id}`);
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'entry.js');
  writeFileSync(input, `${entry.source}\n`);
  const module = '<script type="module" src="./entry.js"></script>';

  const esbuildOut = join(out, `esbuild-${entry.id}`);
  await esbuild.build({
    entryPoints: [input],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: esbuildOut,
    logLevel: 'warning',
  });
  writeFileSync(join(esbuildOut, 'index.html'), page(`esbuild: ${entry.source}`, entry.body, module));

  const rollupOut = join(out, `rollup-${entry.id}`);
  const bundle = await rollup({
    input,
    plugins: [
      nodeResolve({ browser: true }),
      // Production: minified, as a terser plugin would.
      { name: 'minify', renderChunk: async (code) => ({ code: (await esbuild.transform(code, { minify: true })).code, map: null }) },
    ],
    onwarn: (warning) => console.warn(`rollup: ${warning.message}`),
  });
  await bundle.write({ dir: rollupOut, format: 'es' });
  await bundle.close();
  writeFileSync(join(rollupOut, 'index.html'), page(`Rollup: ${entry.source}`, entry.body, module));

  const webpackOut = join(out, `webpack-${entry.id}`);
  await new Promise((resolve, reject) =>
    webpack(
      {
        mode: 'production',
        context: dir,
        entry: input,
        output: { path: webpackOut, filename: 'main.js', publicPath: 'auto' },
        devtool: false,
        performance: { hints: false },
      },
      (error, stats) => (error || stats.hasErrors() ? reject(error ?? new Error(stats.toString('errors-only'))) : resolve()),
    ),
  );
  writeFileSync(join(webpackOut, 'index.html'), page(`webpack: ${entry.source}`, entry.body, '<script src="./main.js"></script>'));

  for (const bundler of ['esbuild', 'rollup', 'webpack']) {
    const name = `${bundler}-${entry.id}`;
    apps.push({ name, bundler, source: entry.source, path: `/${name}/`, bytes: jsBytes(join(out, name)), ...entry });
  }
}
// The CDN file as a page without a bundler would load it: one <script type="module">, locales lazily beside it.
cpSync(join(kitDir, 'dist/cdn'), join(out, 'cdn'), { recursive: true });
writeFileSync(
  join(out, 'cdn/index.html'),
  page(
    'CDN file',
    '<so-licences></so-licences>',
    '<script type="module">import * as kit from "./so-licence-kit.js"; window.kit = kit;</script>',
  ),
);
apps.push({ name: 'cdn', bundler: 'none', path: '/cdn/', bytes: jsBytes(join(out, 'cdn')), tags, text: COMPANY, check: cdnCheck });
const built = performance.now();

// ---------------------------------------------------------------------------------------------------------------
// 3. One server: the built apps, and /api/v1 answered by the packed mock handlers (so-licence-kit/mocks).
const { getResponse } = await import('msw');
const { handlers } = await import(pathToFileURL(join(kitDir, 'dist/mocks.js')).href);
const types = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname.startsWith('/api/')) {
    const answer = await getResponse(handlers, new Request(url, { method: req.method, headers: req.headers }));
    res.writeHead(answer?.status ?? 404, Object.fromEntries(answer?.headers ?? []));
    res.end(answer ? Buffer.from(await answer.arrayBuffer()) : undefined);
    return;
  }
  let file = normalize(join(out, decodeURIComponent(url.pathname)));
  if (file.endsWith('/')) file = join(file, 'index.html');
  if (!file.startsWith(out) || !existsSync(file)) {
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------------------------------------------------------
// 4. Chromium: one browser, a fresh context per app.
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Runs in the page: its text including every shadow root, and which of `tagList` its registry has. */
const snapshot = (tagList) => {
  const text = (node) =>
    node.nodeType === 3 ? node.data : [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes].map(text).join(' ');
  return { text: text(document.body).replace(/\s+/g, ' '), defined: tagList.filter((t) => customElements.get(t)) };
};

async function waitFor(page, tagList, wanted, what) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const snap = await page.evaluate(snapshot, tagList);
    if (snap.defined.length === tagList.length && wanted.every((w) => snap.text.includes(w))) return snap;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: defined ${snap.defined.length}/${tagList.length} (${tagList.filter((t) => !snap.defined.includes(t)).join(', ') || 'all'}); ` +
          `wanted ${JSON.stringify(wanted)} in "${snap.text.slice(0, 300)}"`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The Lit host: both sides translate, and each side's setLocale() switches only its own texts. */
async function litHostCheck(page) {
  await waitFor(page, tags, ['Hello from the host', 'Serial number'], 'both in English');
  await page.evaluate(() => window.host.setLocale('de'));
  await waitFor(page, tags, ['Hallo vom Gastgeber', 'Serial number'], "host's setLocale('de')");
  await page.evaluate(() => window.kit.setLocale('da'));
  await waitFor(page, tags, ['Hallo vom Gastgeber', 'Serienummer'], "kit's setLocale('da')");
  await page.evaluate(() => window.host.setLocale('en'));
  await waitFor(page, tags, ['Hello from the host', 'Serienummer'], "host's setLocale('en')");
  const locales = await page.evaluate(() => [window.host.getLocale(), window.kit.getLocale()]);
  if (locales.join() !== 'en,da') throw new Error(`getLocale(): host ${locales[0]}, kit ${locales[1]}`);
}

/** The CDN file loads a locale chunk beside it. */
async function cdnCheck(page) {
  await page.evaluate(() => window.kit.setLocale('de'));
  await waitFor(page, tags, ['Seriennummer'], "CDN file's setLocale('de')");
}

const results = [];
try {
  for (const app of apps) {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    // The mock data has one portrait that is missing on purpose (the kit shows initials instead); any other
    // failed request or console error fails the app.
    const expected = (url) => url.endsWith(MISSING_PORTRAIT);
    tab.on('console', (m) => m.type() === 'error' && !expected(m.location().url) && errors.push(m.text()));
    tab.on('response', (r) => r.status() >= 400 && !expected(r.url()) && errors.push(`${r.status()} ${r.url()}`));
    let failure;
    let defined = 0;
    try {
      await tab.goto(origin + app.path);
      await waitFor(tab, app.tags, [app.text], app.name);
      defined = (await tab.evaluate(snapshot, tags)).defined.length;
      if (app.check) await app.check(tab);
      if (process.env.SHOTS) await tab.screenshot({ path: join(process.env.SHOTS, `${app.name}.png`) });
      if (errors.length) throw new Error(`console: ${errors.join(' | ')}`);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    results.push({ ...app, defined, failure });
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

// ---------------------------------------------------------------------------------------------------------------
console.log(`\n${'app'.padEnd(22)} ${'bundler'.padEnd(8)} ${'JS'.padStart(10)}  defined  result`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(22)} ${r.bundler.padEnd(8)} ${kib(r.bytes).padStart(10)}  ${`${r.defined}/${tags.length}`.padStart(7)}  ${r.failure ? `FAIL ${r.failure}` : 'ok'}`,
  );
}
const failed = results.filter((r) => r.failure).length;
console.log(
  `\nconsumer apps built in ${((built - started) / 1000).toFixed(1)} s, checked in ${((performance.now() - built) / 1000).toFixed(1)} s`,
);
console.log(`consumers: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
