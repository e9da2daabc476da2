/**
 * The dialogs of `<so-licence-update>`, loaded when one is first opened (a lazy part of the CDN build):
 * `<so-licence-review>` (*Activate new licence*: what changes, *Remove superfluous licences*, W3 → W4) and
 * `<so-serial-change>` (*Change company name and serial number*, W7).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '../../localization.js';
import {
  activateLicence,
  changeSerialNumber,
  fetchNewLicence,
  licenceFromFile,
  validateLicence,
  type PendingLicence,
} from '../../api/endpoints.js';
import { isAbort, toApiError, type ApiError } from '../../api/errors.js';
import type { ExtendedModuleLicense, LicenseInfo } from '../../api/schemas.js';
import { confirmChange } from '../../core/confirm-dialog.js';
import { isolate } from '../../core/bidi.js';
import { formatDate, formatNumber } from '../../core/format.js';
import { define, KitElement } from '../../core/kit-element.js';
import { loadingTemplate } from '../../core/states.js';
import { WriteAction, writeFailureText } from '../../core/write-action.js';
import '../licence-holders/define.js';

/** The licence server could not be reached (the server answers 502/503/504, or says so). */
export const isLicenceServerDown = (e: ApiError | undefined): boolean =>
  !!e && e.kind === 'http' && (e.status === 502 || e.status === 503 || e.status === 504);

/** The sentence for a failed licence write: 403 in licence words, otherwise the shared sentences. */
export function licenceWriteFailure(e: ApiError): string {
  if (e.kind === 'forbidden') {
    return msg('You do not have permission to change the licence. You can still see it.', { id: 'update.forbidden' });
  }
  if (isLicenceServerDown(e)) return licenceServerDownText();
  return writeFailureText(e);
}

export const licenceServerDownText = () =>
  msg('The licence server cannot be reached. The licence in force keeps working; try again later.', { id: 'update.server-down' });

/** One licence that the new licence changes. */
export interface Change {
  module: ExtendedModuleLicense;
  added: number;
  /** Holders that must lose it before activation (−NewFree), or 0. */
  mustRemove: number;
}

/** The licences that `info` changes: added, removed (new total 0) or a different total; and those that block. */
export function changesOf(modules: readonly ExtendedModuleLicense[]): Change[] {
  return modules
    .filter((m) => !m.Current.IsHidden)
    .map((m) => ({
      module: m,
      added: m.NumberOfLicensesNewTotal - m.NumberOfLicensesTotal,
      mustRemove: m.Current.Unrestricted ? 0 : Math.max(0, -m.NumberOfLicensesNewFree),
    }))
    .filter((c) => c.added !== 0 || c.mustRemove > 0);
}

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : formatNumber(0));

const dialogStyles = css`
  dialog {
    width: min(52rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: calc(var(--_space) * 2.5);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(10 15 25 / 0.5);
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.2rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin: 0 0 var(--_space);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .changes {
    width: 100%;
    border-collapse: collapse;
    margin: var(--_space) 0;
  }
  .changes th,
  .changes td {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: end;
    vertical-align: top;
  }
  .changes th:first-child,
  .changes td:first-child {
    text-align: start;
  }
  .changes thead th {
    background: var(--_surface-raised);
    font-weight: 600;
  }
  .changes tr.blocked td {
    background: var(--_danger-surface);
    color: var(--_danger-text);
  }
  .up {
    color: var(--_success);
    font-weight: 600;
  }
  .down {
    color: var(--_danger-text);
    font-weight: 600;
  }
  .mark {
    display: inline-flex;
    gap: 0.25em;
    align-items: center;
    font-weight: 700;
  }
  .row-action {
    margin-top: calc(var(--_space) / 2);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .field-error {
    margin: 0;
    color: var(--_danger-text);
  }
  .notice p {
    margin: 0;
  }
  .input {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger-text);
  }
`;

/** A native modal `<dialog>` whose Tab and Shift+Tab stay inside it; Escape closes. */
abstract class ModalElement extends KitElement {
  /** @internal */
  @query('dialog') protected dialog!: HTMLDialogElement;
  /** @internal */
  private returnTo?: HTMLElement;

