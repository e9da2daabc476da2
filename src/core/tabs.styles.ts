import { css } from 'lit';

/** The kit's WAI-ARIA tabs: a `.tabs` tablist of `[role=tab]` buttons with an accent underline on the selected one. */
export const tabStyles = css`
  .tabs {
    display: flex;
    overflow-x: auto;
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

  [role='tabpanel'][hidden] {
    display: none;
  }
`;
