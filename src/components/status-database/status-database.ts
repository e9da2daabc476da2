import { html, nothing } from 'lit';
import { msg, str } from '../../localization.js';
import { getCurrentPrincipal, getDatabaseInfo, getLicenses } from '../../api/endpoints.js';
import { ApiError } from '../../api/errors.js';
import { isUnreadableDate, type DatabaseInfo, type ExtendedLicenseInfo, type Principal, type WallDate } from '../../api/schemas.js';
import { KitElement } from '../../core/kit-element.js';
import { Resource } from '../../core/resource.js';
import { ShopAction, shopStyles } from '../../core/shop.js';
import { renderResource } from '../../core/states.js';
import { daysFromToday, formatDate, formatRelativeDays, wallTime } from '../../core/format.js';
import { facts } from '../../core/facts.styles.js';
import { styles } from './status-database.styles.js';

/** Days before the next expiry date from which the card warns (as the owner card does without `AdminWarningDate`). */
const EXPIRY_WARNING_DAYS = 30;

const SUPEROFFICE = 'SUPEROFFICE';

export type DatabaseVariant = NonNullable<DatabaseInfo['DatabaseVariant']>;

/** What the element shows, from E4 or — where E4 answers 404 — composed from E1 and E3. */
export interface DatabaseStatus {
  companyName: string;
  serialNr: string;
  /** `''` when the installation does not report it. */
  databaseType: string;
  /** `null` when the installation does not report it. */
  variant: DatabaseVariant | null;
  nextExpiryDate: WallDate | null;
  nextCheckDate: WallDate | null;
  user: { associate: string; fullName: string } | null;
  /** The signed-in user's role (E3 `RoleName`, `RoleDescription`), when E3 answered. */
  role: { name: string; description: string } | null;
  /** True when composed from E1 and E3 because E4 is not offered. */
  composed: boolean;
}

/** E4 as the element's view. */
export function fromDatabaseInfo(info: DatabaseInfo, principal: Principal | null = null): DatabaseStatus {
  return {
    companyName: info.CompanyName,
    serialNr: info.SerialNr,
    databaseType: info.DatabaseType,
    variant: info.DatabaseVariant,
    nextExpiryDate: info.NextExpiryDate,
    nextCheckDate: info.NextCheckDate,
    user: info.CurrentUser && { associate: info.CurrentUser.Associate, fullName: info.CurrentUser.FullName },
    // E3's role only when E3 and E4 name the same signed-in user.
    role: principal && principal.AssociateId === info.CurrentUser?.AssociateId ? roleOf(principal) : null,
    composed: false,
  };
}

/** What E1 and E3 tell: owner `SUPEROFFICE`'s company and serial number, the earliest expiry over all owners. */
export function composeStatus(owners: ExtendedLicenseInfo[], principal: Principal): DatabaseStatus {
  const superoffice = owners.find((o) => o.Current.OwnerName === 'SUPEROFFICE');
  // A date that cannot be read comes first: it must show as a warning, never hide behind a later date.
  const earliest = (dates: (WallDate | null)[]) =>
    dates.find((d) => isUnreadableDate(d)) ??
    dates.filter((d): d is WallDate => !!d).sort((a, b) => wallTime(a) - wallTime(b))[0] ??
    null;
  return {
    companyName: superoffice?.Current.CompanyName ?? '',
    serialNr: superoffice?.Current.SerialNr ?? '',
    databaseType: '',
    variant: null,
    nextExpiryDate: earliest(owners.map((o) => o.Current.ExpiryDate)),
    nextCheckDate: superoffice ? (superoffice.AccumulatedNextCheckDate ?? superoffice.Current.NextCheckDate) : null,
    user: { associate: principal.Associate, fullName: principal.FullName },
    role: roleOf(principal),
    composed: true,
  };
}

function roleOf(principal: Principal | null): DatabaseStatus['role'] {
  return principal && (principal.RoleName || principal.RoleDescription)
    ? { name: principal.RoleName, description: principal.RoleDescription }
    : null;
}

/**
 * The database's status: owner, serial number, database type, central or satellite, the next expiry date, the next
 * licence check and the signed-in user. Reads `GET /SystemInfo/Database`; where a backend does not offer it (404),
 * it composes what it can from the licences and the current user and says which facts the installation does not
 * report.
 *
 * @tag so-status-database
 * @summary Database status.
 * @fires {CustomEvent<SoLoadDetail>} so-load - Data arrived and rendered. `detail: { source: 'SystemInfo/Database' }`
 * @fires {CustomEvent<SoErrorDetail>} so-error - Loading failed. `detail: { kind, status?, message }`
 * @csspart card - The database card.
 * @csspart facts - The list of facts.
 * @csspart company - The database owner.
 * @csspart note - The sentence naming the facts this installation does not report.
 * @csspart warning - The "a licence expires soon" line (`role="status"`), within 30 days of the next expiry date.
 * @csspart expired - The "a licence expired" line (`role="alert"`) once the next expiry date has passed.
 * @csspart shop - *Purchase new licences* under the expiry warning (W6: SuperOffice's shop, `https:` only).
 * @csspart shop-error - Why the shop was not opened (`role="alert"`).
 * @csspart state - Loading, empty, error and forbidden states.
 * @csspart retry - The *Try again* button.
 */
export class SoStatusDatabase extends KitElement {
  static override styles = [KitElement.styles, facts, shopStyles, styles];

  /** @internal *Purchase new licences* in the expiry warning (SuperOffice's shop: the database's licence). */
  private readonly shop = new ShopAction(this);

