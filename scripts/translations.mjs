// Writes the <target> of every trans-unit in locales/<locale>.xlf (after `lit-localize extract`) from the
// dictionaries in locales/messages/*.json: { "<msg id>": { "da": "…", "de": "…", "nl": "…", "nb": "…", "sv": "…" } }.
// Placeholders are written {0}, {1}, … in the order of the source's ${…} expressions.
// Fails when a message lacks a translation, so no English is left in the .xlf files.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const xliffDir = join(root, 'locales');
const messagesDir = join(xliffDir, 'messages');

const dictionary = {};
for (const file of readdirSync(messagesDir).filter((f) => f.endsWith('.json')).sort()) {
  const entries = JSON.parse(readFileSync(join(messagesDir, file), 'utf8'));
  for (const [id, translations] of Object.entries(entries)) {
    if (dictionary[id]) throw new Error(`${file}: message "${id}" is also defined in another file`);
    dictionary[id] = translations;
  }
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const missing = [];
const used = new Set();

for (const file of readdirSync(xliffDir).filter((f) => f.endsWith('.xlf'))) {
  const locale = file.replace(/\.xlf$/, '');
  const path = join(xliffDir, file);
  const xml = readFileSync(path, 'utf8').replace(
    /(<trans-unit id="([^"]+)"[^>]*>\s*)(<source>([\s\S]*?)<\/source>)(\s*<target>[\s\S]*?<\/target>)?/g,
    (all, open, id, source, sourceText) => {
      const text = dictionary[id]?.[locale];
      if (typeof text !== 'string' || !text.trim()) {
        missing.push(`${locale}: ${id} — ${sourceText}`);
        return `${open}${source}`;
      }
      used.add(id);
      const placeholders = [...sourceText.matchAll(/<x id="\d+"[^>]*\/>/g)].map((m) => m[0]);
      const target = escapeXml(text).replace(/\{(\d+)\}/g, (p, n) => {
        if (!placeholders[n]) throw new Error(`${locale}: ${id} uses {${n}}, the source has ${placeholders.length} placeholders`);
        return placeholders[n];
      });
      for (let n = 0; n < placeholders.length; n++) {
        if (!text.includes(`{${n}}`)) throw new Error(`${locale}: ${id} drops placeholder {${n}}`);
      }
      return `${open}${source}\n  <target>${target}</target>`;
    },
  );
  writeFileSync(path, xml);
}

const unused = Object.keys(dictionary).filter((id) => !used.has(id));
if (unused.length) console.warn(`translations: ${unused.length} unused message(s): ${unused.join(', ')}`);
if (missing.length) {
  console.error(`translations: ${missing.length} missing translation(s) — add them to locales/messages/*.json:`);
  for (const m of missing) console.error(`  ${m}`);
  process.exit(1);
}
console.log('translations: every message translated');
