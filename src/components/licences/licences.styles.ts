import { css } from 'lit';

export const styles = css`
  .tabs {
    display: flex;
    overflow-x: auto;
    margin-bottom: calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_border);
    scrollbar-width: thin;
  }

  [role='tab'] {
    flex: none;
    margin-bottom: -1px;
    padding: var(--_space) calc(var(--_space) * 2);
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    color: var(--_text-muted);
    font-weight: 600;
    white-space: nowrap;
  }

  [role='tab']:hover {
    color: var(--_text);
  }

  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_text);
  }

  [role='tab']:focus-visible {
    outline-offset: -2px;
  }

  [role='tabpanel'] {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  [role='tabpanel'][hidden] {
    display: none;
  }

  .actions {
    display: flex;
    justify-content: flex-end;
  }
`;
