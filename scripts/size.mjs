// Prints the size of what `npm run build` wrote: raw, minified (the build is minified) and gzip, per entry.
// Budgets (design.md): CDN bundle with every element ≤ 50 KiB gzip; target (issue 8): ≤ 40 KiB.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
// The library build keeps whitespace (lib mode); measure every file as a minifier would ship it.
const minified = (file) => transformSync(readFileSync(file, 'utf8'), { minify: true, loader: 'js', format: 'esm' }).code;

function row(label, files, { asShipped = false } = {}) {
  const code = files.map((f) => (asShipped ? readFileSync(f, 'utf8') : minified(f)));
  const raw = code.reduce((s, c) => s + Buffer.byteLength(c), 0);
  const zipped = code.reduce((s, c) => s + gzipSync(c, { level: 9 }).length, 0);
  console.log(`${label.padEnd(44)} ${kib(raw).padStart(10)} min  ${kib(zipped).padStart(10)} gzip`);
  return zipped;
}

const js = (dir) => readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
console.log('bundle sizes (minified with esbuild; gzip level 9)');
// The CDN file is minified by the build itself: measured as shipped (minifying it again only changes the figure).
const cdn = row('dist/cdn/so-licence-kit.js (as shipped; Lit included)', [join(dist, 'cdn/so-licence-kit.js')], {
  asShipped: true,
});
row('  the same, minified again with esbuild', [join(dist, 'cdn/so-licence-kit.js')]);
const locales = js(join(dist, 'cdn/locales'));
for (const f of locales) row(`  lazy: cdn/locales/${f.split('/').pop()}`, [f]);
// Lazy parts loaded on first use (or right after the kit): <so-licence-holders> and the editing code.
let parts = [];
try {
  parts = js(join(dist, 'cdn/parts'));
} catch {
  // no lazy parts
}
for (const f of parts) row(`  lazy: cdn/parts/${f.split('/').pop()}`, [f]);

// An element-only entry: its own file plus the shared chunks it imports (Lit stays external in dist/).
const imported = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    imported(join(file, '..', m[1]), seen);
  }
  return seen;
};
for (const entry of readdirSync(dist).filter((f) => /^so-.*\.js$/.test(f) || f === 'index.js').sort()) {
  row(`dist/${entry} + its chunks (Lit external)`, [...imported(join(dist, entry))]);
}
row('dist/mocks.js (so-licence-kit/mocks; msw external)', [...imported(join(dist, 'mocks.js'))]);
const budget = 50 * 1024;
if (cdn > 40 * 1024) console.warn(`CDN bundle ${kib(cdn)} gzip is over the 40 KiB target`);
if (cdn > budget) {
  console.error(`CDN bundle ${kib(cdn)} gzip is over the ${kib(budget)} budget`);
  process.exit(1);
}
