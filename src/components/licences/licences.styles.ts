import { css } from 'lit';

export const styles = css`
  .tabs {
    margin-bottom: calc(var(--_space) * 2);
  }

  [role='tabpanel'] {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  /* While the licences load, the room of a typical licence list is kept, so the page below does not move. */
  .list-reserve {
    min-height: 45rem;
  }

  .actions {
    display: flex;
    justify-content: flex-end;
  }
`;
