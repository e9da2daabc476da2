// Writes docs/api.md from custom-elements.json (`npm run docs`); the event detail types come from src/events.ts.
// `npm test` fails when docs/api.md differs from what this makes of the current manifest (scripts/check-package.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;

/** One line for a table cell: no line breaks, `|` escaped. */
const cell = (text = '') => String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
/** Running text: the manifest keeps the source's line breaks; Markdown paragraphs don't need them. */
const prose = (text = '') =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .join('\n\n');
const code = (text) => (text ? `\`${cell(text).replace(/`/g, "'")}\`` : '');
const table = (head, rows) =>
  rows.length
    ? [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
        '\n',
      )
    : '';

/** The interfaces and types of src/events.ts, as written (with their comments). */
function eventTypes() {
  const file = `${root}src/events.ts`;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out = [];
  for (const node of source.statements) {
    const exported = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported || !(ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))) continue;
    if (node.name.text === 'SoEventMap') continue;
    out.push(node.getFullText(source).trim());
  }
  return out.join('\n\n');
}

/** Tokens every element takes (listed once, in docs/theming.md). */
const SHARED_TOKEN = /^--so-(font|space|radius|color)-?/;

function element(decl, path) {
  const entry = path.replace(/^dist\//, 'so-licence-kit/');
  const lines = [`## \`<${decl.tagName}>\``, '', `**${cell(decl.summary)}**`, '', prose(decl.description), ''];
  lines.push(`Class \`${decl.name}\`. Import: \`import '${entry}';\` (or \`import 'so-licence-kit';\` for every element).`, '');

  const fields = (decl.members ?? []).filter((m) => m.kind === 'field');
  const attrs = decl.attributes ?? [];
  if (attrs.length) {
    lines.push('### Attributes and properties', '');
    const rows = attrs.map((a) => {
      const field = fields.find((f) => f.name === a.fieldName);
      return [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default ?? field?.default), cell(a.description)];
    });
    for (const f of fields.filter((f) => !f.attribute)) {
      rows.push(['—', code(f.name), code(f.type?.text), code(f.default), `${cell(f.description)} (property only)`]);
    }
    lines.push(table(['Attribute', 'Property', 'Type', 'Default', 'Description'], rows), '');
  }
  const methods = (decl.members ?? []).filter((m) => m.kind === 'method');
  if (methods.length) {
    lines.push('### Methods', '');
    const sig = (m) =>
      `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ')}): ${m.return?.type?.text ?? 'void'}`;
    lines.push(table(['Method', 'Description'], methods.map((m) => [code(sig(m)), cell(m.description)])), '');
  }
  if (decl.events?.length) {
    lines.push('### Events', '', 'All bubble and are composed: listen on the element, an ancestor or `document`.', '');
    lines.push(table(['Event', 'Type', 'Description'], decl.events.map((e) => [code(e.name), code(e.type?.text), cell(e.description)])), '');
  }
  if (decl.slots?.length) {
    lines.push('### Slots', '');
    lines.push(table(['Slot', 'Description'], decl.slots.map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])), '');
  }
  if (decl.cssParts?.length) {
    lines.push('### CSS parts', '', `Style them with \`${decl.tagName}::part(name)\`.`, '');
    lines.push(table(['Part', 'Description'], decl.cssParts.map((p) => [code(p.name), cell(p.description)])), '');
  }
  const props = decl.cssProperties ?? [];
  const own = props.filter((p) => !SHARED_TOKEN.test(p.name));
  lines.push('### CSS custom properties', '');
  if (props.some((p) => SHARED_TOKEN.test(p.name))) {
    lines.push('The shared design tokens (`--so-font-*`, `--so-space`, `--so-radius`, `--so-color-*`): see [Theming](theming.md).', '');
  }
  if (own.length) {
    lines.push(table(['Property', 'Default', 'Description'], own.map((p) => [code(p.name), code(p.default), cell(p.description)])), '');
  }
  return lines.join('\n');
}

function fn(decl) {
  if (decl.kind === 'variable') return `### \`${decl.name}\`\n\n\`${decl.name}: ${decl.type?.text}\`\n\n${prose(decl.description)}\n`;
  if (decl.kind === 'class') {
    const members = (decl.members ?? []).map((m) =>
      m.kind === 'method' ? `- \`${m.name}(): ${m.return?.type?.text}\` — ${cell(m.description)}` : `- \`${m.name}: ${m.type?.text}\``,
    );
    return `### \`${decl.name}\` (class, extends \`${decl.superclass?.name}\`)\n\n${prose(decl.description)}\n\n${members.join('\n')}\n`;
  }
  const params = (decl.parameters ?? []).map((p) => `${p.name}: ${p.type?.text}`).join(', ');
  return `### \`${decl.name}()\`\n\n\`${decl.name}(${params}): ${decl.return?.type?.text ?? 'void'}\`\n\n${prose(decl.description)}\n`;
}

