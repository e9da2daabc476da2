import { css } from 'lit';

/** `<dl class="facts">`: muted small labels over bold values, in a grid whose columns each element sets. */
export const facts = css`
  .facts {
    display: grid;
    margin: 0;
  }

  .facts dt {
    color: var(--_text-muted);
    font-size: max(0.75rem, 0.85em);
  }

  .facts dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
`;
