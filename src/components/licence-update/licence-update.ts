import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../../localization.js';
import { checkLicenseStatus, getLicenses, safeHttpsUrl } from '../../api/endpoints.js';
import { isAbort, toApiError, type ApiError } from '../../api/errors.js';
import type { CheckLicenseStatusResult, ExtendedLicenseInfo } from '../../api/schemas.js';
import { isolate } from '../../core/bidi.js';
import { formatDateTime } from '../../core/format.js';
import { KitElement } from '../../core/kit-element.js';
import { Resource } from '../../core/resource.js';
import { openShop, shopLabel, shopOutcomeText } from '../../core/shop.js';
import { reasonOf, renderResource } from '../../core/states.js';
import { styles } from './licence-update.styles.js';
import type * as DialogsModule from './dialogs.js';

/** The largest licence file read (a licence file is a few KiB). */
const MAX_FILE_BYTES = 1_000_000;

/** What the status line shows. */
type Check =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'done'; result: CheckLicenseStatusResult; at: Date }
  | { phase: 'failed'; error: ApiError };

/** The outcome of the last other action (shop, file), as a sentence. */
type Notice = { kind: 'status' | 'alert'; text: () => string };

/** The local wall-clock time of `d`, as the kit writes dates. */
const wall = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:00`;

/**
 * The update bar of one licence owner, as on SuperOffice's *Licences* screen: **Check for new licence** asks the
 * licence server (W1) and says the outcome in words; a new licence opens *Activate new licence* (**Review and
 * activate**): a modal dialog that lists only what changes, marks licences with fewer seats than holders and offers
 * *Remove superfluous licences* for them, and activates the licence (W3, W4) after a confirmation. Where the licence
 * information (E1) already carries a new licence, the bar says so without being asked. **Purchase new licences**
 * opens the owner's shop (W6) in a new window, only when its address is `https:`. With `allow-file`, **Load licence
 * from file** (picker or drop) reads a licence file (W5) into the same review; with `allow-serial-change`, **Change
 * company name and serial number** (W7).
 *
 * Writes are sent once per click, never retried; a 403 turns the write controls into a read-only sentence while the
 * licence stays readable. The dialogs load when first opened.
 *
 * @tag so-licence-update
 * @summary Check for, review and activate a new licence; shop, licence file and serial number.
 * @fires {CustomEvent<SoLoadDetail>} so-load - The licence information arrived. `detail.source`: `License`
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading it failed. `detail: { kind, status?, message }`
 * @fires {CustomEvent<SoLicenceActivatedDetail>} so-licence-activated - A new licence was activated (W4). `detail: { ownerName }`
 * @fires {CustomEvent<SoWriteErrorDetail>} so-write-error - A write failed. `detail: { kind, status?, message, operation }` (`activate`, `change-serial`)
 * @csspart bar - The bar.
 * @csspart status - The `role=status` line.
 * @csspart alert - The `role=alert` line (licence server unreachable, problem with the licence, failed action).
 * @csspart check - *Check for new licence*.
 * @csspart review - *Review and activate*.
 * @csspart shop - *Purchase new licences*.
 * @csspart file - *Load licence from file*.
 * @csspart drop - The drop target for a licence file.
 * @csspart serial - *Change company name and serial number*.
 * @csspart read-only - The sentence shown instead of write controls after a 403.
 * @csspart state - Loading, error and forbidden states.
 * @csspart retry - The *Try again* button.
 * @slot - Nothing: the bar has no slots.
 */
export class SoLicenceUpdate extends KitElement {
  static override styles = [KitElement.styles, styles];

  /** The licence owner, e.g. `SUPEROFFICE` or a third-party `OwnerName`. */
  @property() owner = 'SUPEROFFICE';
  /** Offer *Load licence from file* (onsite installations whose server cannot reach the licence server). */
  @property({ type: Boolean, attribute: 'allow-file' }) allowFile = false;
  /** Offer *Change company name and serial number* (demo installations). */
  @property({ type: Boolean, attribute: 'allow-serial-change' }) allowSerialChange = false;

  /** @internal */
  @state() private check: Check = { phase: 'idle' };
  /** @internal */
  @state() private notice?: Notice;
  /** @internal A write answered 403. */
  @state() private readOnly = false;
  /** @internal A licence was activated here. */
  @state() private activated = false;
  /** @internal */
  @state() private shopBusy = false;
  /** @internal */
  @state() private dragOver = false;

  /** @internal */
  private dialogs?: typeof DialogsModule;
  /** @internal */
  private checkController?: AbortController;

  /** @internal */
  private readonly licences = new Resource(this, {
    source: 'License',
    localized: true,
    args: () => [this.owner] as const,
    load: async ([owner], { config, signal, fresh }) => {
      const all = await getLicenses(config, { signal, fresh });
      return all.find((o) => o.Current.OwnerName.toLowerCase() === owner.toLowerCase()) ?? null;
    },
    isEmpty: (v) => v === null,
  });

  /** Loads the licence information again; forgets the last check. */
  async refresh(): Promise<void> {
    this.check = { phase: 'idle' };
    await this.licences.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.checkController?.abort();
  }

  /** @internal W1: one request per click. */
  private async runCheck(): Promise<void> {
    if (this.check.phase === 'checking') return;
    const controller = (this.checkController = new AbortController());
    this.check = { phase: 'checking' };
    this.notice = undefined;
    try {
      const result = await checkLicenseStatus(this.config, this.owner, { signal: controller.signal });
      this.check = { phase: 'done', result, at: new Date() };
    } catch (e) {
      if (isAbort(e)) return;
      this.check = { phase: 'failed', error: toApiError(e) };
    }
  }

  /** @internal */
  private async loadDialogs(): Promise<typeof DialogsModule> {
    this.dialogs ??= await import('./dialogs.js');
    return this.dialogs;
  }

  /** @internal Opens *Activate new licence* for the licence server's licence, or a licence file's text. */
  private async review(returnFocus: HTMLElement | undefined, fileContent?: string): Promise<void> {
    await this.loadDialogs();
    this.shadowRoot!.querySelector('so-licence-review')?.remove();
    const dialog = document.createElement('so-licence-review');
    dialog.owner = this.owner;
    dialog.apiBase = this.apiBase;
    dialog.headingLevel = this.headingLevel;
    if (this.theme) dialog.theme = this.theme;
    dialog.fileContent = fileContent;
    dialog.addEventListener('so-licence-activated', () => {
      this.activated = true;
      this.check = { phase: 'idle' };
    });
    dialog.addEventListener('so-write-error', (e) => {
      if (e.detail.kind === 'forbidden') this.readOnly = true;
    });
    dialog.addEventListener('close', () => dialog.remove());
    this.shadowRoot!.append(dialog);
    await dialog.open(returnFocus);
  }

  /** @internal */
  private async changeSerial(returnFocus: HTMLElement): Promise<void> {
    await this.loadDialogs();
    const owner = this.licences.value;
    this.shadowRoot!.querySelector('so-serial-change')?.remove();
    const dialog = document.createElement('so-serial-change');
    dialog.apiBase = this.apiBase;
    if (this.theme) dialog.theme = this.theme;
    dialog.companyName = owner?.Current.CompanyName ?? '';
    dialog.serialNumber = owner?.Current.SerialNr ?? '';
    dialog.addEventListener('so-write-error', (e) => {
      if (e.detail.kind === 'forbidden') this.readOnly = true;
    });
    dialog.addEventListener('close', () => dialog.remove());
    this.shadowRoot!.append(dialog);
    await dialog.open(returnFocus);
  }

  /** @internal W6: opens the shop in a new window, only when its address is `https:`. */
  private async shop(): Promise<void> {
    if (this.shopBusy) return;
    this.shopBusy = true;
    this.notice = undefined;
    try {
      const outcome = await openShop(this, this.owner);
      if (shopOutcomeText(outcome)) this.notice = { kind: 'alert', text: () => shopOutcomeText(outcome)! };
    } finally {
      this.shopBusy = false;
    }
  }

  /** @internal Reads a licence file and opens the review with it. */
  private async readFile(file: File | undefined, returnFocus?: HTMLElement): Promise<void> {
    if (!file) return;
    this.notice = undefined;
    if (file.size > MAX_FILE_BYTES || file.size === 0) {
      this.notice = {
        kind: 'alert',
        text: () => msg('This file is not a licence file. Choose the licence file you received from SuperOffice.', { id: 'update.bad-file' }),
      };
      return;
    }
    await this.review(returnFocus, await file.text());
  }

  override render() {
    return renderResource(
      this.licences,
      {
        failed: msg('Could not load the licence information.', { id: 'update.load-failed' }),
        empty: msg(str`There is no licence for ${isolate(this.owner)}.`, { id: 'update.empty' }),
        forbidden: msg('You do not have access to licence information.', { id: 'update.no-access' }),
      },
      (owner) => this.renderBar(owner as ExtendedLicenseInfo),
      // Loading keeps the bar's room at this width, in this language: its buttons wrap as they will.
      () => this.renderBar(),
    );
  }

  /** @internal The bar; without `owner`, its shape for the loading state. */
  private renderBar(owner?: ExtendedLicenseInfo): TemplateResult {
    const waiting = !!owner?.New && !this.activated;
    const checking = this.check.phase === 'checking';
    const reviewButton = this.readOnly
      ? nothing
      : html`<button class="button primary" part="review" type="button" @click=${(e: Event) => this.review(e.currentTarget as HTMLElement)}>
          ${msg('Review and activate', { id: 'update.review' })}
        </button>`;
    return html`<div class="bar" part="bar">
      <div class="status" part="status" role="status">${this.renderStatus(waiting)}</div>
      <div class="actions">
        ${waiting || this.offersReview() ? reviewButton : nothing}
        <button
          class="button"
          part="check"
          type="button"
          ?disabled=${checking}
          aria-busy=${checking ? 'true' : 'false'}
          @click=${this.runCheck}
        >
          ${msg('Check for new licence', { id: 'update.check' })}
        </button>
        <button class="button" part="shop" type="button" ?disabled=${this.shopBusy} aria-busy=${this.shopBusy ? 'true' : 'false'} @click=${this.shop}>
          ${shopLabel()}
        </button>
        ${this.allowFile && !this.readOnly
          ? html`<button class="button" part="file" type="button" @click=${this.pickFile}>
                ${msg('Load licence from file', { id: 'update.file' })}
              </button>
              <input
                class="visually-hidden"
                type="file"
                tabindex="-1"
                aria-hidden="true"
                @change=${(e: Event) => this.readFile((e.target as HTMLInputElement).files?.[0], this.renderRoot.querySelector<HTMLElement>('[part=file]') ?? undefined)}
              />`
          : nothing}
        ${this.allowSerialChange && !this.readOnly
          ? html`<button class="button" part="serial" type="button" @click=${(e: Event) => this.changeSerial(e.currentTarget as HTMLElement)}>
              ${msg('Change company name and serial number', { id: 'update.serial-button' })}
            </button>`
          : nothing}
      </div>
      ${this.renderAlert()}
      ${this.allowFile && !this.readOnly
        ? html`<div
            class="drop ${this.dragOver ? 'over' : ''}"
            part="drop"
            @dragover=${(e: DragEvent) => {
              e.preventDefault();
              this.dragOver = true;
            }}
            @dragleave=${() => (this.dragOver = false)}
            @drop=${(e: DragEvent) => {
              e.preventDefault();
              this.dragOver = false;
              void this.readFile(e.dataTransfer?.files[0]);
            }}
          >
            ${msg('Or drop a licence file here.', { id: 'update.drop' })}
          </div>`
        : nothing}
      ${this.readOnly
        ? html`<p class="read-only" part="read-only">
            ${msg('You do not have permission to change the licence. You can still see it.', { id: 'update.forbidden' })}
          </p>`
        : nothing}
    </div>`;
  }

  /** @internal */
  private readonly pickFile = () => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();

  /** @internal W1 found something to review. */
  private offersReview(): boolean {
    if (this.check.phase !== 'done') return false;
    const s = this.check.result.LicenseStatus;
    return s === 'NewLicenseAvailable' || s === 'NewCompanyNameAvailable' || s === 'NewSerialAvailable';
  }

  /** @internal The status line's sentence. */
  private renderStatus(waiting: boolean): unknown {
    if (this.activated) return html`<p class="success">${msg('New licence activated', { id: 'update.activated' })}</p>`;
    if (this.check.phase === 'checking') return html`<p aria-busy="true">${msg('Checking for a new licence…', { id: 'update.checking' })}</p>`;
    if (waiting) return html`<p>${msg('A new licence is waiting to be activated.', { id: 'update.waiting' })}</p>`;
    if (this.check.phase !== 'done') return html`<p>${msg('Check whether the licence server has a new licence.', { id: 'update.idle' })}</p>`;
    const { result, at } = this.check;
    const message = result.Message ? html` <span>${result.Message}</span>` : nothing;
    switch (result.LicenseStatus) {
      case 'Ok': {
        const when = formatDateTime(wall(at));
        return html`<p>${msg(str`Your licence is up to date (checked ${when}).`, { id: 'update.ok' })}${message}</p>`;
      }
      case 'NewLicenseAvailable':
        return html`<p>${msg('A new licence is available.', { id: 'update.available' })}${message}</p>`;
      case 'NewCompanyNameAvailable':
      case 'NewSerialAvailable':
        return html`<p>${msg('A new company name or serial number is available.', { id: 'update.serial-available' })}${message}</p>`;
      case 'UseCustomMessage':
        return html`<p><span>${result.Message}</span></p>`;
      case 'UseCustomMessageAndUrl': {
        const url = safeHttpsUrl(result.Url);
        return html`<p>
          <span>${result.Message}</span>
          ${url ? html` <a href=${url} target="_blank" rel="noopener noreferrer">${msg('More information', { id: 'update.more' })}</a>` : nothing}
        </p>`;
      }
      default:
        return nothing; // ProblemWithLicense, UnknownError: the alert below
    }
  }

  /** @internal Problems: W1 failed or reported a problem; a shop or file action failed. */
  private renderAlert(): unknown {
    const retry = html`<button class="button" part="retry" type="button" @click=${this.runCheck}>${msg('Try again', { id: 'state.retry' })}</button>`;
    if (this.check.phase === 'failed') {
      const e = this.check.error;
      const down = e.kind === 'http' && (e.status === 502 || e.status === 503 || e.status === 504);
      if (e.kind === 'forbidden') {
        return html`<p class="read-only" part="read-only">
          ${msg('You do not have permission to check for a new licence. You can still see the licence.', { id: 'update.check-forbidden' })}
        </p>`;
      }
      return html`<div class="alert notice error" part="alert" role="alert">
        <p>
          ${down
            ? msg('The licence server cannot be reached. The licence in force keeps working; try again later.', { id: 'update.server-down' })
            : msg(str`Could not check for a new licence. ${reasonOf(e)}`, { id: 'update.check-failed' })}
        </p>
        ${retry}
      </div>`;
    }
    if (this.check.phase === 'done' && (this.check.result.LicenseStatus === 'ProblemWithLicense' || this.check.result.LicenseStatus === 'UnknownError')) {
      const m = this.check.result.Message;
      return html`<div class="alert notice error" part="alert" role="alert">
        <p>
          ${this.check.result.LicenseStatus === 'ProblemWithLicense'
            ? msg('There is a problem with the licence.', { id: 'update.problem' })
            : msg('The licence server reported an unknown error.', { id: 'update.unknown' })}
          ${m ? html`<span>${m}</span>` : nothing}
        </p>
        ${retry}
      </div>`;
    }
    if (this.notice) {
      return this.notice.kind === 'alert'
        ? html`<div class="alert notice error" part="alert" role="alert"><p>${this.notice.text()}</p></div>`
        : html`<p class="alert">${this.notice.text()}</p>`;
    }
    return nothing;
  }
}
