import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
    /* Loading keeps the room of a typical list (see .state.loading in the tokens). */
    --_reserve: 45rem;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_space) calc(var(--_space) * 2);
  }

  .field {
    display: grid;
    gap: 0.25rem;
    flex: 0 1 20rem;
  }

  label {
    font-weight: 600;
  }

  .count {
    margin: var(--_space) 0 0;
    color: var(--_text-muted);
  }

  .count:empty {
    margin: 0;
  }

  .state {
    margin-top: var(--_space);
  }

  .notice.info {
    background: var(--_surface-raised);
    border-inline-start-color: var(--_accent);
  }

  .notice p,
  .notice ul {
    margin: 0;
  }

  .notice ul {
    padding-inline-start: 1.2em;
  }

  table {
    width: 100%;
    margin-top: var(--_space);
    border-collapse: collapse;
  }

  .group-heading {
    margin: 0;
    font-size: 1.05em;
  }

  .group-row th {
    padding: calc(var(--_space) * 2.5) var(--_space) var(--_space);
    border-bottom-color: var(--_border);
  }

  tbody:first-of-type .group-row th {
    padding-top: calc(var(--_space) * 1.5);
  }

  th,
  td {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_track);
    text-align: start;
    vertical-align: middle;
    font-weight: normal;
  }

  thead th {
    border-bottom-color: var(--_border);
    color: var(--_text-muted);
    font-size: max(0.75rem, 0.85em);
    vertical-align: bottom;
  }

  :is(.inUse, .free, .total, .added, .newTotal, .newFree) {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  /* Eight columns with a pending licence: tighter cells, so they fit down to the card layout's width. */
  .pending :is(th, td) {
    padding-inline: calc(var(--_space) * 0.6);
  }

  /* The pending licence's columns: what activation changes. */
  :is(th, td).added {
    border-inline-start: 1px solid var(--_track);
  }

  button.sort {
    display: inline-flex;
    align-items: center;
    text-align: start;
    gap: 0.25rem;
    margin: -0.125rem -0.25rem;
    padding: 0.125rem 0.25rem;
    border: 0;
    border-radius: 4px;
    background: none;
    color: inherit;
    font-weight: 600;
  }

  button.sort:hover,
  th[aria-sort] button.sort {
    color: var(--_text);
  }

  th:not([aria-sort]) button.sort .icon {
    opacity: 0.6;
  }

  button.name {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.2em;
  }

  button.name:hover {
    text-decoration-thickness: 2px;
  }

  .plan,
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    margin-inline-start: 0.5rem;
    padding: 0 0.45rem;
    border-radius: 999px;
    font-size: max(0.75rem, 0.8em);
    font-weight: 600;
    white-space: nowrap;
  }

  .plan {
    border: 1px solid currentColor;
    color: var(--_text-muted);
  }

  .badge.nearly {
    background: var(--_warning-surface);
    color: var(--_warning-text);
  }

  .badge.full {
    background: var(--_danger-surface);
    color: var(--_danger-text);
  }

  .meter {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    vertical-align: middle;
  }

  .bar {
    display: block;
    width: clamp(3rem, 9cqi, 6rem);
    height: 0.5rem;
    border-radius: 999px;
    overflow: hidden;
  }

  .track {
    fill: var(--_track);
  }

  .fill {
    fill: var(--_accent);
  }

  tr.nearly .fill {
    fill: var(--_warning-text);
  }

  tr.full .fill {
    fill: var(--_danger-text);
  }

  .percent {
    min-width: 5ch;
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  .short {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    color: var(--_danger-text);
    font-weight: 700;
  }

  tr.open {
    background: var(--_surface-raised);
  }

  td#details {
    padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 1.5);
    border-bottom-color: var(--_border);
    background: var(--_surface-raised);
    white-space: normal;
  }

  .tooltip {
    margin: 0 0 var(--_space);
  }

  .holders-toggle {
    margin-top: var(--_space);
  }

  #holders so-licence-holders {
    margin-top: calc(var(--_space) * 1.5);
    white-space: normal;
  }

  .details .facts {
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: var(--_space) calc(var(--_space) * 3);
  }

  .details ul {
    margin: 0;
    padding-inline-start: 1.1em;
  }

  /* Where the columns do not fit, each licence is a card and the header row becomes a row of sort buttons: below
     480 px, or below 760 px with a pending licence's three extra columns. The element's own size decides, and names
     the wrapper "cards" so one set of card rules serves both. */
  @container (max-width: 480px) {
    .table-wrap {
      container: cards / inline-size;
    }
  }

  @container (max-width: 760px) {
    .table-wrap.pending {
      container: cards / inline-size;
    }
  }

  @container cards (min-width: 0) {
    table,
    thead,
    tbody,
    tr,
    th,
    td {
      display: block;
    }

    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }

    thead th,
    tbody th,
    tbody td,
    :is(th, td).added {
      padding: 0;
      border: 0;
    }

    button.sort {
      margin: 0;
      padding: 0.25rem 0.625rem;
      border: 1px solid var(--_border);
      border-radius: 999px;
    }

    th[aria-sort] button.sort {
      border-color: var(--_accent);
    }

    tbody tr:not(.group-row) {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 0.375rem var(--_space);
      margin-top: var(--_space);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    tbody :is(th, td[data-label]) {
      text-align: start;
    }

    .group-row th {
      padding-inline: 0;
    }

    th.name,
    td.usage {
      grid-column: 1 / -1;
    }

    td.usage {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem;
      white-space: normal;
    }

    td.usage:empty {
      display: none;
    }

    .bar {
      width: 8rem;
    }

    .badge {
      margin: 0;
    }

    td[data-label]:not(.usage)::before {
      content: attr(data-label) / '';
      display: block;
      color: var(--_text-muted);
      font-size: max(0.75rem, 0.8em);
      font-weight: 600;
    }

    tbody tr.details-row {
      display: block;
      margin-top: 0;
      border-top: 0;
      border-radius: 0 0 var(--_radius) var(--_radius);
      background: var(--_surface-raised);
    }

    tbody tr.open {
      border-radius: var(--_radius) var(--_radius) 0 0;
    }

    td#details {
      padding: 0;
      border: 0;
    }
  }
  button.link {
    margin-inline-start: var(--_space);
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
`;