  /** Opens the dialog; focus returns to `returnFocus` when it closes. */
  async open(returnFocus?: HTMLElement): Promise<void> {
    this.returnTo = returnFocus;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.focusFirst();
  }

  /** Closes the dialog and returns focus. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  /** @internal */
  protected focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('[autofocus], h2[tabindex]')?.focus();
  }

  /** @internal */
  protected readonly onClose = () => {
    this.dispatchEvent(new Event('close'));
    this.returnTo?.focus();
  };

  /** @internal Tab cycles within the dialog (its own controls and those of elements in it). */
  protected readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const focusables = this.focusables();
    if (!focusables.length) return;
    const active = deepActive(this.renderRoot as ShadowRoot);
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (e.shiftKey && (active === first || !active)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  /** @internal */
  private focusables(): HTMLElement[] {
    const out: HTMLElement[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el.matches('button:not(:disabled), input:not(:disabled), a[href], [tabindex="0"]') && el.getClientRects().length) out.push(el);
      }
    };
    walk(this.renderRoot);
    return out;
  }
}

function deepActive(root: ShadowRoot): Element | null {
  let a: Element | null = root.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * *Activate new licence*: a modal dialog that downloads the new licence (W2, or reads a licence file with W5) and
 * lists only what changes, with in use, current total, new total and new available. Licences whose new total is
 * below the number in use are marked and offer *Remove N users* (`<so-licence-holders must-remove>` in the dialog);
 * coming back checks again. **Activate** asks for confirmation, then validates (W3) and activates (W4) the licence
 * exactly as received.
 *
 * @summary The review and activation of a new licence (part of `<so-licence-update>`).
 * @fires {CustomEvent<SoLicenceActivatedDetail>} so-licence-activated - W4 succeeded. `detail: { ownerName }`
 * @fires {CustomEvent<SoWriteErrorDetail>} so-write-error - Activating failed. `detail: { kind, status?, message, operation }` (`activate`)
 * @csspart dialog - The dialog.
 * @csspart changes - The table of licences that change.
 * @csspart warning - The "do not activate if this is wrong" warning.
 * @csspart activate - The **Activate** button.
 */
export class SoLicenceReview extends ModalElement {
  static override styles = [KitElement.styles, dialogStyles];

  /** The licence owner. */
  @property() owner = 'SUPEROFFICE';
  /** A licence file's text: read it with W5 instead of asking the licence server (W2). */
  @property({ attribute: false }) fileContent?: string;

  /** @internal */
  @state() private pending?: PendingLicence;
  /** @internal */
  @state() private loadError?: ApiError;
  /** @internal */
  @state() private loading = false;
  /** @internal The *Remove superfluous licences* step shown instead of the review. */
  @state() private removing?: Change;
  /** @internal */
  @state() private activated = false;

  /** @internal */
  private readonly action = new WriteAction(this);
  /** @internal */
  private loadController?: AbortController;

  /** Opens the dialog and downloads (or reads) the new licence. */
  override async open(returnFocus?: HTMLElement): Promise<void> {
    await super.open(returnFocus);
    if (!this.pending && !this.loading) await this.load();
  }

  /** The licence under review, once loaded. */
  get licence(): PendingLicence | undefined {
    return this.pending;
  }

  /** @internal W2 (or W5): the new licence, counted against the holders now. */
  private async load(): Promise<void> {
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    this.loading = true;
    this.loadError = undefined;
    try {
      const pending =
        this.fileContent === undefined
          ? await fetchNewLicence(this.config, this.owner, { signal: controller.signal })
          : await licenceFromFile(this.config, this.fileContent, { signal: controller.signal });
      this.pending = pending;
    } catch (e) {
      if (isAbort(e)) return;
      this.loadError = toApiError(e);
    } finally {
      if (this.loadController === controller) this.loading = false;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadController?.abort();
  }

  /** @internal */
  private get blocking(): Change[] {
    return this.pending ? changesOf(this.pending.info.ExtendedModuleLicenses).filter((c) => c.mustRemove > 0) : [];
  }

  /** @internal */
  private async activate(button: HTMLElement): Promise<void> {
    const pending = this.pending;
    if (!pending?.info.New || this.action.isBusy('activate')) return;
    const ok = await confirmChange(
      this,
      {
        heading: msg('Activate the new licence?', { id: 'update.confirm-heading' }),
        message: msg('The new licence replaces the one in force for everyone at once. This cannot be undone here.', {
          id: 'update.confirm-message',
        }),
        confirmLabel: msg('Activate', { id: 'update.activate' }),
        destructive: true,
      },
      button,
    );
    if (!ok) return;
    const saved = await this.action.run({
      key: 'activate',
      operation: 'activate',
      changes: [],
      run: async (signal) => {
        await validateLicence(this.config, pending, { signal });
        await activateLicence(this.config, pending, { signal });
      },
      done: () => msg('New licence activated', { id: 'update.activated' }),
    });
    if (saved) {
      this.activated = true;
      this.emit('so-licence-activated', { ownerName: pending.info.New.OwnerName });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~=done-close]')?.focus();
    }
  }

  /** @internal */
  private async showRemove(change: Change): Promise<void> {
    this.removing = change;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#remove-heading')?.focus();
  }

  /** @internal Back from *Remove superfluous licences*: check the new licence again. */
  private async back(): Promise<void> {
    const module = this.removing?.module.Current.ModuleName;
    this.removing = undefined;
    await this.load();
    await this.updateComplete;
    const row = module && this.renderRoot.querySelector<HTMLElement>(`[data-module="${CSS.escape(module)}"] button`);
    (row || this.renderRoot.querySelector<HTMLElement>('#review-heading'))?.focus();
  }

  override render() {
    return html`<dialog
      part="dialog"
      aria-labelledby="review-heading"
      @keydown=${this.onKeyDown}
      @close=${this.onClose}
      @cancel=${(e: Event) => {
        if (this.action.isBusy('activate')) e.preventDefault();
      }}
    >
      <h2 id="review-heading" tabindex="-1">${msg('Activate new licence', { id: 'update.review-heading' })}</h2>
      ${this.removing ? this.renderRemove(this.removing) : this.renderBody()}
    </dialog>`;
  }

  /** @internal */
  private renderBody(): TemplateResult {
    const close = html`<button class="button" part="close" type="button" autofocus @click=${() => this.close()}>
      ${msg('Close', { id: 'update.close' })}
    </button>`;
    if (this.activated) {
      return html`<div class="notice success" role="status"><p>${msg('New licence activated', { id: 'update.activated' })}</p></div>
        <div class="actions">
          <button class="button primary" part="close done-close" type="button" @click=${() => this.close()}>${msg('Close', { id: 'update.close' })}</button>
        </div>`;
    }
    if (this.loading && !this.pending) {
      return html`${loadingTemplate(msg('Fetching the new licence…', { id: 'update.fetching' }))}
        <div class="actions">${close}</div>`;
    }
    if (this.loadError) {
      return html`<div class="state error" role="alert">
          <p>${this.loadFailureText(this.loadError)}</p>
          ${this.isBadFile(this.loadError)
            ? nothing
            : html`<button class="button" part="retry" type="button" @click=${() => this.load()}>${msg('Try again', { id: 'state.retry' })}</button>`}
        </div>
        <div class="actions">${close}</div>`;
    }
    const info = this.pending?.info;
    if (!info) return html`<div class="actions">${close}</div>`;
    if (!info.New) {
      return html`<p role="status">${msg('There is no new licence to activate.', { id: 'update.no-new' })}
          ${info.Reason ? html`<span>${info.Reason}</span>` : nothing}</p>
        <div class="actions">${close}</div>`;
    }
    const changes = changesOf(info.ExtendedModuleLicenses);
    const blocking = this.blocking;
    const notActivatable = !info.CanBeActivated;
    const busy = this.action.isBusy('activate');
    const failed = this.action.notice?.kind === 'failed' ? this.action.notice.error : undefined;
    return html`${this.renderFacts(info.Current, info.New)}
      ${changes.length
        ? html`<table class="changes" part="changes" aria-busy=${this.loading ? 'true' : 'false'}>
            <caption class="visually-hidden">${msg('Licences that change', { id: 'update.changes-caption' })}</caption>
            <thead>
              <tr>
                <th scope="col">${msg('Licence', { id: 'update.col-licence' })}</th>
                <th scope="col">${msg('In use', { id: 'update.col-in-use' })}</th>
                <th scope="col">${msg('Current total', { id: 'update.col-total' })}</th>
                <th scope="col">${msg('Change', { id: 'update.col-change' })}</th>
                <th scope="col">${msg('New total', { id: 'update.col-new-total' })}</th>
                <th scope="col">${msg('New available', { id: 'update.col-new-free' })}</th>
              </tr>
            </thead>
            <tbody>
              ${changes.map((c) => this.renderChange(c))}
            </tbody>
          </table>`
        : html`<p>${msg('The new licence does not change the number of licences.', { id: 'update.no-changes' })}</p>`}
      <div class="notice warning" part="warning" role="note">
        <p>${msg('If the numbers or modules are wrong, contact SuperOffice and do not activate.', { id: 'update.warning' })}</p>
      </div>
      ${blocking.length
        ? html`<p class="notice error" role="status">
            ${msg('Remove users from the marked licences before activating: the new licence has fewer than are in use.', {
              id: 'update.blocked',
            })}
          </p>`
        : nothing}
      ${notActivatable
        ? html`<p class="notice error" role="status">
            ${info.Reason
              ? msg(str`This licence cannot be activated: ${isolate(info.Reason)}`, { id: 'update.not-activatable-reason' })
              : msg('This licence cannot be activated.', { id: 'update.not-activatable' })}
          </p>`
        : nothing}
      ${failed ? html`<div class="notice error" part="write-error" role="alert"><p>${licenceWriteFailure(failed)}</p></div>` : nothing}
      <div class="actions">
        ${close}
        ${this.action.readOnly
          ? nothing
          : html`<button
              class="button primary"
              part="activate"
              type="button"
              ?disabled=${busy || blocking.length > 0 || notActivatable || this.loading}
              aria-busy=${busy ? 'true' : 'false'}
              @click=${(e: Event) => this.activate(e.currentTarget as HTMLElement)}
            >
              ${busy ? msg('Activating…', { id: 'update.activating' }) : msg('Activate', { id: 'update.activate' })}
            </button>`}
      </div>`;
  }

  /** @internal The server read the file and found no licence in it: sending it again would not help. */
  private isBadFile(e: ApiError): boolean {
    return e.kind === 'http' && e.status === 400 && this.fileContent !== undefined;
  }

  /** @internal */
  private loadFailureText(e: ApiError): string {
    if (isLicenceServerDown(e)) return licenceServerDownText();
    if (this.isBadFile(e)) {
      return msg('This file is not a licence file. Choose the licence file you received from SuperOffice.', { id: 'update.bad-file' });
    }
    if (e.kind === 'forbidden') return msg('You do not have permission to change the licence. You can still see it.', { id: 'update.forbidden' });
    return msg(str`The new licence could not be fetched. ${writeFailureText(e)}`, { id: 'update.fetch-failed' });
  }

  /** @internal The owner facts that change: expiry date, company name, serial number. */
  private renderFacts(current: LicenseInfo, next: LicenseInfo): TemplateResult {
    const rows: [string, string, string][] = [];
    if (current.ExpiryDate !== next.ExpiryDate) {
      rows.push([msg('Expiry date', { id: 'update.expiry' }), formatDate(current.ExpiryDate) || '—', formatDate(next.ExpiryDate) || '—']);
    }
    if (current.CompanyName !== next.CompanyName) rows.push([msg('Company name', { id: 'update.company' }), current.CompanyName, next.CompanyName]);
    if (current.SerialNr !== next.SerialNr) rows.push([msg('Serial number', { id: 'update.serial' }), current.SerialNr, next.SerialNr]);
    if (!rows.length) return html``;
    return html`<dl class="facts">
      ${rows.map(
        ([label, from, to]) => html`<dt>${label}</dt>
          <dd>${msg(str`${isolate(from)} → ${isolate(to)}`, { id: 'update.from-to' })}</dd>`,
      )}
    </dl>`;
  }

  /** @internal */
  private renderChange(c: Change): TemplateResult {
    const m = c.module;
    const unlimited = m.Current.Unrestricted;
    const n = (v: number) => (unlimited ? msg('Unlimited', { id: 'update.unlimited' }) : formatNumber(v));
    const direction =
      c.added > 0
        ? html`<span class="up">${signed(c.added)}</span>`
        : c.added < 0
          ? html`<span class="down">${signed(c.added)}</span>`
          : html`<span>${signed(0)}</span>`;
    const mark = m.NumberOfLicensesNewTotal === 0 && m.NumberOfLicensesTotal > 0 ? msg('removed', { id: 'update.removed' }) : m.NumberOfLicensesTotal === 0 && !unlimited ? msg('added', { id: 'update.added' }) : '';
    return html`<tr class=${c.mustRemove ? 'blocked' : ''} data-module=${m.Current.ModuleName}>
      <td>
        ${m.Current.ModuleDescription || m.Current.ModuleName}${mark ? html` <span>(${mark})</span>` : nothing}
        ${c.mustRemove
          ? html`<div class="row-action">
              <span class="mark"><span aria-hidden="true">⚠</span>${msg('Too few', { id: 'update.too-few' })}</span>
              ${this.action.readOnly
                ? nothing
                : html`<button class="button" part="remove-users" type="button" @click=${() => this.showRemove(c)}>
                    ${msg(str`Remove ${formatNumber(c.mustRemove)} users`, { id: 'update.remove-n' })}
                  </button>`}
            </div>`
          : nothing}
      </td>
      <td>${n(m.NumberOfLicensesInUse)}</td>
      <td>${n(m.NumberOfLicensesTotal)}</td>
      <td>${direction}</td>
      <td>${n(m.NumberOfLicensesNewTotal)}</td>
      <td>${unlimited ? n(0) : m.NumberOfLicensesNewFree < 0 ? `−${formatNumber(-m.NumberOfLicensesNewFree)}` : formatNumber(m.NumberOfLicensesNewFree)}</td>
    </tr>`;
  }

  /** @internal *Remove superfluous licences* for one licence, then back to the review. */
  private renderRemove(c: Change): TemplateResult {
    return html`<h3 id="remove-heading" tabindex="-1">
        ${msg(str`Remove superfluous licences: ${isolate(c.module.Current.ModuleDescription || c.module.Current.ModuleName)}`, { id: 'update.remove-heading' })}
      </h3>
      <so-licence-holders
        owner=${c.module.Current.OwnerName}
        module=${c.module.Current.ModuleName}
        must-remove=${c.mustRemove}
        heading-level=${this.level(2)}
        .apiBase=${this.apiBase}
        @so-write-error=${(e: Event) => e.stopPropagation()}
      ></so-licence-holders>
      <div class="actions">
        <button class="button primary" part="back" type="button" @click=${() => this.back()}>
          ${msg('Back to the new licence', { id: 'update.back' })}
        </button>
      </div>`;
  }
}

/**
 * *Change company name and serial number* (demo installations): a form with validation, a confirmation that names
 * the old and the new values, then W7.
 *
 * @summary Changes the company name and serial number (part of `<so-licence-update>`).
 * @fires {CustomEvent<SoWriteErrorDetail>} so-write-error - The change failed. `detail: { kind, status?, message, operation }` (`change-serial`)
 * @csspart dialog - The dialog.
 */
export class SoSerialChange extends ModalElement {
  static override styles = [KitElement.styles, dialogStyles];

  /** The company name in force. */
  @property({ attribute: 'company-name' }) companyName = '';
  /** The serial number in force. */
  @property({ attribute: 'serial-number' }) serialNumber = '';

  /** @internal */
  @state() private company = '';
  /** @internal */
  @state() private serial = '';
  /** @internal */
  @state() private tried = false;
  /** @internal */
  @state() private changed = false;

  /** @internal */
  private readonly action = new WriteAction(this);

  override async open(returnFocus?: HTMLElement): Promise<void> {
    this.company = this.companyName;
    this.serial = this.serialNumber;
    this.tried = false;
    this.changed = false;
    this.action.dismiss();
    await super.open(returnFocus);
  }

  /** @internal */
  private get companyError(): string | undefined {
    const v = this.company.trim();
    if (!v) return msg('Enter the company name.', { id: 'update.company-required' });
    if (v.length > 100) return msg('The company name can have at most 100 characters.', { id: 'update.company-long' });
    return undefined;
  }

  /** @internal */
  private get serialError(): string | undefined {
    if (!/^\d{10}$/.test(this.serial.trim())) return msg('The serial number is ten digits.', { id: 'update.serial-format' });
    return undefined;
  }

  /** @internal */
  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    this.tried = true;
    if (this.companyError || this.serialError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    const [company, serial] = [this.company.trim(), this.serial.trim()];
    if (company === this.companyName && serial === this.serialNumber) {
      this.close();
      return;
    }
    const button = this.renderRoot.querySelector<HTMLElement>('[part~=save]') ?? undefined;
    const ok = await confirmChange(
      this,
      {
        heading: msg('Change company name and serial number?', { id: 'update.serial-confirm-heading' }),
        message: html`<p>${msg(str`Company name: ${isolate(this.companyName)} → ${isolate(company)}`, { id: 'update.serial-confirm-company' })}</p>
          <p>${msg(str`Serial number: ${isolate(this.serialNumber)} → ${isolate(serial)}`, { id: 'update.serial-confirm-serial' })}</p>`,
        confirmLabel: msg('Change', { id: 'update.serial-confirm' }),
        destructive: true,
      },
      button,
    );
    if (!ok) return;
    const saved = await this.action.run({
      key: 'serial',
      operation: 'change-serial',
      changes: [],
      run: (signal) => changeSerialNumber(this.config, company, serial, { signal }),
      done: () => msg('The company name and serial number were changed.', { id: 'update.serial-changed' }),
    });
    if (saved) {
      this.changed = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~=close]')?.focus();
    }
  }

  override render() {
    const busy = this.action.isBusy('serial');
    const failed = this.action.notice?.kind === 'failed' ? this.action.notice.error : undefined;
    const companyError = this.tried ? this.companyError : undefined;
    const serialError = this.tried ? this.serialError : undefined;
    return html`<dialog part="dialog" aria-labelledby="serial-heading" @keydown=${this.onKeyDown} @close=${this.onClose}>
      <h2 id="serial-heading" tabindex="-1">${msg('Change company name and serial number', { id: 'update.serial-heading' })}</h2>
      ${this.changed
        ? html`<div class="notice success" role="status">
              <p>${msg('The company name and serial number were changed.', { id: 'update.serial-changed' })}</p>
            </div>
            <div class="actions">
              <button class="button primary" part="close" type="button" @click=${() => this.close()}>${msg('Close', { id: 'update.close' })}</button>
            </div>`
        : html`<form novalidate @submit=${this.submit}>
            <div class="field">
              <label for="company">${msg('Company name', { id: 'update.company' })}</label>
              <input
                id="company"
                class="input"
                autocomplete="organization"
                autofocus
                .value=${this.company}
                aria-invalid=${companyError ? 'true' : 'false'}
                aria-describedby=${companyError ? 'company-error' : nothing}
                @input=${(e: Event) => (this.company = (e.target as HTMLInputElement).value)}
              />
              ${companyError ? html`<p id="company-error" class="field-error">${companyError}</p>` : nothing}
            </div>
            <div class="field">
              <label for="serial">${msg('Serial number', { id: 'update.serial' })}</label>
              <input
                id="serial"
                class="input"
                inputmode="numeric"
                .value=${this.serial}
                aria-invalid=${serialError ? 'true' : 'false'}
                aria-describedby=${serialError ? 'serial-error' : nothing}
                @input=${(e: Event) => (this.serial = (e.target as HTMLInputElement).value)}
              />
              ${serialError ? html`<p id="serial-error" class="field-error">${serialError}</p>` : nothing}
            </div>
            ${failed ? html`<div class="notice error" part="write-error" role="alert"><p>${licenceWriteFailure(failed)}</p></div>` : nothing}
            <div class="actions">
              <button class="button" part="close" type="button" @click=${() => this.close()}>${msg('Cancel', { id: 'write.cancel' })}</button>
              ${this.action.readOnly
                ? nothing
                : html`<button class="button primary" part="save" type="submit" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
                    ${msg('Save', { id: 'update.serial-save' })}
                  </button>`}
            </div>
          </form>`}
    </dialog>`;
  }
}

define('so-licence-review', SoLicenceReview);
define('so-serial-change', SoSerialChange);

declare global {
  interface HTMLElementTagNameMap {
    'so-licence-review': SoLicenceReview;
    'so-serial-change': SoSerialChange;
  }
}
