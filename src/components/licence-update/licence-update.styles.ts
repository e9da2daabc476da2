import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .status {
    flex: 1 1 16rem;
    margin: 0;
  }
  .status p,
  .alert p {
    margin: 0;
  }
  .alert {
    flex: 1 1 100%;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .success {
    color: var(--_success);
    font-weight: 600;
  }
  .drop {
    flex: 1 1 100%;
    padding: var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_text-muted);
    text-align: center;
  }
  .drop.over {
    border-color: var(--_accent);
    color: var(--_text);
  }
  .read-only {
    flex: 1 1 100%;
    margin: 0;
    color: var(--_text-muted);
  }
  a {
    color: var(--_accent);
  }
`;
