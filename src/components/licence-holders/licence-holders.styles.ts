import { css } from 'lit';

export const styles = css`
  /* The usage under the title at every width: the summary is as tall whatever the licence's name (no shift when it
     arrives). */
  .summary {
    margin-bottom: var(--_space);
  }
  .title {
    margin: 0;
    font-size: 1.1rem;
  }
  .usage {
    margin: 0;
    color: var(--_text-muted);
  }
  .must-remove {
    margin-bottom: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger-text);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
    color: var(--_danger-text);
  }
  .must-remove.done {
    border-color: var(--_success);
    background: color-mix(in srgb, var(--_success) 12%, var(--_surface));
    color: var(--_text);
  }
  .must-remove :is(h1, h2, h3, h4, h5, h6) {
    margin: 0 0 var(--_space);
  }
  .must-remove dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0 0 var(--_space);
  }
  .must-remove dt {
    font-size: 0.85em;
  }
  .must-remove dd {
    margin: 0;
    font-size: 1.3rem;
    font-weight: 700;
  }
  .must-remove p {
    margin: 0;
    font-weight: 600;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-bottom: var(--_space);
  }
  div.export {
    margin: 0 0 var(--_space);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    flex: 1 1 15rem;
    max-width: 28rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .notice.success {
    background: color-mix(in srgb, var(--_success) 12%, var(--_surface));
    color: var(--_text);
    align-items: center;
  }
  .notice.success span {
    flex: 1;
  }
  .notice.read-only {
    background: var(--_surface-raised);
  }
  .notice p {
    margin: 0;
  }
  .panel,
  .bulk {
    margin: var(--_space) 0 calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .panel :is(h1, h2, h3, h4, h5, h6),
  .bulk :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1rem;
    margin: 0 0 var(--_space);
  }
  fieldset {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0 0 var(--_space);
    padding: 0;
    border: 0;
  }
  .choice {
    display: flex;
    gap: var(--_space);
    align-items: center;
    font-weight: 400;
  }
  .choice.disabled {
    color: var(--_text-muted);
  }
  .choice .muted,
  .muted {
    color: var(--_text-muted);
  }
  .actions,
  .bulk-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .pick-list {
    display: grid;
    gap: 0.25rem;
    max-height: 16rem;
    margin: var(--_space) 0;
    padding: 0 var(--_space);
    overflow: auto;
    list-style: none;
    border: 1px solid var(--_track);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .pick-list .name {
    font-weight: 600;
  }
  .choice.all {
    margin-top: var(--_space);
  }
  .pick-count.warning {
    color: var(--_warning-text);
  }
  .bulk-progress {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  progress {
    flex: 1 1 12rem;
    height: 0.75rem;
    accent-color: var(--_accent);
  }
  .bulk-list {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.25rem;
  }
  .bulk-list.failed {
    color: var(--_danger-text);
  }
  .bulk-reason {
    display: block;
    font-size: 0.9em;
  }
  .tabs {
    margin: var(--_space) 0;
  }
  .tabpanel {
    container: holders / inline-size;
  }
  /* A list loading keeps the room of the loaded table and its footer (see .state.loading in the tokens). */
  .tabpanel .state.loading {
    --_reserve: calc(var(--so-holders-height, 24rem) + var(--_space));
  }
  /* One set of columns for the header and every row (subgrids of the table), so the headers sit over their cells
     whatever the width of the buttons in this language. */
  .table {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1.3fr) minmax(11rem, auto);
    column-gap: var(--_space);
    align-content: start;
    height: var(--so-holders-height, 24rem);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .head,
  .body,
  .row {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
  }
  .spacer {
    display: block;
    grid-column: 1 / -1;
  }
  .row {
    align-items: center;
    padding: 0 var(--_space);
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
  .body .row {
    height: 3.5rem;
    overflow: hidden;
    border-bottom: 1px solid var(--_track);
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
  .c-actions {
    display: flex;
    gap: calc(var(--_space) / 2);
    justify-content: flex-end;
  }
  .c-actions .button {
    padding: calc(var(--_space) / 2) var(--_space);
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
  .id {
    color: var(--_text-muted);
    font-size: 0.9em;
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
    font-size: 0.75em;
    font-weight: 600;
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
  /* Narrow: two lines per holder; the column headers stay for screen readers only. */
  @container holders (max-width: 40rem) {
    .head {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .body .row {
      height: 6rem;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      grid-template-areas: 'name name' 'group plan' 'actions actions';
      align-content: center;
      gap: 0.25rem var(--_space);
      padding: var(--_space);
    }
    .body .c-name {
      grid-area: name;
    }
    .body .c-group {
      grid-area: group;
    }
    .body .c-plan {
      grid-area: plan;
    }
    .body .c-actions {
      grid-area: actions;
      justify-content: flex-start;
    }
  }
`;
