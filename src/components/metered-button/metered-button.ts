import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '../../localization.js';
import { getMeteredServices } from '../../api/endpoints.js';
import { ApiError } from '../../api/errors.js';
import type { MeteredServicesReport } from '../../api/schemas.js';
import { KitElement } from '../../core/kit-element.js';
import { Resource } from '../../core/resource.js';
import { renderResource } from '../../core/states.js';
import { exceededCount, monthRange, renderDashboard } from './metered-dashboard.js';
import { facts } from '../../core/facts.styles.js';
import { styles } from './metered-button.styles.js';

/**
 * A *Metered services* button that opens the metered-services dashboard in a modal dialog: per service this month's
 * use against its threshold, whether the excess is invoiced, the number of users the threshold is based on, and a
 * chart of the past months (y-axis, gridlines, every month labelled, values on hover and keyboard focus) with a
 * table alternative and a period choice (6, 12 or 24 months). Reads `GET /MeteredServices` up front, so the button
 * can say beside it when the information is not available or not allowed; with `badge` it shows how many services
 * are above their threshold.
 *
 * @tag so-metered-button
 * @summary Metered services button and dashboard.
 * @fires {CustomEvent<SoLoadDetail>} so-load - Data arrived and rendered. `detail: { source: 'MeteredServices' }`
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading failed. `detail: { kind, status?, message }`
 * @csspart button - The button that opens the dashboard.
 * @csspart badge - The number of services above their threshold, on the button (with `badge`).
 * @csspart availability - Beside the button: why there is nothing to show (not available, no access).
 * @csspart period - The period choice (6, 12, 24 months) in the dialog.
 * @csspart readout - Above a chart: the values of the month pointed at or picked with the arrow keys.
 * @csspart dialog - The dialog.
 * @csspart header - The dialog's header with its heading and close button.
 * @csspart close - The close button.
 * @csspart body - The dialog's scrolling content.
 * @csspart services - The grid of services.
 * @csspart service - One service.
 * @csspart exceeded - The "above the threshold" line of a service (`role="status"`).
 * @csspart chart - A service's chart of past months.
 * @csspart table-toggle - The *Show as table* button.
 * @csspart table - A service's months as a table.
 * @csspart state - Loading, empty, error and forbidden states.
 * @csspart retry - The *Try again* button.
 */
export class SoMeteredButton extends KitElement {
  static override styles = [KitElement.styles, facts, styles];

  /** How many months the chart shows, ending with the current month (1–120); the dialog offers 6, 12 and 24. */
  @property({ type: Number }) months = 12;

  /** Load at once and show the number of services above their threshold this month on the button. */
  @property({ type: Boolean, reflect: true }) badge = false;

  /** @internal Services whose chart is shown as a table too. */
  @state() private tables: ReadonlySet<string> = new Set();

  /** @internal Per service, the month its chart reads out. */
  @state() private active: ReadonlyMap<string, number> = new Map();

  /** @internal */
  @query('dialog') private dialog!: HTMLDialogElement;

  /** @internal */
  @query('.opener') private opener!: HTMLButtonElement;

  /** @internal */
  private readonly report = new Resource(this, {
    source: 'MeteredServices',
    localized: true,
    args: () => monthRange(this.months),
    load: ([from, to], { config, signal, fresh }) =>
      getMeteredServices(config, from, to, { signal, fresh }).catch((error: unknown) => {
        // A backend that does not offer the PROPOSED endpoint: a sentence, not an error.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    isEmpty: (report: MeteredServicesReport | null) => !report?.Services.length,
  });

  /** Opens the dashboard (and loads it the first time). */
  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Closes the dashboard; focus returns to the button. */
  hide(): void {
    this.dialog?.close();
  }

  /** Loads the data again, bypassing answers shared with other elements. */
  refresh(): Promise<void> {
    return this.report.refresh();
  }

  override render() {
    const title = msg('Metered services', { id: 'metered.title' });
    const report = this.report.state === 'loaded' ? this.report.value : undefined;
    const exceeded = this.badge ? exceededCount(report) : 0;
    const unavailable =
      this.report.state === 'forbidden'
        ? msg('No access', { id: 'metered.no-access' })
        : this.report.state === 'empty' && this.report.value === null
          ? msg('Not available', { id: 'metered.not-available' })
          : '';
    return html`<button
        class="button opener"
        part="button"
        type="button"
        aria-haspopup="dialog"
        aria-describedby=${unavailable ? 'availability' : nothing}
        @click=${() => this.show()}
      >
        ${title}${exceeded
          ? html`<span class="badge" part="badge" aria-hidden="true">${exceeded}</span
              ><span class="visually-hidden">, ${msg(str`${exceeded} exceeded`, { id: 'metered.badge' })}</span>`
          : nothing}
      </button>
      ${unavailable
        ? html`<span class="availability" id="availability" part="availability">${unavailable}</span>`
        : nothing}
      <dialog part="dialog" aria-labelledby="title" closedby="any" @close=${this.onClose}>
        <header part="header">
          <h2 id="title">${title}</h2>
          <button class="button close" part="close" type="button" autofocus @click=${this.hide}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 3l10 10M13 3L3 13"></path></svg>
            ${msg('Close', { id: 'metered.close' })}
          </button>
        </header>
        <div class="body" part="body">
          <fieldset class="period" part="period">
            <legend>${msg('Period', { id: 'metered.period' })}</legend>
            ${[...new Set([6, 12, 24, this.months])].sort((a, b) => a - b).map(
              (n) =>
                html`<label
                  ><input
                    type="radio"
                    name="period"
                    .checked=${this.months === n}
                    @change=${() => (this.months = n)}
                  />${msg(str`${n} months`, { id: 'metered.period-months' })}</label
                >`,
            )}
          </fieldset>
          ${renderResource(
            this.report,
            {
              failed: msg('Could not load the metered services.', { id: 'metered.failed' }),
              empty:
                this.report.value === null
                  ? msg('Metered services are not available for this installation.', { id: 'metered.unavailable' })
                  : msg('There is no metered use to show for this period.', { id: 'metered.empty' }),
            },
            (r) =>
              renderDashboard(r!, {
                tables: this.tables,
                toggleTable: (key) => this.toggleTable(key),
                active: this.active,
                setActive: (key, i) => (this.active = new Map(this.active).set(key, i)),
              }),
          )}
        </div>
      </dialog>`;
  }

  /** @internal */
  private onClose() {
    this.opener.focus();
  }

  /** @internal */
  private toggleTable(key: string) {
    const tables = new Set(this.tables);
    if (!tables.delete(key)) tables.add(key);
    this.tables = tables;
  }
}
