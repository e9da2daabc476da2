/** The chart of one metered service's past months, drawn as SVG with HTML axes, and its data-table alternative. */
import { html, nothing, svg } from 'lit';
import { msg, str } from '../../localization.js';
import type { MeteredService } from '../../api/schemas.js';
import { formatMonth, formatMonthName, formatNumber } from '../../core/format.js';

type Month = MeteredService['Months'][number];

/** Formats an amount in the service's unit. */
export type Amount = (value: number) => string;

/** Width of one month in the chart's coordinate system; the height is 100. */
const SLOT = 10;

/** Gridlines: the axis is split into this many equal steps, labelled at each line. */
const STEPS = 4;

/**
 * A round top for the y-axis at or above `max`, so that each of the `STEPS` gridlines falls on a readable value:
 * 1, 2, 4, 6, 8 or 10 times a power of ten — of the byte unit for byte amounts (1024-based, like `formatBytes`).
 */
export function niceTop(max: number, bytes = false): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  let unit = 1;
  if (bytes) while (max / unit >= 1024) unit *= 1024;
  const scaled = max / unit;
  const power = 10 ** Math.floor(Math.log10(scaled));
  const step = [1, 2, 4, 6, 8, 10].find((s) => s * power >= scaled) ?? 10;
  return step * power * unit;
}

/** What the chart of one service needs besides its months. */
export interface ChartView {
  /** The month whose values are read out (hover or keyboard), or -1. */
  active: number;
  setActive: (index: number) => void;
  /** The amounts are bytes (the axis steps follow byte units). */
  bytes: boolean;
}

/** One month read out: "Mar 2026: used 12 GB, threshold 10 GB, above the threshold". */
function readout(m: Month, amount: Amount): string {
  const month = formatMonth(m.Month, true);
  return m.Exceeded
    ? msg(str`${month}: used ${amount(m.Used)}, threshold ${amount(m.Threshold)}, above the threshold`, {
        id: 'metered.readout-over',
      })
    : msg(str`${month}: used ${amount(m.Used)}, threshold ${amount(m.Threshold)}`, { id: 'metered.readout' });
}

/**
 * Bars of the months' use with the threshold as a stepped line, a labelled y-axis with gridlines and a label under
 * every month (every other one beyond 12 months). The plot is one tab stop: ←/→/Home/End and the pointer pick a
 * month whose values are read out above the chart (`aria-live`), so they are there on hover and on keyboard focus.
 */
