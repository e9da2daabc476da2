// Checks the package as users get it, after `npm run build` (part of `npm test`):
//  1. the Custom Elements Manifest: the official JSON schema, @wc-toolkit/cem-validator (every rule an error), and
//     every module it names exists in dist/;
//  2. docs/api.md and the token table in docs/theming.md are what `npm run docs` makes of the manifest;
//  3. publint and @arethetypeswrong/cli on the packed tarball (every entry, `./cdn` and each `./so-*.js` included);
//  4. the type fixtures under test/types/ (a React 19 app with tsc, a Vue 3 app with vue-tsc) against the packed kit
//     installed into test/types/node_modules: a type that gets looser fails their `@ts-expect-error` lines.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { validateCem } from '@wc-toolkit/cem-validator';
import { apiMarkdown, themingMarkdown } from './api-docs.mjs';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (file, args, options = {}) => execFileSync(file, args, { cwd: root, stdio: 'inherit', ...options });
const started = Date.now();
let last = started;
const step = (label) => {
  const now = Date.now();
  if (now !== started) console.log(`  (${((now - last) / 1000).toFixed(1)} s)`);
  last = now;
  console.log(`\n▶ ${label}`);
};

step('custom-elements.json (JSON schema 2.1.0, then cem-validator)');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const schema = JSON.parse(readFileSync(join(root, 'node_modules/custom-elements-manifest/schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
if (!ajv.validate(schema, manifest)) {
  throw new Error(`custom-elements.json does not match the schema:\n${ajv.errorsText(ajv.errors, { separator: '\n' })}`);
}
const error = 'error';
await validateCem(manifest, {
  packageJsonPath: join(root, 'package.json'),
  rules: {
    packageJson: {
      packageType: error, main: error, module: error, types: error, exports: error,
      customElementsProperty: error, publishedCem: error,
    },
    // typeDefinitionPath stays off: the rule wants the path to contain "src/", and the manifest names no .d.ts.
    manifest: { schemaVersion: error, modulePath: error, definitionPath: error, exportTypes: error, tagName: error,
      typeDefinitionPath: 'off' },
  },
});
for (const mod of manifest.modules) {
  const file = join(root, mod.path);
  try {
    readFileSync(file);
  } catch {
    throw new Error(`custom-elements.json names ${mod.path}, which the build did not write.`);
  }
}

step('docs/api.md and the token table of docs/theming.md are up to date');
const theming = readFileSync(join(root, 'docs/theming.md'), 'utf8');
if (readFileSync(join(root, 'docs/api.md'), 'utf8') !== apiMarkdown(manifest) || theming !== themingMarkdown(theming, manifest)) {
  throw new Error('docs/api.md or docs/theming.md is stale: run `npm run docs` and commit the result.');
}
console.log('docs/api.md and docs/theming.md match custom-elements.json');

step('npm pack');
const packDir = join(root, '.cache/pack');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir, { recursive: true });
run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], { stdio: ['ignore', 'ignore', 'inherit'] });
const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')));

step('publint');
run(bin('publint'), ['run', tarball, '--strict']);

step('@arethetypeswrong/cli');
const elementEntries = readdirSync(join(root, 'dist')).filter((f) => /^so-.*\.js$/.test(f)).map((f) => `./${f}`);
run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii', '--include-entrypoints', ...elementEntries]);

step('type fixtures against the packed kit (test/types/react with tsc, test/types/vue with vue-tsc)');
const installed = join(root, 'test/types/node_modules/so-licence-kit');
rmSync(installed, { recursive: true, force: true });
mkdirSync(installed, { recursive: true });
run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
run(bin('tsc'), ['-p', 'test/types/react']);
console.log('test/types/react: tsc passed');
run(bin('vue-tsc'), ['-p', 'test/types/vue']);
console.log('test/types/vue: vue-tsc passed');

step('done');
console.log(`\npackage checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
