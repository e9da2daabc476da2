import { css, html, svg, type TemplateResult } from 'lit';

/** A 16 × 16 line icon, hidden from assistive technology (the text beside it says what it means). */
export const icon = (path: TemplateResult) =>
  html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${path}</svg>`;

/** *Download CSV*. */
export const downloadIcon = icon(
  svg`<path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 13.5h11" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`,
);

/** A sortable column header's mark, by its `aria-sort` (none: not sorted by it). */
export const sortIcons = {
  none: icon(svg`<path d="M5 6.5 8 3.5l3 3M5 9.5l3 3 3-3" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round"/>`),
  ascending: icon(svg`<path d="M4.5 10 8 6.5l3.5 3.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`),
  descending: icon(svg`<path d="M4.5 6.5 8 10l3.5-3.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`),
};

/** The icons' size: as tall as the text beside them. */
export const iconStyles = css`
  .icon {
    flex: none;
    width: 1em;
    height: 1em;
  }
`;
