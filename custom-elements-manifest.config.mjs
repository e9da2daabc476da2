// The Custom Elements Manifest describes the package as it ships: one module per element entry (`dist/so-*.js`, the
// file that defines the tag) plus `dist/index.js`, only the public API, typed events. The integration files for
// React/Preact/Solid, Vue, VS Code and JetBrains are generated from it by the tools below (never by hand), into
// `integrations/`, which the package ships (see package.json `exports` and docs/embedding/).
import { readFileSync, writeFileSync } from 'node:fs';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';

const ELEMENT_MODULE = /^src\/components\/([^/]+)\/[^/]+\.ts$/;
/** Runtime exports of `dist/index.js` besides the element classes, and the source modules declaring them. */
const INDEX_DECLARATIONS = {
  'src/api/config.ts': ['configure'],
  'src/api/errors.ts': ['ApiError'],
  'src/localization.ts': ['getLocale', 'setLocale', 'toKitLocale'],
  'src/version.ts': ['VERSION'],
};
/** Types an element's API names; its entry module exports them (checked by the manifest validator). */
const EVENT_TYPES = /CustomEvent<(\w+)>/;
/** Members that are implementation, not API, even when TypeScript calls them public. */
const INTERNAL_MEMBERS = new Set(['styles', 'shadowRootOptions', 'kitVersion', 'render', 'emit', 'config']);

/** `type X = 'a' | 'b'` aliases found in the sources: the manifest spells them out so editors can offer the values. */
const literalUnions = new Map();

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function publicManifest() {
  return {
    name: 'so-public-manifest',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      const literals = node.type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
      if (literals) literalUnions.set(node.name.text, node.type.types.map((t) => `'${t.literal.text}'`).join(' | '));
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const byPath = new Map(manifest.modules.map((m) => [m.path, m]));
      const elements = [];
      for (const mod of manifest.modules) {
        const dir = ELEMENT_MODULE.exec(mod.path)?.[1];
        for (const decl of mod.declarations ?? []) {
          if (dir && decl.customElement && decl.tagName) elements.push({ path: `dist/so-${dir}.js`, decl });
        }
      }

      const modules = [];
      for (const { path, decl } of elements) {
        cleanElement(decl);
        const types = new Set();
        for (const e of decl.events ?? []) {
          const t = EVENT_TYPES.exec(e.type?.text ?? '')?.[1];
          if (t) types.add(t);
        }
        for (const m of [...(decl.members ?? []), ...(decl.attributes ?? [])]) {
          for (const name of (m.type?.text ?? '').match(/\b[A-Z]\w*\b/g) ?? []) types.add(name);
        }
        modules.push({
          kind: 'javascript-module',
          path,
          declarations: [decl],
          exports: [
            { kind: 'js', name: decl.name, declaration: { name: decl.name, module: path } },
            ...[...types].sort().map((name) => ({ kind: 'js', name, declaration: { name, module: path } })),
            { kind: 'custom-element-definition', name: decl.tagName, declaration: { name: decl.name, module: path } },
          ],
        });
      }

      const index = { kind: 'javascript-module', path: 'dist/index.js', declarations: [], exports: [] };
      for (const [src, names] of Object.entries(INDEX_DECLARATIONS)) {
        for (const name of names) {
          const decl = byPath.get(src)?.declarations?.find((d) => d.name === name);
          if (!decl) throw new Error(`custom-elements-manifest: ${name} not found in ${src}`);
          if (decl.kind === 'class') cleanClass(decl);
          index.declarations.push(decl);
          index.exports.push({ kind: 'js', name, declaration: { name, module: 'dist/index.js' } });
        }
      }
      for (const { path, decl } of elements) {
        index.exports.push({ kind: 'js', name: decl.name, declaration: { name: decl.name, module: path } });
      }
      for (const { path, decl } of elements) {
        index.exports.push({
          kind: 'custom-element-definition',
          name: decl.tagName,
          declaration: { name: decl.name, module: path },
        });
      }
      manifest.modules = [index, ...modules];
      // The analyzer writes 1.0.0; what it writes here is also valid against schema 2.1.0 (checked by
      // scripts/check-package.mjs with the schema of the `custom-elements-manifest` package).
      manifest.schemaVersion = '2.1.0';
    },
  };
}

/** Only the public API: no statics, private/protected or @internal members; inherited members without source paths. */
function cleanElement(decl) {
  cleanClass(decl);
  // KitElement is an internal base class: its public members are listed on each element, which extends LitElement.
  if (decl.superclass?.module) decl.superclass = { name: 'LitElement', package: 'lit' };
  for (const key of ['attributes', 'events', 'cssProperties', 'cssParts', 'slots', 'cssStates']) {
    for (const item of decl[key] ?? []) delete item.inheritedFrom;
  }
  for (const item of [...(decl.members ?? []), ...(decl.attributes ?? [])]) {
    const text = item.type?.text;
    if (text) item.type = { text: text.replace(/\b\w+\b/g, (w) => literalUnions.get(w) ?? w) };
  }
  // The generic `emit(type, detail)` reads as an event named "type"; the real events are documented with @fires.
  decl.events = (decl.events ?? []).filter((e) => e.name !== 'type');
  for (const key of ['events', 'cssProperties', 'cssParts', 'slots', 'attributes']) {
    if (decl[key]?.length === 0) delete decl[key];
  }
}

