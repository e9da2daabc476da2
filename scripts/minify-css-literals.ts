import type { Plugin } from 'vite';

/** Collapses white space and comments in one chunk of CSS text (no `${}` inside). */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    // In declaration values only (a selector's `:` part ends at `{`): `calc(a * 2)` → `calc(a*2)`, `1 / 3` → `1/3`,
    // `0.5em` → `.5em`, `x !important` → `x!important`.
    .replace(/:[^;{}]*(?=[;}])/g, (value) =>
      value
        .replace(/ ([*/]) /g, '$1')
        .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2')
        .replace(/ !important/g, '!important'),
    )
    .trim();
}

/**
 * Minifies the text of Lit `css` tagged templates in the kit's own sources at build time: JS minifiers leave
 * template text alone. Space before `:` is kept (`a :hover` ≠ `a:hover`); `${…}` expressions are untouched.
 */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'so-minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`]*)`/g, (_all, body: string) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return `css\`${parts.map((p) => (p.startsWith('${') ? p : minifyCss(p))).join('')}\``;
      });
      return { code: out, map: null };
    },
  };
}
