// The build-time minifier of Lit templates (scripts/minify-html-literals.mjs) changes only formatting white space
// and comments in static template text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyHtmlLiterals, minifyTemplatePieces } from '../../scripts/minify-html-literals.mjs';

const min = (code) => minifyHtmlLiterals(code)?.code ?? code;

test('source-formatting white space becomes one space; bindings stay as written', () => {
  const code = [
    'const t = html`',
    '  <div class="a   b" title=${x}>',
    '    <!-- a comment -->',
    '    <span>${msg(str`Hello ${name}`, { id: "x" })}</span>',
    '    <b>Serial</b> ${nr}',
    '  </div>`;',
  ].join('\n');
  assert.equal(
    min(code),
    'const t = html` <div class="a   b" title=${x}> <span>${msg(str`Hello ${name}`, { id: "x" })}</span> <b>Serial</b> ${nr} </div>`;',
  );
});

test('nested templates in expressions are minified, their expressions untouched', () => {
  const code = 'html`<ul>\n  ${items.map((i) => html`\n    <li @click=${() => go({ a: "}\\n  `" })}>${i}</li>`)}\n</ul>`';
  assert.equal(min(code), 'html`<ul> ${items.map((i) => html` <li @click=${() => go({ a: "}\\n  `" })}>${i}</li>`)} </ul>`');
});

test('<pre>, <textarea>, <style> and a line continuation keep their white space', () => {
  assert.deepEqual(minifyTemplatePieces(['<div>\n  <pre>\n  a\n', '\n  b</pre>\n  <p>\n x</p>']), [
    '<div> <pre>\n  a\n',
    '\n  b</pre> <p> x</p>',
  ]);
  assert.deepEqual(minifyTemplatePieces(['<textarea>\n  keep\n</textarea>\n  <i>\n</i>']), ['<textarea>\n  keep\n</textarea> <i> </i>']);
  assert.equal(min('html`a\\\n   b`'), 'html`a\\\n   b`');
});

test('other tags, plain strings and css are left alone', () => {
  const code = 'const a = css`\n  :host {\n  }\n`; const b = `\n  x\n`; const c = foo`\n  y\n`;';
  assert.equal(minifyHtmlLiterals(code), undefined);
});

test('svg templates are minified and the source map points into the original', () => {
  const out = minifyHtmlLiterals('const i = svg`\n  <path d="M0 0"/>\n`;', 'icon.ts');
  assert.equal(out?.code, 'const i = svg` <path d="M0 0"/> `;');
  assert.deepEqual(out?.map.sources, ['icon.ts']);
});
