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

  .facts {
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--_space) calc(var(--_space) * 3);
  }

  /* The company is the card's headline: a row of its own, so a long name rarely wraps and the card keeps its height. */
  .facts > :first-child {
    grid-column: 1 / -1;
  }

  .company {
    font-size: 1.15em;
  }

  .notice {
    margin: 0;
  }
`;
