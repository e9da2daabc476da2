import { css } from 'lit';

export const styles = css`
  .card {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .facts {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: calc(var(--_space) * 1.5) calc(var(--_space) * 3);
  }

  .muted,
  .unreported {
    color: var(--_text-muted);
    font-weight: 400;
  }

  .unreported {
    font-style: italic;
  }

  .note {
    margin: 0;
    padding-top: var(--_space);
    border-top: 1px solid var(--_track);
    color: var(--_text-muted);
  }
`;
