import { defineConfig, type UserConfig } from 'vite';
import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyCssLiterals } from './scripts/minify-css-literals.js';

const r = (p: string) => resolve(import.meta.dirname, p);

/** One library entry per element: src/components/<name>/define.ts → dist/so-<name>.js. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = { index: r('src/index.ts') };
  for (const dir of readdirSync(r('src/components'))) {
    const define = r(`src/components/${dir}/define.ts`);
    if (existsSync(define)) entries[`so-${dir}`] = define;
  }
  return entries;
}

/** Runtime libraries stay bare imports in the npm build so a host's bundler shares one copy. */
const external = /^(lit|lit-html|lit-element|@lit|@lit-labs|valibot)(\/|$)/;

// `vite`                    -> dev server for index.html (MSW runs in the browser)
// `vite build`              -> npm library: dist/index.js + dist/so-<element>.js, runtime libraries external
// `vite build --mode cdn`   -> dist/cdn/so-licence-kit.js, self-contained; locales are lazy chunks beside it
// `vite build --mode demo`  -> the demo page in dist-demo/ (served by `npm run preview`, used by `npm run bench`)
/** Modules of the CDN build's lazy parts: the locales, and the writing code and `<so-licence-holders>` (loaded on first use). */
const LAZY = /\/(generated\/locales\/|components\/licence-holders\/|core\/(confirm-dialog|bulk-queue|write-action)\.)/;

export default defineConfig(({ mode }): UserConfig => {
  const common: UserConfig = {
    plugins: [minifyCssLiterals()],
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
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        copyPublicDir: false,
        minify: true,
        rolldownOptions: {
          input: { 'so-licence-kit': r('src/index.ts') },
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
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      copyPublicDir: false,
      lib: { entry: elementEntries(), formats: ['es'] },
      rolldownOptions: { external, output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
});
