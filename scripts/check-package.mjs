// Checks the package as users get it, after `npm run build` (part of `npm test`):
//  1. the Custom Elements Manifest: the official JSON schema, @wc-toolkit/cem-validator (every rule an error), and
//     every module it names exists in dist/;
//  2. docs/api.md and the token table in docs/theming.md are what `npm run docs` makes of the manifest;
//  3. publint and @arethetypeswrong/cli on the packed tarball (every entry, `./cdn` and each `./so-*.js` included);
//  4. examples/react and examples/vue (the apps the consumer-app test builds) and the fixtures test/types/react and
//     test/types/vue, type-checked (tsc, vue-tsc) against the packed kit with nothing declared by hand: the examples
//     show real apps compile; the fixtures' `@ts-expect-error` lines fail when a type gets looser.
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
// Every module the manifest names exists, and its declaration file exports every name the manifest lists.
const declarationsOf = (path) =>
  path === 'dist/index.js' ? 'dist/types/index.d.ts' : path.replace(/^dist\/so-(.+)\.js$/, 'dist/types/components/$1/define.d.ts');
for (const mod of manifest.modules) {
  const read = (file) => {
    try {
      return readFileSync(join(root, file), 'utf8');
    } catch {
      throw new Error(`custom-elements.json names ${mod.path}, but the build did not write ${file}.`);
    }
  };
  read(mod.path);
  const dts = read(declarationsOf(mod.path));
  const exported = new Set([
    ...[...dts.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop())),
    ...[...dts.matchAll(/export declare (?:function|const|class|let) (\w+)/g)].map((m) => m[1]),
  ]);
  for (const e of mod.exports ?? []) {
    if (e.kind === 'js' && !exported.has(e.name)) {
      throw new Error(`custom-elements.json: ${mod.path} exports ${e.name}, but ${declarationsOf(mod.path)} does not.`);
    }
  }
}
console.log(`${manifest.modules.length} modules: files exist, their exports are in their declaration files`);

step('docs/api.md and the token table of docs/theming.md are up to date');
const theming = readFileSync(join(root, 'docs/theming.md'), 'utf8');
if (readFileSync(join(root, 'docs/api.md'), 'utf8') !== apiMarkdown(manifest) || theming !== themingMarkdown(theming, manifest)) {
  throw new Error('docs/api.md or docs/theming.md is stale: run `npm run docs` and commit the result.');
}
console.log('docs/api.md and docs/theming.md match custom-elements.json');
// The documented colour tokens (@cssprop in src/core/kit-element.ts) are the palettes of src/core/tokens.ts.
const tokenSource = readFileSync(join(root, 'src/core/tokens.ts'), 'utf8');
const palette = (name) =>
  Object.fromEntries(
    [...(new RegExp(`const ${name}[^=]*= \\{([^}]*)\\}`).exec(tokenSource)?.[1] ?? '').matchAll(/'?([\w-]+)'?: '([^']+)'/g)].map((m) => [m[1], m[2]]),
  );
const [light, dark] = [palette('light'), palette('dark')];
const documented = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.cssProperties)?.cssProperties ?? [];
for (const name of Object.keys(light)) {
  const prop = documented.find((p) => p.name === `--so-color-${name}`);
  const darkDoc = /\(dark: ([^)]+)\)/.exec(prop?.description ?? '')?.[1];
  if (prop?.default !== light[name] || darkDoc !== dark[name]) {
    throw new Error(`--so-color-${name}: tokens.ts has ${light[name]} / ${dark[name]}, the manifest ${prop?.default} / ${darkDoc}.`);
  }
}
console.log(`${Object.keys(light).length} colour tokens: documented values equal src/core/tokens.ts`);

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

step('type-check against the packed kit: examples/react/src + test/types/react (tsc), examples/vue/src + test/types/vue (vue-tsc)');
// Unpacked where the apps resolve `so-licence-kit`; react, vue and their types resolve from the root node_modules.
for (const dir of ['examples', 'test/types']) {
  const installed = join(root, dir, 'node_modules/so-licence-kit');
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
}
// One program per framework: the fixture and the example's sources (test/types/*/tsconfig.json).
for (const [checker, project] of [
  ['tsc', 'test/types/react'],
  ['vue-tsc', 'test/types/vue'],
]) {
  run(bin(checker), ['-p', project]);
  console.log(`${project} (with examples/${project.split('/').pop()}/src): ${checker} passed`);
}

step('done');
console.log(`\npackage checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
