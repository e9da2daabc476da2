import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
    --_reserve: 4.75rem;
  }

  /* Three facts on one row; below 36rem they stack and the card is taller. */
  @container (max-width: 36rem) {
    .state.loading {
      --_reserve: 10.4rem;
    }
  }

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

  .company {
    font-size: 1.15em;
  }

  .notice {
    margin: 0;
  }
`;