  /** @internal */
  private readonly status = new Resource(this, {
    source: 'SystemInfo/Database',
    load: async (_args, { config, signal, fresh }): Promise<DatabaseStatus> => {
      try {
        // E3 only adds the role here: its failure never fails the element.
        const [info, principal] = await Promise.all([
          getDatabaseInfo(config, { signal, fresh }),
          getCurrentPrincipal(config, { signal, fresh }).catch(() => null),
        ]);
        return fromDatabaseInfo(info, principal);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
        const [owners, principal] = await Promise.all([
          getLicenses(config, { signal, fresh }),
          getCurrentPrincipal(config, { signal, fresh }),
        ]);
        return composeStatus(owners, principal);
      }
    },
    isEmpty: (s) => !s.companyName && !s.serialNr && !s.user,
  });

  /** Loads the data again, bypassing answers shared with other elements. */
  refresh(): Promise<void> {
    return this.status.refresh();
  }

  override render() {
    return renderResource(
      this.status,
      {
        failed: msg('Could not load the database information.', { id: 'database.failed' }),
        empty: msg('There is no information about the database.', { id: 'database.empty' }),
      },
      (s) => this.renderStatus(s),
    );
  }

  /** @internal */
  private renderStatus(s: DatabaseStatus) {
    const unreported = html`<span class="unreported">${msg('Not reported', { id: 'database.unreported' })}</span>`;
    return html`<section class="card" part="card" aria-label=${msg('Database', { id: 'database.label' })}>
      <dl class="facts" part="facts">
        ${fact(msg('Database owner', { id: 'database.owner' }), html`<span part="company">${s.companyName}</span>`)}
        ${fact(msg('Serial number', { id: 'owner.serial' }), s.serialNr)}
        ${fact(msg('Database type', { id: 'database.type' }), s.databaseType || unreported)}
        ${fact(msg('Central or satellite', { id: 'database.variant' }), s.variant ? variantLabel(s.variant) : unreported)}
        ${fact(msg('Next expiry date', { id: 'database.expiry' }), dateWithDistance(s.nextExpiryDate) ?? msg('Not time-limited', { id: 'database.no-expiry' }))}
        ${fact(msg('Next licence check', { id: 'database.check' }), dateWithDistance(s.nextCheckDate) ?? msg('Not scheduled', { id: 'database.no-check' }))}
        ${fact(
          msg('Signed in as', { id: 'database.user' }),
          s.user ? html`${s.user.fullName} <span class="muted">(${s.user.associate})</span>` : unreported,
        )}
        ${s.role
          ? fact(
              msg('Role', { id: 'database.role' }),
              html`${s.role.name}${s.role.description ? html` <span class="muted role-description">${s.role.description}</span>` : nothing}`,
            )
          : nothing}
      </dl>
      ${this.renderExpiry(s.nextExpiryDate)}
      ${this.renderNote(s)}
    </section>`;
  }

  /**
   * @internal The next expiry date gets the owner card's treatment: a warning within 30 days, an alert once passed.
   */
  private renderExpiry(date: WallDate | null) {
    if (!date) return nothing;
    const days = daysFromToday(date);
    if (days < 0) {
      return html`<p class="notice error" part="expired" role="alert">
          ${msg(str`A licence expired on ${formatDate(date)}. Renew it to continue.`, { id: 'database.expired' })}
        </p>
        <div class="shop-line">${this.shop.render(SUPEROFFICE)}</div>`;
    }
    if (days > EXPIRY_WARNING_DAYS) return nothing;
    return html`<p class="notice warning" part="warning" role="status">
        ${msg(str`A licence expires on ${formatDate(date)} (${formatRelativeDays(date)}).`, { id: 'database.expiring' })}
      </p>
      <div class="shop-line">${this.shop.render(SUPEROFFICE)}</div>`;
  }

  /** @internal Names the facts the installation does not report. */
  private renderNote(s: DatabaseStatus) {
    const note =
      !s.databaseType && !s.variant
        ? msg('This installation does not report the database type or whether it is central or satellite.', {
            id: 'database.note-both',
          })
        : !s.databaseType
          ? msg('This installation does not report the database type.', { id: 'database.note-type' })
          : !s.variant
            ? msg('This installation does not report whether the database is central or satellite.', {
                id: 'database.note-variant',
              })
            : '';
    return note ? html`<p class="note" part="note">${note}</p>` : nothing;
  }
}

const fact = (label: string, value: unknown) => html`<div>
  <dt>${label}</dt>
  <dd>${value}</dd>
</div>`;

/** A date and how far away it is: "12 March 2027 (in 20 days)"; a date that cannot be read is a visible warning. */
function dateWithDistance(date: WallDate | null) {
  if (date && isUnreadableDate(date)) return html`<span class="unreadable" role="alert">${formatDate(date)}</span>`;
  return date
    ? html`<time datetime=${date}>${formatDate(date)}</time> <span class="muted">(${formatRelativeDays(date)})</span>`
    : undefined;
}

function variantLabel(variant: DatabaseVariant): string {
  switch (variant) {
    case 'Central':
      return msg('Central database', { id: 'database.central' });
    case 'Satellite':
      return msg('Satellite database', { id: 'database.satellite' });
    case 'Travel':
      return msg('Travel database', { id: 'database.travel' });
    case 'Prototype':
      return msg('Satellite prototype', { id: 'database.prototype' });
    case 'UpdatedPrototype':
      return msg('Updated satellite prototype', { id: 'database.updated-prototype' });
  }
}
