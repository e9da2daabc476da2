import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '../../localization.js';
import { getLicenses } from '../../api/endpoints.js';
import { isUnreadableDate, unreadableValue, type ExtendedLicenseInfo, type LicenseInfo, type WallDate } from '../../api/schemas.js';
import { KitElement } from '../../core/kit-element.js';
import { Resource } from '../../core/resource.js';
import { ShopAction, shopStyles } from '../../core/shop.js';
import { renderResource } from '../../core/states.js';
import { daysFromToday, formatDate, formatRelativeDays, wallTime } from '../../core/format.js';
import { facts } from '../../core/facts.styles.js';
import { styles } from './owner-info.styles.js';

/** How close a licence is to its end. */
export type ExpiryStatus =
  | { kind: 'unlimited' }
  | { kind: 'unreadable'; expiry: WallDate }
  | { kind: 'valid'; expiry: WallDate }
  | { kind: 'expiring'; expiry: WallDate }
  | { kind: 'expired'; expiry: WallDate; grace: WallDate | null };

const WARNING_DAYS = 30;

/** Expired once `ExpiryDate` passed; expiring from `AdminWarningDate`, or 30 days before expiry when it is empty. */
export function expiryStatus(info: LicenseInfo, now = new Date()): ExpiryStatus {
  const expiry = info.ExpiryDate;
  if (!expiry) return { kind: 'unlimited' };
  // A date the server sent but the kit cannot read is never "not time-limited".
  if (isUnreadableDate(expiry)) return { kind: 'unreadable', expiry };
  if (daysFromToday(expiry, now) < 0) {
    const grace =
      info.GraceDate && !isUnreadableDate(info.GraceDate) && wallTime(info.GraceDate) > wallTime(expiry) ? info.GraceDate : null;
    return { kind: 'expired', expiry, grace };
  }
  const warnFrom = info.AdminWarningDate && !isUnreadableDate(info.AdminWarningDate)
    ? daysFromToday(info.AdminWarningDate, now) <= 0
    : daysFromToday(expiry, now) <= WARNING_DAYS;
  return { kind: warnFrom ? 'expiring' : 'valid', expiry };
}

/**
 * The licence owner's company, serial number, maintenance date and — when the licence is time-limited — its expiry
 * date, with a warning as the date nears and an alert once it has passed (or when the server's date cannot be read).
 *
 * @tag so-owner-info
 * @summary Licence owner information.
 * @fires {CustomEvent<SoLoadDetail>} so-load - Data arrived and rendered. `detail: { source: 'License' }`
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading failed. `detail: { kind, status?, message }`
 * @csspart card - The owner card.
 * @csspart facts - The list of facts.
 * @csspart company - The company name.
 * @csspart warning - The "expires soon" line (`role="status"`).
 * @csspart expired - The "expired" line (`role="alert"`), also used when the expiry date cannot be read.
 * @csspart shop - *Purchase new licences* in the "expires soon" and "expired" lines (W6: the owner's shop, `https:` only).
 * @csspart shop-error - Why the shop was not opened (`role="alert"`).
 * @csspart state - Loading, empty, error and forbidden states.
 * @csspart retry - The *Try again* button.
 */
export class SoOwnerInfo extends KitElement {
  static override styles = [KitElement.styles, facts, shopStyles, styles];

  /** The licence owner to show (`OwnerName` in E1), e.g. `SUPEROFFICE` or a third-party add-on's code. */
  @property() owner = 'SUPEROFFICE';

  /**
   * @internal Set by `<so-licences>`, whose update bar right below offers *Purchase new licences*: the expiry warning
   * then has no second button of the same name.
   */
  @property({ attribute: false }) shopBelow = false;

  /** @internal *Purchase new licences* in the expiry warning. */
  private readonly shop = new ShopAction(this);

  /** @internal */
  private readonly licences = new Resource(this, {
    source: 'License',
    localized: true,
    args: () => [this.owner] as const,
    load: ([owner], { config, signal, fresh }) =>
      getLicenses(config, { signal, fresh }).then(
        (all): ExtendedLicenseInfo | null => all.find((o) => o.Current.OwnerName === owner) ?? null,
      ),
    isEmpty: (owner) => owner === null,
  });

