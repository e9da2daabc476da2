import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyCssLiterals } from './scripts/minify-css-literals.js';
import { minifyHtmlLiteralsPlugin } from './scripts/minify-html-literals.mjs';

const r = (p: string) => resolve(import.meta.dirname, p);

/** One library entry per element: src/components/<name>/define.ts → dist/so-<name>.js; the mock API → dist/mocks.js. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: r('src/index.ts'), mocks: r('src/mocks/index.ts') };
  for (const dir of readdirSync(r('src/components'))) {
    const define = r(`src/components/${dir}/define.ts`);
    if (existsSync(define)) entries[`so-${dir}`] = define;
  }
  return entries;
}

/** Runtime libraries (and msw, the mocks' peer) stay bare imports in the npm build so a host shares one copy. */
const external = /^(lit|lit-html|lit-element|@lit|@lit-labs|valibot|msw)(\/|$)/;

/**
 * The CDN file loads its locale chunks with plain `import()`: an app build would add Vite's preload helper (~1.5 kB
 * of `<link rel=modulepreload>` code that resolves against the page's '/', not the CDN), so it is a pass-through.
 */
function noPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'so-no-preload-helper',
    enforce: 'pre',
    resolveId: (source) => (source === id ? id : null),
    load: (source) => (source === id ? 'export const __vitePreload = (load) => load();' : null),
  };
}

// `vite`                    -> dev server for index.html (MSW runs in the browser)
// `vite build`              -> npm library: dist/index.js + dist/so-<element>.js, runtime libraries external
// `vite build --mode cdn`   -> dist/cdn/so-licence-kit.js, self-contained; locales are lazy chunks beside it
// `vite build --mode demo`  -> the demo page in dist-demo/ (served by `npm run preview`, used by `npm run bench`)
/**
 * Modules of the CDN build's parts (src/cdn.ts): the locales (one when needed), the writing code (on first use), and the
 * elements beyond the screen's first view, fetched right after the main file.
 */
const LAZY =
  /\/(generated\/locales\/|components\/(licence-holders|licence-update|status-database|metered-button|system-events|user-licence-filter)\/|core\/(confirm-dialog|bulk-queue|write-action|paged-list|virtual-window|row-focus|poller|portrait)\.)/;

export default defineConfig(({ mode }): UserConfig => {
  const common: UserConfig = {
    plugins: [minifyCssLiterals(), minifyHtmlLiteralsPlugin()],
    server: { proxy: process.env.MOCK_API ? { '/api': process.env.MOCK_API } : undefined },
    preview: { proxy: { '/api': process.env.MOCK_API ?? 'http://127.0.0.1:9090' } },
  };
  if (mode === 'demo') {
    return { ...common, build: { outDir: 'dist-demo', target: 'es2022' } };
  }
  if (mode === 'cdn') {
    // An app build, not lib mode: lib mode keeps whitespace in ES output; the CDN file is fully minified.
    return {
      ...common,
      plugins: [...(common.plugins ?? []), noPreloadHelper()],
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        copyPublicDir: false,
        minify: true,
        // A library file: no modulepreload polyfill (the helper is replaced by noPreloadHelper()).
        modulePreload: false,
        rolldownOptions: {
          input: { 'so-licence-kit': r('src/cdn.ts') },
          // Lets the entry export what the lazy locale chunks share with it, so the entry stays one file.
          preserveEntrySignatures: 'allow-extension',
          output: {
            format: 'es',
            entryFileNames: '[name].js',
            chunkFileNames: (chunk) => (/^(da|de|nb|nl|sv)$/.test(chunk.name) ? 'locales/[name]-[hash].js' : 'parts/[name]-[hash].js'),
            // Everything but the lazy parts goes into the entry (without this, rolldown moves code the entry shares
            // with a lazy part into common chunks that the entry imports at once).
            codeSplitting: {
              groups: [{ name: 'so-licence-kit', test: (id: string) => !LAZY.test(id) }],
            },
          },
        },
      },
    };
  }
  return {
    ...common,
    build: {
      outDir: 'dist',
      // The first step of `npm run build`: no stale chunk of an earlier build may end up in the package.
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      copyPublicDir: false,
      lib: { entry: elementEntries(), formats: ['es'] },
      rolldownOptions: {
        external,
        // An entry may carry what other entries import from it, so each so-<element>.js holds its own define().
        preserveEntrySignatures: 'allow-extension',
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
