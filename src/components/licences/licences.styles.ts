import { css } from 'lit';

export const styles = css`
  .tabs {
    margin-bottom: calc(var(--_space) * 2);
  }

  [role='tabpanel'] {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  .actions {
    display: flex;
    justify-content: flex-end;
  }
`;
