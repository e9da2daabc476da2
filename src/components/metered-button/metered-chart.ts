/** The chart of one metered service's past months, drawn as SVG, and its data-table alternative. */
import { html, nothing, svg } from 'lit';
import { msg, str } from '@lit/localize';
import type { MeteredService } from '../../api/schemas.js';
import { formatMonth } from '../../core/format.js';

type Month = MeteredService['Months'][number];

/** Formats an amount in the service's unit. */
export type Amount = (value: number) => string;

/** Width of one month in the chart's coordinate system; the height is 100. */
const SLOT = 10;

/** Bars of the months' use with the threshold as a stepped line; `role="img"` with a summary as its label. */
export function renderChart(label: string, months: Month[], amount: Amount) {
  if (!months.length) return nothing;
  const top = Math.max(1, ...months.map((m) => Math.max(m.Used, m.Threshold))) * 1.08;
  const y = (value: number) => 100 - (Math.max(0, value) / top) * 100;
  const threshold = months.map((m, i) => `${i ? 'V' : `M0 `}${y(m.Threshold)} H${(i + 1) * SLOT}`).join(' ');
  const highest = months.reduce((a, b) => (b.Used > a.Used ? b : a));
  const [first, last] = [formatMonth(months[0].Month), formatMonth(months[months.length - 1].Month)];
  const over = months.filter((m) => m.Exceeded).length;
  const summary = msg(
    str`${label}, ${first} to ${last}: highest use ${amount(highest.Used)} in ${formatMonth(highest.Month)}; above the threshold in ${over} of ${months.length} months.`,
    { id: 'metered.chart' },
  );
  return html`<figure class="chart" part="chart">
    <svg role="img" aria-label=${summary} viewBox="0 0 ${months.length * SLOT} 100" preserveAspectRatio="none">
      ${months.map(
        (m, i) =>
          svg`<rect class=${m.Exceeded ? 'bar over' : 'bar'} x=${i * SLOT + 2} y=${y(m.Used)} width=${SLOT - 4}
            height=${100 - y(m.Used)}><title>${formatMonth(m.Month)}: ${amount(m.Used)}</title></rect>`,
      )}
      <path class="threshold" d=${threshold} vector-effect="non-scaling-stroke"></path>
      <line class="baseline" x1="0" x2=${months.length * SLOT} y1="100" y2="100" vector-effect="non-scaling-stroke"></line>
    </svg>
    <figcaption aria-hidden="true">
      <span>${first}</span>
      <span>${months.length > 1 ? last : nothing}</span>
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
