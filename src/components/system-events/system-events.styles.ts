import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }

  .base {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }

  .title,
  .subtitle,
  p {
    margin: 0;
  }

  .title {
    font-size: 1.15em;
  }

  .subtitle {
    font-size: 1em;
  }

  .muted {
    color: var(--_text-muted);
  }

  .notice {
    margin: 0;
  }

  /* Running jobs */
  .jobs {
    display: grid;
    gap: var(--_space);
  }

  .jobs ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .job {
    /* A long unbroken word (a file path, a token) wraps inside the card instead of widening it. */
    min-width: 0;
    overflow-wrap: anywhere;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) / 2);
    align-content: start;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  .job-name span,
  .job .muted {
    color: var(--_text-muted);
  }

  .job .muted {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_space);
    font-size: 0.9em;
  }

  .progress {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }

  progress {
    flex: 1 1 0;
    width: 0;
    min-width: 3rem;
    height: 0.5rem;
    border: 0;
    border-radius: 999px;
    background: var(--_track);
    appearance: none;
  }

  progress::-webkit-progress-bar {
    border-radius: 999px;
    background: var(--_track);
  }

  progress::-webkit-progress-value {
    border-radius: 999px;
    background: var(--_accent);
  }

  progress::-moz-progress-bar {
    border-radius: 999px;
    background: var(--_accent);
  }

  .percent {
    min-width: 3.5ch;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    text-align: end;
  }

  /* Search, filters, download; how many match; the export */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    gap: var(--_space) calc(var(--_space) * 2);
  }

  .field {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 9rem;
    min-width: 0;
  }

  .field.search {
    flex: 3 1 16rem;
  }

  .field label {
    font-weight: 600;
  }

  .field input,
  .field select {
    width: 100%;
    box-sizing: border-box;
  }

  .hint {
    font-size: 0.875em;
  }

  .toolbar .download {
    align-self: end;
    margin-block-end: 1.45em;
  }

  .count:empty {
    display: none;
  }

  .no-match {
    display: grid;
    justify-items: start;
    gap: var(--_space);
  }

  .grid[aria-busy='true'] .body {
    opacity: 0.55;
  }

  button.sort {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    max-width: 100%;
    margin: 0 -0.25rem;
    padding: 0.125rem 0.25rem;
    border: 0;
    border-radius: 4px;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }

  button.sort .label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  [role='columnheader']:not([aria-sort]) button.sort .icon {
    opacity: 0.6;
  }

  /* The grid: a fixed-height scroller, a sticky header, fixed-height rows (measured by the virtual window) */
  .grid {
    position: relative;
    height: var(--so-events-height, 24rem);
    overflow: auto;
    overflow-anchor: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .grid:focus-visible {
    outline-offset: -2px;
  }

  .head,
  .body {
    min-width: 62rem;
  }

  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface-raised);
    font-weight: 600;
  }

  .row {
    display: grid;
    /* The event's name gets the most room after the message (which the details panel shows in full); dates are as
       wide as a date is, type and status as their longest words. */
    grid-template-columns:
      minmax(10rem, 2fr) minmax(5.5rem, 0.7fr) minmax(8rem, 2.2fr) 11.5rem minmax(9rem, 0.9fr)
      11.5rem minmax(6rem, 0.6fr);
    align-items: center;
    gap: var(--_space);
    height: 2.75em;
    padding-inline: var(--_space);
    border-bottom: 1px solid var(--_track);
  }

  .body .row {
    cursor: pointer;
  }

  .body .row:hover {
    background: var(--_surface-raised);
  }

  .body .row[aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 16%, var(--_surface));
    box-shadow: inset 4px 0 0 var(--_accent);
  }

  .row:focus-visible {
    outline-offset: -2px;
  }

  [role='gridcell'],
  [role='columnheader'] {
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .c-event {
    font-weight: 600;
  }

  .head .c-event {
    font-weight: inherit;
  }

  .bad,
  .tone-bad {
    color: var(--_danger-text);
    font-weight: 600;
  }

  /* Known values by meaning, not by colour alone (contrast holds on selected rows too). */
  .tone-good {
    font-weight: 600;
  }

  .tone-busy {
    font-style: italic;
  }

  .tone-muted {
    text-decoration: line-through;
  }

  .job-name .job-state {
    margin-inline-start: 0.5rem;
    color: var(--_text);
    font-size: 0.875em;
  }

  .job .file {
    overflow-wrap: anywhere;
  }

  .stop {
    padding-block: 0.1rem;
  }

  .stop[aria-busy='true'] {
    cursor: progress;
  }

  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_text);
  }

  dialog::backdrop {
    background: rgb(10 15 25 / 0.5);
  }

  .dialog-title {
    margin: 0 0 0.5rem;
    font-size: 1.1em;
  }

  .warning-text {
    display: block;
    margin-block-start: 0.5rem;
    color: var(--_warning-text);
  }

  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: 1rem;
  }

  .button.danger {
    border-color: var(--_danger-text);
    background: var(--_danger-text);
    color: var(--_surface);
  }

  .c-by {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }

  .c-by > span:last-child {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .avatar {
    flex: none;
    width: 1.6rem;
    height: 1.6rem;
    border-radius: 50%;
    object-fit: cover;
  }

  .initials {
    display: inline-grid;
    place-items: center;
    background: var(--_track);
    color: var(--_text);
    font-size: 0.75rem;
    font-weight: 600;
  }

  .head .c-by {
    display: block;
  }

  .spacer {
    display: block;
  }

  .footer {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: calc(var(--_space) * -1);
    color: var(--_text-muted);
  }

  .footer:empty {
    display: none;
  }

  .footer[role='alert'] {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
    color: var(--_danger-text);
  }

  .footer p {
    flex: 1 1 16rem;
  }

  /* Details of the selected event */
  .details {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }

  .details .subtitle {
    color: var(--_text-muted);
    font-size: max(0.75rem, 0.85em);
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }

  .details-name {
    font-size: 1.05em;
    font-weight: 600;
  }

  .details-message {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .facts {
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--_space) calc(var(--_space) * 3);
  }

  /* Narrow: each row becomes a three-line card; the header and two columns stay for screen readers only */
  @container (max-width: 62rem) {
    .head,
    .body {
      min-width: 0;
    }

    .body .c-finished,
    .body .c-type {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    /* The header stays as a strip of sort buttons that wraps */
    .head .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.375rem;
      height: auto;
      padding-block: 0.375rem;
      font-size: 0.875em;
    }

    .head [role='columnheader'] {
      flex: none;
      max-width: 100%;
    }

    button.sort {
      margin: 0;
      padding: 0 0.5rem;
      border: 1px solid var(--_border);
      border-radius: 999px;
    }

    [aria-sort] button.sort {
      border-color: var(--_accent);
    }

    .body .row {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'event status'
        'message message'
        'by activated';
      align-content: center;
      gap: 0.15em var(--_space);
      height: 5.25em;
      padding-block: 0.25em;
    }

    .c-event {
      grid-area: event;
    }

    .c-status {
      grid-area: status;
      text-align: end;
    }

    .c-message {
      grid-area: message;
    }

    .c-activated {
      grid-area: activated;
      color: var(--_text-muted);
      text-align: end;
    }

    .c-by {
      grid-area: by;
      color: var(--_text-muted);
    }

    .avatar {
      width: 1.25rem;
      height: 1.25rem;
    }
  }
`;