  /** Loads the data again, bypassing answers shared with other elements. */
  refresh(): Promise<void> {
    return this.licences.refresh();
  }

  override render() {
    return renderResource(
      this.licences,
      {
        failed: msg('Could not load the licence information.', { id: 'owner.failed' }),
        // Empty means the owner is not in E1, so nothing but its code is known: no code on screen.
        empty: msg('There is no licence information.', { id: 'owner.empty' }),
        forbidden: msg('You do not have access to licence information.', { id: 'licence.forbidden' }),
      },
      (owner) => this.renderOwner(owner!.Current),
      // Loading keeps the card's room: its four facts, without values.
      () => this.renderOwner(),
    );
  }

  /** @internal The card; without `info`, its shape (labels, one line per value) for the loading state. */
  private renderOwner(info?: LicenseInfo) {
    const status = info ? expiryStatus(info) : undefined;
    const blank = '\u00a0';
    return html`<section class="card" part="card" aria-label=${info ? info.OwnerDescription || info.OwnerName : nothing}>
      <dl class="facts" part="facts">
        <div>
          <dt>${msg('Company', { id: 'owner.company' })}</dt>
          <dd class="company" part="company">${info ? info.CompanyName : blank}</dd>
        </div>
        <div>
          <dt>${msg('Serial number', { id: 'owner.serial' })}</dt>
          <dd>${info ? info.SerialNr : blank}</dd>
        </div>
        ${status?.kind === 'unlimited'
          ? nothing
          : html`<div>
              <dt>${msg('Expiry date', { id: 'owner.expiry' })}</dt>
              <dd>${status ? dateValue(status.expiry) : blank}</dd>
            </div>`}
        ${!info || info.MaintenanceDate
          ? html`<div>
              <dt>${msg('Maintenance until', { id: 'owner.maintenance' })}</dt>
              <dd>${info?.MaintenanceDate ? dateValue(info.MaintenanceDate) : blank}</dd>
            </div>`
          : nothing}
      </dl>
      ${info && status ? this.renderStatus(status, info.OwnerName) : nothing}
    </section>`;
  }

  /** @internal */
  private renderStatus(status: ExpiryStatus, owner: string) {
    if (status.kind === 'unreadable') {
      const value = unreadableValue(status.expiry);
      return html`<p class="notice error" part="expired" role="alert">
        ${msg(str`The expiry date sent by the server (“${value}”) could not be read. Check the licence before relying on it.`, {
          id: 'owner.expiry-unreadable',
        })}
      </p>`;
    }
    if (status.kind === 'expiring') {
      const date = formatDate(status.expiry);
      const relative = formatRelativeDays(status.expiry);
      return html`<p class="notice warning" part="warning" role="status">
        ${msg(str`The licence expires on ${date} (${relative}).`, {
          id: 'owner.expiring',
        })}
      </p>
      ${this.shopBelow ? nothing : html`<div class="shop-line">${this.shop.render(owner)}</div>`}`;
    }
    if (status.kind === 'expired') {
      const date = formatDate(status.expiry);
      const grace = status.grace ? formatDate(status.grace) : '';
      return html`<p class="notice error" part="expired" role="alert">
        ${status.grace
          ? msg(str`The licence expired on ${date}. It keeps working until ${grace}; renew it before then.`, {
              id: 'owner.expired-grace',
            })
          : msg(str`The licence expired on ${date}. Renew it to continue.`, { id: 'owner.expired' })}
      </p>
      ${this.shopBelow ? nothing : html`<div class="shop-line">${this.shop.render(owner)}</div>`}`;
    }
    return nothing;
  }
}

/** A date as `<time>`, or the visible "Unreadable date …" text (no machine-readable value for it). */
function dateValue(date: WallDate) {
  return isUnreadableDate(date) ? formatDate(date) : html`<time datetime=${date}>${formatDate(date)}</time>`;
}