export function renderChart(label: string, months: Month[], amount: Amount, view: ChartView) {
  if (!months.length) return nothing;
  const finite = (n: number) => (Number.isFinite(n) ? Math.max(0, n) : 0);
  const top = niceTop(Math.max(...months.map((m) => Math.max(finite(m.Used), finite(m.Threshold)))), view.bytes);
  const y = (value: number) => 100 - (Math.min(finite(value), top) / top) * 100;
  const threshold = months.map((m, i) => `${i ? 'V' : `M0 `}${y(m.Threshold)} H${(i + 1) * SLOT}`).join(' ');
  const highest = months.reduce((a, b) => (b.Used > a.Used ? b : a));
  const [first, last] = [formatMonth(months[0].Month), formatMonth(months[months.length - 1].Month)];
  const over = months.filter((m) => m.Exceeded).length;
  const summary = msg(
    str`${label}, ${first} to ${last}: highest use ${amount(highest.Used)} in ${formatMonth(highest.Month)}; above the threshold in ${over} of ${months.length} months.`,
    { id: 'metered.chart' },
  );
  const active = view.active >= 0 && view.active < months.length ? view.active : -1;
  // Every month labelled up to 12 (every other one in a narrow chart, by CSS); beyond 12 every other (every 4th narrow).
  const every = months.length > 12 ? 2 : 1;
  const labelClass = (fromEnd: number) => (fromEnd % (every * 2) ? 'minor' : '');
  const firstMajor = months.findIndex((_, i) => !labelClass(months.length - 1 - i));
  const ticks = Array.from({ length: STEPS + 1 }, (_, i) => (top * (STEPS - i)) / STEPS);
  const pick = (index: number) => view.setActive(Math.max(0, Math.min(months.length - 1, index)));
  const onKey = (e: KeyboardEvent) => {
    const from = active < 0 ? months.length - 1 : active;
    const to = { ArrowLeft: from - 1, ArrowRight: from + 1, Home: 0, End: months.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    pick(to);
  };
  const onPointer = (e: PointerEvent) => {
    const box = (e.currentTarget as Element).getBoundingClientRect();
    if (box.width > 0) pick(Math.floor(((e.clientX - box.left) / box.width) * months.length));
  };
  return html`<figure class="chart" part="chart">
    <p class="readout" part="readout" aria-live="polite">${readout(months[active >= 0 ? active : months.length - 1], amount)}</p>
    <div class="plot">
      <div class="y-axis" aria-hidden="true">${ticks.map((t) => html`<span>${t ? amount(t) : formatNumber(0)}</span>`)}</div>
      <div
        class="area"
        role="group"
        tabindex="0"
        aria-label=${msg(str`${label}: chart of the months, arrow keys read each month`, { id: 'metered.chart-keys' })}
        @keydown=${onKey}
        @focus=${() => active < 0 && pick(months.length - 1)}
        @pointermove=${onPointer}
        @pointerdown=${onPointer}
      >
        <svg role="img" aria-label=${summary} viewBox="0 0 ${months.length * SLOT} 100" preserveAspectRatio="none">
          ${ticks.map(
            (t) =>
              svg`<line class="grid" x1="0" x2=${months.length * SLOT} y1=${y(t)} y2=${y(t)} vector-effect="non-scaling-stroke"></line>`,
          )}
          ${active >= 0 ? svg`<rect class="focus-band" x=${active * SLOT} y="0" width=${SLOT} height="100"></rect>` : nothing}
          ${months.map(
            (m, i) =>
              svg`<rect class=${m.Exceeded ? 'bar over' : 'bar'} x=${i * SLOT + 2} y=${y(m.Used)} width=${SLOT - 4}
                height=${100 - y(m.Used)}><title>${formatMonth(m.Month)}: ${amount(m.Used)}</title></rect>`,
          )}
          <path class="threshold" d=${threshold} vector-effect="non-scaling-stroke"></path>
          <line class="baseline" x1="0" x2=${months.length * SLOT} y1="100" y2="100" vector-effect="non-scaling-stroke"></line>
        </svg>
        <div class="x-axis" aria-hidden="true">
          ${months.map((m, i) => {
            const fromEnd = months.length - 1 - i;
            if (fromEnd % every) return html`<span></span>`;
            // The year stands under the first label and each January; narrow charts hide minor labels, so the first
            // major label carries it there.
            const year = i === 0 || m.Month.endsWith('-01') ? 'year' : i === firstMajor ? 'year narrow-only' : '';
            return html`<span class=${labelClass(fromEnd)}
              >${formatMonthName(m.Month)}<span class=${year || 'year none'}>${year ? m.Month.slice(0, 4) : ''}</span></span
            >`;
          })}
        </div>
      </div>
    </div>
    <figcaption aria-hidden="true">
      <span class="legend">
        <span><span class="swatch used"></span>${msg('Used', { id: 'metered.used' })}</span>
        ${over ? html`<span><span class="swatch over"></span>${msg('Above threshold', { id: 'metered.over' })}</span>` : nothing}
        <span><span class="swatch threshold"></span>${msg('Threshold', { id: 'metered.threshold' })}</span>
      </span>
    </figcaption>
  </figure>`;
}

/** The chart's data as a table: month, use, threshold and excess; it scrolls sideways (by keyboard too) when narrow. */
export function renderTable(id: string, label: string, months: Month[], amount: Amount) {
  const caption = msg(str`${label} per month`, { id: 'metered.table-caption' });
  return html`<div class="table-scroll" id=${id} role="region" aria-label=${caption} tabindex="0">
    <table part="table">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Month', { id: 'metered.month' })}</th>
          <th scope="col">${msg('Used', { id: 'metered.used' })}</th>
          <th scope="col">${msg('Threshold', { id: 'metered.threshold' })}</th>
          <th scope="col">${msg('Above threshold', { id: 'metered.over' })}</th>
        </tr>
      </thead>
      <tbody>
        ${months.map(
          (m) => html`<tr class=${m.Exceeded ? 'over' : ''}>
            <th scope="row">${formatMonth(m.Month)}</th>
            <td>${amount(m.Used)}</td>
            <td>${amount(m.Threshold)}</td>
            <td>${m.Exceeded ? amount(m.InvoicedExcess ?? m.Used - m.Threshold) : msg('No', { id: 'metered.no' })}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
