// @ts-check
// Minifies the static text of Lit `html` / `svg` tagged templates in the kit's own sources at build time: JS
// minifiers leave template text alone, and the templates are indented source. TypeScript's parser finds the
// templates, so `${…}` expressions (nested templates, strings, braces) are never touched: only the text between
// them changes, and only in ways that render the same:
//
// - a run of white space that contains a line break (source formatting) becomes one space; runs without a line
//   break (written on purpose, e.g. inside an attribute value) stay as they are; so does a run after a backslash;
// - HTML comments that lie wholly in one piece of static text are dropped;
// - nothing changes inside <pre>, <textarea>, <script> and <style>.
//
// One space instead of none keeps inline layout and attribute values as they were. Elements styled
// `white-space: pre*` must bind their text (`<p class="details-message">${text}</p>`), not write it in the template.
import MagicString from 'magic-string';
import ts from 'typescript';

const TAGS = new Set(['html', 'svg']);
const VERBATIM = /<(\/?)(pre|textarea|script|style)\b/gi;

/**
 * Minifies the static pieces of one template, in order. `inside` tracks an open <pre>/<textarea>/… across pieces.
 * @param {string[]} pieces
 * @returns {string[]}
 */
export function minifyTemplatePieces(pieces) {
  let inside = 0;
  return pieces.map((piece) => {
    // Split the piece where a verbatim element opens or closes; minify only what lies outside of them.
    let out = '';
    let from = 0;
    for (const m of piece.matchAll(VERBATIM)) {
      const at = /** @type {number} */ (m.index);
      const text = piece.slice(from, at);
      out += inside > 0 ? text : collapse(text);
      inside = Math.max(0, inside + (m[1] ? -1 : 1));
      // Copy the tag name itself verbatim, so a following minify starts after it.
      out += piece.slice(at, at + m[0].length);
      from = at + m[0].length;
    }
    const rest = piece.slice(from);
    return out + (inside > 0 ? rest : collapse(rest));
  });
}

/** @param {string} text */
function collapse(text) {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(\\?)([ \t\r\n\f]+)/g, (all, backslash, space) => (backslash || !/[\r\n]/.test(space) ? all : ' '));
}

/**
 * `code` with every `html`/`svg` tagged template's static text minified (and its source map), or `undefined` when
 * nothing changed.
 * @param {string} code
 * @param {string} fileName
 * @returns {{ code: string; map: import('magic-string').SourceMap } | undefined}
 */
export function minifyHtmlLiterals(code, fileName = 'file.ts') {
  if (!/\b(html|svg)`/.test(code)) return undefined;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** @type {{ start: number; end: number; text: string }[]} */
  const edits = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const template = node.template;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      // The raw text of each literal without its delimiters: ` or } before, ` or ${ after.
      const ranges = literals.map((literal) => {
        const start = literal.getStart(source) + 1;
        const end = literal.getEnd() - (code.startsWith('${', literal.getEnd() - 2) ? 2 : 1);
        return { start, end };
      });
      const minified = minifyTemplatePieces(ranges.map((r) => code.slice(r.start, r.end)));
      ranges.forEach((r, i) => {
        if (minified[i] !== code.slice(r.start, r.end)) edits.push({ ...r, text: minified[i] });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edits.length) return undefined;
  const out = new MagicString(code);
  for (const edit of edits) {
    if (edit.text) out.overwrite(edit.start, edit.end, edit.text);
    else out.remove(edit.start, edit.end);
  }
  return { code: out.toString(), map: out.generateMap({ hires: true, source: fileName, includeContent: true }) };
}

/**
 * Vite plugin: minifies the Lit templates of the kit's own sources (src/, TypeScript) in production builds.
 * @returns {import('vite').Plugin}
 */
export function minifyHtmlLiteralsPlugin() {
  return {
    name: 'so-minify-html-literals',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.includes('/src/mocks/')) return null;
      return minifyHtmlLiterals(code, id) ?? null;
    },
  };
}
