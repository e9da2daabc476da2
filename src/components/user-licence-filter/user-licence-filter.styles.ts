import { css } from 'lit';

export const styles = css`
  /* A list loading keeps the room of its count, bulk bar and grid (see .state.loading in the tokens); the whole element
     loads in its loaded shape (picker and tabs, with such a list). */
  [role='tabpanel'] .state.loading {
    --_reserve: 33rem;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-bottom: calc(var(--_space) * 1.5);
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    flex: 1 1 15rem;
    max-width: 28rem;
  }

  label {
    font-weight: 600;
  }

  .toolbar .download {
    align-self: end;
  }

  div.export {
    margin: 0 0 var(--_space);
  }

  .tabs {
    margin-bottom: var(--_space);
  }

  .tabpanel {
    container: panel / inline-size;
  }

  .count {
    margin: 0 0 var(--_space);
    color: var(--_text-muted);
  }

  /* One column that never grows past the element (what is inside wraps or scrolls): nothing overflows at 320 px. */
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
  }

  @container panel (min-width: 62rem) {
    .layout.with-details {
      grid-template-columns: minmax(0, 1fr) 19rem;
    }
  }

  .list {
    container: list / inline-size;
    min-width: 0;
  }

  .grid {
    height: var(--so-users-height, 28rem);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .spacer {
    display: block;
  }

  .row {
    display: grid;
    grid-template-columns: minmax(0, 1.9fr) minmax(0, 1fr) minmax(0, 1.1fr) minmax(0, 1.3fr);
    gap: var(--_space);
    align-items: center;
    padding: 0 var(--_space);
  }

  .row.selectable {
    grid-template-columns: 1.5rem minmax(0, 1.9fr) minmax(0, 1fr) minmax(0, 1.1fr) minmax(0, 1.3fr);
  }

  .c-pick input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .body .row.picked {
    background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
  }

  .bulk-bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    min-height: 2.25rem;
    margin-bottom: var(--_space);
  }

  .bulk-bar .selected-count:not(:empty) {
    font-weight: 600;
  }

  .select-all-progress {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }

  .select-all-progress progress {
    width: 8rem;
    accent-color: var(--_accent);
  }

  .bulk-bar .select-all-note {
    flex-basis: 100%;
    order: 1;
    margin: 0;
  }

  .notice.read-only {
    margin: 0 0 var(--_space);
  }

  .user-licences {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .licence-pick {
    box-sizing: border-box;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--_space);
    justify-content: space-between;
    width: 100%;
    padding: 0.5rem var(--_space);
    border: 1px solid var(--_track);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .licence-pick[aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }

  .licence-pick .name {
    min-width: 0;
    overflow-wrap: anywhere;
    font-weight: 600;
  }

  .licence-pick .usage {
    color: var(--_text-muted);
  }

  .holders h3 {
    margin: 0 0 var(--_space);
    font-size: 1.05em;
  }

  .holder-list {
    display: grid;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .holder-list li {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }

  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }

  .head .row {
    min-height: 2.5rem;
    font-weight: 600;
  }

  .sort {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    max-width: 100%;
    padding: 0.25rem 0.15rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }

  .sort:hover {
    color: var(--_accent);
  }

  .sort-icon {
    flex: none;
    opacity: 0.55;
  }

  [aria-sort] .sort-icon {
    color: var(--_accent);
    opacity: 1;
  }

  .body .row {
    height: 4rem;
    overflow: hidden;
    border-bottom: 1px solid var(--_track);
    cursor: pointer;
  }

  .body .row:hover {
    background: var(--_surface-raised);
  }

  .body .row:focus-visible {
    outline-offset: -2px;
  }

  .body .row[aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    box-shadow: inset 4px 0 var(--_accent);
  }

  .cell {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .c-name {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }

  .who {
    display: grid;
    min-width: 0;
  }

  .name,
  .id {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .name {
    font-weight: 600;
  }

  .id,
  .muted {
    color: var(--_text-muted);
  }

  .id {
    font-size: 0.9em;
  }

  .inactive .name {
    color: var(--_text-muted);
  }

  .badge {
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: max(0.75rem, 0.85em);
  }

  .avatar {
    flex: none;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    object-fit: cover;
  }

  .initials {
    display: grid;
    place-items: center;
    background: var(--_track);
    color: var(--_text);
    font-size: max(0.75rem, 0.75em);
    font-weight: 600;
  }

  /* Narrow: each user is a card of fixed height; the column headers become a row of sort buttons. */
  @container list (max-width: 46rem) {
    .head .row,
    .head .row.selectable {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_space);
      min-height: 2.25rem;
    }

    .head .c-pick {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .body .row,
    .body .row.selectable {
      height: 5.5rem;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      grid-template-areas: 'name name name' 'group role plan';
      align-content: center;
      gap: 0.25rem var(--_space);
      padding: var(--_space);
    }

    .body .c-name {
      grid-area: name;
    }

    .body .row.selectable {
      grid-template-columns: 1.5rem repeat(3, minmax(0, 1fr));
      grid-template-areas: 'pick name name name' '. group role plan';
    }

    .body .c-pick {
      grid-area: pick;
    }

    .body .c-group {
      grid-area: group;
    }

    .body .c-role {
      grid-area: role;
    }

    .body .c-plan {
      grid-area: plan;
    }

    .body .c-group,
    .body .c-role,
    .body .c-plan {
      color: var(--_text-muted);
      font-size: 0.9em;
    }
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }

  .footer:not(:empty) {
    padding-top: var(--_space);
  }

  .footer[role='alert'] {
    color: var(--_danger-text);
  }

  .footer p {
    margin: 0;
  }

  .details {
    align-self: start;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .details-head {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }

  .details-head .who {
    flex: 1;
  }

  .details :is(h1, h2, h3, h4, h5, h6),
  .details-head p {
    margin: 0;
  }

  .details .details-head .name {
    font-size: 1.1em;
  }

  .details .details-title {
    margin: calc(var(--_space) * 1.5) 0 var(--_space);
    font-size: 1em;
  }

  .details .owner {
    margin: var(--_space) 0 calc(var(--_space) / 2);
    color: var(--_text-muted);
    font-size: 0.9em;
    font-weight: 600;
  }

  .close {
    display: grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
  }

  .close:hover {
    border-color: var(--_border);
  }

  .assignments {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .assignments li {
    display: grid;
    grid-template-columns: 1rem minmax(0, 1fr) auto;
    gap: var(--_space);
    align-items: center;
    padding: 0.3rem 0;
    border-bottom: 1px solid var(--_track);
  }

  .assignments .status {
    font-size: max(0.75rem, 0.85em);
  }

  .requires {
    display: block;
    color: var(--_text-muted);
    font-size: 0.85em;
    font-weight: normal;
  }

  .assigned .icon,
  .assigned .status {
    color: var(--_success);
    font-weight: 600;
  }

  .unassigned {
    color: var(--_text-muted);
  }

  .details .state {
    padding: var(--_space);
  }
`;