function cleanClass(decl) {
  decl.members = (decl.members ?? []).filter(
    (m) => !m.static && !m.privacy && !INTERNAL_MEMBERS.has(m.name) && !m.name.startsWith('#'),
  );
  for (const m of decl.members) delete m.inheritedFrom;
  if (decl.superclass?.name === 'Error') decl.superclass = { name: 'Error', package: 'global:' };
  delete decl.source;
}

/**
 * custom-element-vuejs-integration reads an event's `type` as its `detail` type (it writes `CustomEvent<type>`), where
 * the manifest (and @wc-toolkit/jsx-types) carry the whole event type: it gets a copy with `CustomEvent<X>` → `X`;
 * a plain `Event` (`change`) has no detail. It also writes names as they are in HTML (`api-base`, `onso-load`), while
 * vue-tsc matches a template's `api-base="…"` and `@so-load` against `apiBase` and `onSoLoad`: the copy camelizes.
 * (Vue sets both at run time: `api-base` → property `apiBase`, `onSoLoad` → a listener for `so-load`.)
 * @param {import('custom-element-vuejs-integration').Options} options
 */
function vueTypes(options) {
  return {
    name: 'so-vue-types',
    packageLinkPhase({ customElementsManifest }) {
      const copy = structuredClone(customElementsManifest);
      const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
      for (const decl of copy.modules.flatMap((m) => m.declarations ?? [])) {
        for (const a of decl.attributes ?? []) a.name = camel(a.name);
        for (const e of decl.events ?? []) {
          e.name = camel(e.name).replace(/^\w/, (c) => c.toUpperCase());
          const text = e.type?.text ?? '';
          const detail = /^CustomEvent<(\w+)>$/.exec(text)?.[1];
          // An inline import(): the tool would import each component's detail types by name, once per component,
          // and duplicate names in one import are a TypeScript error.
          e.type = { text: detail ? `import("${options.globalTypePath}").${detail}` : 'undefined' };
        }
      }
      generateVuejsTypes(copy, options);
    },
  };
}

/**
 * @wc-toolkit/jsx-types 1.8.2 types `ref` as `T | ((e: T) => void)`, which refuses React's `useRef()` objects
 * (`ref={list}`): the generated file gets `{ current: T | null }` added to that one line. Fails loudly if a new
 * version writes the line differently (then check whether the fix is still needed).
 */
function jsxRefObjects(file) {
  return {
    name: 'so-jsx-ref-objects',
    packageLinkPhase() {
      const from = 'ref?: (T | ((e: T) => void)) | undefined;';
      const text = readFileSync(file, 'utf8');
      if (!text.includes(from)) throw new Error(`${file}: the ref line of @wc-toolkit/jsx-types changed; see jsxRefObjects()`);
      writeFileSync(file, text.replace(from, 'ref?: T | ((e: T | null) => void) | { current: T | null } | null | undefined;'));
    },
  };
}

/** Where the generated integration files import the element classes and event types from (relative to them). */
const TYPES = '../dist/types/index.js';
const outdir = 'integrations';
/** Each element's section of docs/api.md on GitHub (hover cards in VS Code and JetBrains IDEs link to it). */
const docsUrl = (tag) => `https://github.com/so-licence-kit/so-licence-kit/blob/main/docs/api.md#${tag}`;

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/mocks/**', 'src/generated/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    publicManifest(),
    jsxTypesPlugin({ outdir, fileName: 'jsx.d.ts', globalTypePath: TYPES, stronglyTypedEvents: true }),
    jsxRefObjects(`${outdir}/jsx.d.ts`),
    vueTypes({ outdir, fileName: 'vue.d.ts', globalTypePath: TYPES, hideLogs: true }),
    customElementVsCodePlugin({
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      referencesTemplate: (_name, tag) => [{ name: 'API reference', url: docsUrl(tag) }],
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({
      outdir,
      webTypesFileName: 'web-types.json',
      packageJson: false,
      referenceTemplate: (_name, tag) => ({ name: 'API reference', url: docsUrl(tag) }),
      // The entry that defines the element, as an import specifier (`so-licence-kit/so-owner-info.js`).
      modulePathTemplate: (_name, modulePath) => modulePath.replace(/^dist\//, 'so-licence-kit/'),
      hideLogs: true,
    }),
  ],
};
