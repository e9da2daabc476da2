/** The metered-services dashboard: per service this month's use against its threshold, and a chart of past months. */
import { html, nothing } from 'lit';
import { msg, str } from '../../localization.js';
import type { MeteredService, MeteredServicesReport } from '../../api/schemas.js';
import { formatBytes, formatMonth, formatNumber, formatPercent, svgNumber } from '../../core/format.js';
import { renderChart, renderTable, type Amount } from './metered-chart.js';

/** `[from, to]` as `YYYY-MM`: the last `months` months, ending with the current one. */
export function monthRange(months: number, now = new Date()): readonly [string, string] {
  const count = Math.min(120, Math.max(1, Math.floor(months) || 12));
  const at = (back: number) => {
    const d = new Date(now.getFullYear(), now.getMonth() - back, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  };
  return [at(count - 1), at(0)] as const;
}

/** A service's months in order, and the latest one (this month's, where the server reports it). */
function monthsOf(service: MeteredService) {
  const months = [...service.Months].sort((a, b) => a.Month.localeCompare(b.Month));
  return { months, latest: months.at(-1) };
}

/** How many services are above their threshold in the latest month. */
export const exceededCount = (report: MeteredServicesReport | null | undefined): number =>
  report?.Services.filter((s) => monthsOf(s).latest?.Exceeded).length ?? 0;

/** The kit's own name of a known service; an unknown one is shown by the server's `Description`. */
export function serviceLabel(service: MeteredService): string {
  switch (service.ServiceKey) {
    case 'StorageSpace':
      return msg('Storage space', { id: 'metered.service.storage' });
    case 'MailingEmailsSent':
      return msg('E-mails sent via mailings', { id: 'metered.service.mailings' });
    case 'CustomerCenterLogins':
      return msg('Customer Centre logins', { id: 'metered.service.customer-centre' });
    case 'ChatSessionsStarted':
      return msg('Chat sessions started', { id: 'metered.service.chat' });
    case 'FormSubmissions':
      return msg('Form submissions', { id: 'metered.service.forms' });
    default:
      return service.Description || service.ServiceKey;
  }
}

/** What the dashboard needs from its element besides the report. */
export interface DashboardView {
  /** Keys of the services whose chart is shown as a table too. */
  tables: ReadonlySet<string>;
  toggleTable: (serviceKey: string) => void;
  /** Per service, the month its chart reads out. */
  active: ReadonlyMap<string, number>;
  setActive: (serviceKey: string, index: number) => void;
}

export function renderDashboard(report: MeteredServicesReport, view: DashboardView) {
  const [from, to] = [formatMonth(report.FromMonth, true), formatMonth(report.ToMonth, true)];
  return html`<p class="intro">
      ${msg(str`Use per month from ${from} to ${to}. Use above a service's threshold is invoiced.`, {
        id: 'metered.intro',
      })}
    </p>
    <div class="services" part="services">
      ${report.Services.map((s, i) => renderService(s, i, report.NumberOfUsers, view))}
    </div>`;
}

function renderService(service: MeteredService, index: number, users: number, view: DashboardView) {
  const label = serviceLabel(service);
  const amount: Amount = service.Unit === 'Bytes' ? formatBytes : (n) => formatNumber(n);
  const { months, latest } = monthsOf(service);
  const threshold = latest?.Threshold ?? service.Threshold;
  const used = latest?.Used ?? 0;
  // NaN (shown as unreadable, drawn empty) when an amount cannot be true.
  const share = !(used >= 0) || !(threshold >= 0) || !Number.isFinite(used + threshold) ? NaN : threshold > 0 ? used / threshold : used > 0 ? 1 : 0;
  const id = `service-${index}`;
  const tableShown = view.tables.has(service.ServiceKey);
  return html`<section class=${latest?.Exceeded ? 'service exceeded' : 'service'} part="service" aria-labelledby=${id}>
    <h3 id=${id}>${label}</h3>
    <dl class="facts">
      <div>
        <dt>
          ${latest
            ? msg(str`Used in ${formatMonth(latest.Month, true)}`, { id: 'metered.used-in' })
            : msg('Used this month', { id: 'metered.used-now' })}
        </dt>
        <dd class="used">${amount(used)}</dd>
      </div>
      <div>
        <dt>${msg('Threshold', { id: 'metered.threshold' })}</dt>
        <dd>${amount(threshold)}</dd>
      </div>
      ${service.ThresholdPerUser === null
        ? nothing
        : html`<div>
              <dt>${msg('Number of users', { id: 'metered.users' })}</dt>
              <dd>${formatNumber(users)}</dd>
            </div>
            <div>
              <dt>${msg('Threshold per user', { id: 'metered.per-user' })}</dt>
              <dd>${amount(service.ThresholdPerUser)}</dd>
            </div>`}
    </dl>
    <div class="usage">
      <svg class="meter" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
        <rect class="track" width="100" height="6"></rect>
        <rect class=${latest?.Exceeded ? 'fill over' : 'fill'} width=${svgNumber(share * 100, 0, 100)} height="6"></rect>
      </svg>
      <span>${msg(str`${formatPercent(share)} of the threshold`, { id: 'metered.share' })}</span>
    </div>
    ${latest?.Exceeded
      ? html`<p class="notice warning" part="exceeded" role="status">
          ${latest.InvoicedExcess === null
            ? msg('Above the threshold. The excess is invoiced on the next monthly invoice.', {
                id: 'metered.exceeded',
              })
            : msg(
                str`Above the threshold by ${amount(latest.InvoicedExcess)}. The excess is invoiced on the next monthly invoice.`,
                { id: 'metered.exceeded-by' },
              )}
        </p>`
      : nothing}
    ${renderChart(label, months, amount, {
      active: view.active.get(service.ServiceKey) ?? -1,
      setActive: (i) => view.setActive(service.ServiceKey, i),
      bytes: service.Unit === 'Bytes',
    })}
    ${months.length
      ? html`<button
            class="button toggle"
            part="table-toggle"
            type="button"
            aria-expanded=${tableShown ? 'true' : 'false'}
            aria-controls=${`${id}-table`}
            @click=${() => view.toggleTable(service.ServiceKey)}
          >
            ${tableShown
              ? msg('Hide table', { id: 'metered.hide-table' })
              : msg('Show as table', { id: 'metered.show-table' })}
          </button>
          ${tableShown ? renderTable(`${id}-table`, label, months, amount) : nothing}`
      : nothing}
  </section>`;
}
