import { css } from 'lit';

export const styles = css`
  .card {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0;
  }

  dt {
    color: var(--_text-muted);
    font-size: 0.85em;
  }

  dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .company {
    font-size: 1.15em;
  }

  .notice {
    margin: 0;
  }
`;