/** The whole of docs/api.md for a manifest. */
export function apiMarkdown(manifest) {
  const index = manifest.modules.find((m) => m.path === 'dist/index.js');
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => ({ decl: d, path: m.path })))
    .sort((a, b) => a.decl.tagName.localeCompare(b.decl.tagName));
  return [
    '<!-- Generated by `npm run docs` from custom-elements.json (and src/events.ts). Do not edit: `npm test` fails when it is stale. -->',
    '',
    '# API reference',
    '',
    'Every element of so-licence-kit, its attributes, properties, methods, events, slots, CSS parts and custom',
    'properties, and the functions the package exports. Types are TypeScript; the package ships them (`dist/types`).',
    'How elements load, authenticate and theme: [Embedding](embedding/), [Backend contract](backend.md),',
    '[Theming](theming.md).',
    '',
    '## Contents',
    '',
    ...elements.map(({ decl }) => `- [\`<${decl.tagName}>\`](#${decl.tagName}) — ${cell(decl.summary)}`),
    '- [Functions and classes](#functions-and-classes)',
    '- [Event detail types](#event-detail-types)',
    '- [States](#states)',
    '',
    ...elements.map(({ decl, path }) => element(decl, path)),
    '## Functions and classes',
    '',
    'Exported by `so-licence-kit` (and `so-licence-kit/cdn`).',
    '',
    ...(index?.declarations ?? []).map(fn),
    '## Event detail types',
    '',
    'Exported as types by `so-licence-kit`. The `so-*` events are also added to `HTMLElementEventMap`, so',
    '`addEventListener(\'so-load\', (e) => e.detail.source)` is typed on every element, `document` and `window`.',
    '',
    '```ts',
    eventTypes(),
    '```',
    '',
    '## States',
    '',
    'Every element that loads data (all but `<so-provider>`) shows one of five states. The state box has the `state`',
    'part, plus a part naming the state where it is not the data itself:',
    '',
    table(
      ['State', 'Parts', 'What the user sees'],
      [
        ['loading', '`state`', 'A progress indicator (`role="status"`, `aria-busy="true"`).'],
        ['loaded', '—', 'The data. `so-load` fires.'],
        ['empty', '`state empty`', 'A sentence saying there is nothing to show (`role="status"`).'],
        ['error', '`state error`, `retry`', 'What failed (`role="alert"`) and a *Try again* button. `so-error` fires.'],
        ['forbidden', '`state forbidden`', "The signed-in user may not see this (HTTP 403; `role=\"status\"`). `so-error` fires with `kind: 'forbidden'`."],
      ],
    ),
    '',
  ].join('\n');
}

const TOKENS = /(<!-- tokens:start[^>]*-->\n)[\s\S]*?(<!-- tokens:end -->)/;

/** The design tokens table: light defaults from the manifest, dark values from their "(dark: …)" descriptions. */
export function tokenTable(manifest) {
  const seen = new Map();
  for (const decl of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    for (const p of decl.cssProperties ?? []) if (SHARED_TOKEN.test(p.name) && !seen.has(p.name)) seen.set(p.name, p);
  }
  const rows = [...seen.values()].map((p) => {
    const dark = /\(dark: ([^)]+)\)/.exec(p.description ?? '')?.[1];
    const description = cell((p.description ?? '').replace(/\s*\(dark: [^)]+\)/, ''));
    return [code(p.name), code(p.default), dark ? code(dark) : 'same', description];
  });
  return `${table(['Token', 'Light (default)', 'Dark', 'Use'], rows)}\n`;
}

/** docs/theming.md with its generated token table replaced. */
export function themingMarkdown(current, manifest) {
  if (!TOKENS.test(current)) throw new Error('docs/theming.md has no <!-- tokens:start --> … <!-- tokens:end --> block.');
  return current.replace(TOKENS, (_m, start, end) => `${start}${tokenTable(manifest)}${end}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8'));
  writeFileSync(`${root}docs/api.md`, apiMarkdown(manifest));
  const theming = `${root}docs/theming.md`;
  writeFileSync(theming, themingMarkdown(readFileSync(theming, 'utf8'), manifest));
  console.log('docs/api.md and the token table of docs/theming.md written from custom-elements.json');
}
