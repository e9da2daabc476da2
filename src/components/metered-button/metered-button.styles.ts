import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }

  .badge {
    min-width: 1.6em;
    padding: 0 0.45em;
    border-radius: 999px;
    background: var(--_danger-text);
    color: var(--_surface);
    font-size: max(0.75rem, 0.8em);
    line-height: 1.6;
    text-align: center;
  }

  dialog {
    width: min(72rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.3);
  }

  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  dialog::backdrop {
    background: rgb(10 15 25 / 0.5);
  }

  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_track);
  }

  h2 {
    margin: 0;
    font-size: 1.3em;
  }

  .close svg {
    width: 0.9em;
    height: 0.9em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }

  .body {
    overflow: auto;
    padding: calc(var(--_space) * 2);
  }

  .intro {
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_text-muted);
  }

  .services {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: calc(var(--_space) * 2);
  }

  .service {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .service.exceeded {
    border-color: var(--_warning-text);
    border-inline-start-width: 4px;
    padding-inline-start: calc(var(--_space) * 2 - 3px);
  }

  h3 {
    margin: 0;
    font-size: 1.05em;
  }

  .facts {
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
  }

  dd {
    font-variant-numeric: tabular-nums;
  }

  .used {
    font-size: 1.2em;
  }

  .usage {
    display: flex;
    align-items: center;
    gap: var(--_space);
    color: var(--_text-muted);
    font-size: max(0.75rem, 0.85em);
  }

  .meter {
    flex: 1 1 0;
    min-width: 3rem;
    height: 0.5rem;
    border-radius: 999px;
  }

  .track {
    fill: var(--_track);
  }

  .fill,
  .bar {
    fill: var(--_accent);
  }

  .fill.over,
  .bar.over {
    fill: var(--_danger-text);
  }

  .notice {
    margin: 0;
  }

  .chart {
    margin: var(--_space) 0 0;
  }

  .readout {
    min-height: 1.4em;
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_text-muted);
    font-size: max(0.75rem, 0.85em);
    font-variant-numeric: tabular-nums;
  }

  .plot {
    display: flex;
    gap: calc(var(--_space) / 2);
  }

  .y-axis {
    display: flex;
    flex-direction: column;
    justify-content: space-between;
    height: 8rem;
    /* the first and last labels centre on the top and bottom gridlines */
    margin: -0.6em 0;
    color: var(--_text-muted);
    font-size: max(0.75rem, 0.75em);
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
    text-align: end;
    white-space: nowrap;
  }

  .area {
    flex: 1 1 0;
    min-width: 0;
    container-type: inline-size;
    border-radius: 2px;
    cursor: crosshair;
    touch-action: pan-y;
  }

  .area:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 3px;
  }

  .chart svg {
    display: block;
    width: 100%;
    height: 8rem;
    overflow: visible;
  }

  .grid {
    stroke: var(--_track);
    stroke-width: 1;
  }

  .focus-band {
    fill: var(--_track);
    opacity: 0.7;
  }

  .x-axis {
    display: flex;
    margin-top: 0.25em;
    color: var(--_text-muted);
    font-size: max(0.75rem, 0.7em);
  }

  .x-axis > span {
    flex: 1 1 0;
    min-width: 0;
    overflow: visible;
    text-align: center;
    white-space: nowrap;
  }

  .x-axis .year {
    display: block;
    min-height: 1.2em;
  }

  .x-axis .narrow-only {
    visibility: hidden;
  }

  @container (max-width: 22rem) {
    .x-axis .minor {
      visibility: hidden;
    }

    .x-axis .narrow-only {
      visibility: visible;
    }
  }

  .availability {
    margin-inline-start: calc(var(--_space) / 2);
    color: var(--_text-muted);
    font-size: max(0.75rem, 0.85em);
  }

  .period {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0 0 var(--_space);
    padding: 0;
    border: 0;
  }

  .period legend {
    float: inline-start;
    margin-inline-end: calc(var(--_space) / 2);
    padding: 0;
    font-weight: 600;
  }

  .period label {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
  }

  .threshold {
    fill: none;
    stroke: var(--_text);
    stroke-width: 1.5;
    stroke-dasharray: 5 3;
  }

  .baseline {
    stroke: var(--_border);
    stroke-width: 1;
  }

  figcaption {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-top: calc(var(--_space) / 2);
    color: var(--_text-muted);
    font-size: max(0.75rem, 0.8em);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    flex-basis: 100%;
    gap: calc(var(--_space) * 1.5);
  }

  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    margin-inline-end: 0.35em;
    border-radius: 2px;
    background: var(--_accent);
    vertical-align: -0.05em;
  }

  .swatch.over {
    background: var(--_danger-text);
  }

  .swatch.threshold {
    width: 1.2em;
    height: 0;
    border-top: 2px dashed var(--_text);
    border-radius: 0;
    background: none;
    vertical-align: 0.25em;
  }

  .toggle {
    justify-self: start;
    padding: calc(var(--_space) * 0.4) var(--_space);
    font-size: max(0.75rem, 0.85em);
  }

  .table-scroll {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }

  caption {
    padding-bottom: calc(var(--_space) / 2);
    font-weight: 600;
    text-align: start;
  }

  th,
  td {
    padding: 0.3em 0;
    padding-inline-start: 0.75em;
    border-bottom: 1px solid var(--_track);
    text-align: end;
  }

  th:first-child {
    padding-inline-start: 0;
    text-align: start;
    white-space: nowrap;
  }

  thead th {
    vertical-align: bottom;
    color: var(--_text-muted);
    font-weight: 600;
  }

  tbody th {
    font-weight: 400;
  }

  tr.over td:last-child {
    color: var(--_danger-text);
    font-weight: 600;
  }

  @media (max-width: 40rem) {
    dialog {
      width: 100vw;
      max-width: 100vw;
      height: 100dvh;
      max-height: 100dvh;
      margin: 0;
      border: 0;
      border-radius: 0;
    }
  }
`;
