import { css, unsafeCSS } from 'lit';

/** Colour tokens: `--so-color-<name>` overrides `--_<name>` inside every element. */
const light = {
  surface: '#ffffff',
  'surface-raised': '#f5f7fa',
  text: '#1d2330',
  'text-muted': '#556070',
  border: '#8a96a8',
  accent: '#0b5fb0',
  'on-accent': '#ffffff',
  focus: '#0b5fb0',
  'warning-surface': '#fff4d6',
  'warning-text': '#6b4a00',
  'danger-surface': '#fde7e9',
  'danger-text': '#a4161a',
  success: '#1f7a3f',
  track: '#e3e8ef',
};
const dark: typeof light = {
  surface: '#161b22',
  'surface-raised': '#1f2630',
  text: '#e6edf3',
  'text-muted': '#9aa7b5',
  border: '#5b6778',
  accent: '#5ca8f5',
  'on-accent': '#0d1117',
  focus: '#7dbaf7',
  'warning-surface': '#3d2e05',
  'warning-text': '#f3d27a',
  'danger-surface': '#45171b',
  'danger-text': '#ffa8ad',
  success: '#5fd08a',
  track: '#2c3541',
};
const palette = (colors: typeof light, scheme: 'light' | 'dark') =>
  Object.entries(colors)
    .map(([name, value]) => `--_${name}: var(--so-color-${name}, ${value});`)
    .join(' ') + ` color-scheme: ${scheme};`;

/** The colour variables: light by default, dark by system setting or by `theme` on the element or an ancestor. */
const themes = unsafeCSS(`
  :host { ${palette(light, 'light')} }
  @media (prefers-color-scheme: dark) { :host(:not([theme='light'])) { ${palette(dark, 'dark')} } }
  :host-context([theme='light']) { ${palette(light, 'light')} }
  :host-context([theme='dark']) { ${palette(dark, 'dark')} }
`);

/**
 * Design tokens. Hosts theme the kit by setting `--so-*` custom properties on any ancestor; each element reads
 * them with light defaults, and dark defaults under `theme="dark"` (on the element or an ancestor) or
 * `prefers-color-scheme: dark` (unless `theme="light"`).
 */
export const tokens = [
  themes,
  css`
  :host {
    --_font: var(--so-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--so-font-size, 0.875rem);
    --_space: var(--so-space, 0.5rem);
    --_radius: var(--so-radius, 6px);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  /* Text from data is isolated: an override character in a name cannot reverse the text around it (see bidi.ts). */
  span,
  strong,
  em,
  bdi,
  a,
  button,
  label,
  td,
  th,
  dt,
  dd,
  li,
  [role='gridcell'],
  [role='tab'] {
    unicode-bidi: isolate;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
  }

  .button:hover {
    border-color: var(--_accent);
  }

  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  /* No specificity of its own: a class (.visually-hidden on a file input) always wins over these defaults. */
  :where(input:not([type='checkbox'], [type='radio']), select) {
    width: 100%;
    min-height: 2.5rem;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  .state p {
    margin: 0;
    flex: 1 1 16rem;
  }

  /* Loading keeps the room the loaded element is expected to take (--_reserve, set per element), so nothing below
     moves when the data arrives (cumulative layout shift). */
  .state.loading {
    box-sizing: border-box;
    min-height: var(--_reserve, auto);
    align-content: flex-start;
  }

  /* Loading over the loaded layout's invisible shape (loadingShapeTemplate): the message box takes the shape's
     height, whatever the width and the language. */
  .loading-shape {
    display: grid;
  }

  .loading-shape > * {
    grid-area: 1 / 1;
    min-width: 0;
  }

  /* Sized by the shape alone: the message box stretches to it and adds nothing of its own. */
  .loading-shape > .state.loading {
    min-height: 0;
    contain: size;
  }

  .loading-shape > .shape {
    visibility: hidden;
  }

  .state.error,
  .notice.error {
    background: var(--_danger-surface);
    color: var(--_danger-text);
    border-color: currentColor;
  }

  .notice {
    display: flex;
    gap: var(--_space);
    align-items: baseline;
    margin: var(--_space) 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    border-inline-start: 4px solid currentColor;
  }

  .notice.warning {
    background: var(--_warning-surface);
    color: var(--_warning-text);
  }

  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid var(--_track);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: so-spin 0.8s linear infinite;
  }

  @keyframes so-spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`,
];
